package dev.walrussync.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files that the process cannot read, even when it runs as root (where {@code chmod 000} stops
 * nothing): a file whose absolute path is longer than the operating system accepts (PATH_MAX,
 * 4096 bytes on Linux), so that every stat or open of it fails with "File name too long".
 *
 * <p>Java cannot create such a path directly, so the file is created below a short folder name,
 * which is then renamed to a long one; {@link TooLongPath#close()} renames it back so the tree can be
 * deleted again.
 */
public final class UnreadableFiles {
    /** Linux's PATH_MAX, including the terminating NUL. */
    private static final int PATH_MAX = 4096;

    private static final int LONG_TOP = 250;

    private UnreadableFiles() {}

    /** A file that cannot be opened because its path is too long; close to make it reachable again. */
    public record TooLongPath(Path file, Path shortTop, Path longTop) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (Files.exists(longTop)) {
                    Files.move(longTop, shortTop);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Creates {@code dir/<long folders>/fileName} with {@code content}, where the folders' paths stay
     * just below PATH_MAX and the file's path goes over it.
     */
    public static TooLongPath tooLongToOpen(Path dir, String fileName, byte[] content) throws IOException {
        Path base = dir.toAbsolutePath();
        Path shortTop = base.resolve("t");
        Path longTop = base.resolve("L".repeat(LONG_TOP));
        int deepest = PATH_MAX - 6; // the deepest folder's path, once renamed
        if (fileName.length() < 6) {
            throw new IllegalArgumentException("use a file name of at least 6 characters");
        }
        int remaining = deepest - longTop.toString().length();
        int parts = (remaining + 200) / 201;
        Path deep = shortTop;
        for (int i = 0; i < parts; i++) {
            int length = remaining / (parts - i) - 1;
            deep = deep.resolve(Character.toString('a' + i).repeat(length));
            remaining -= length + 1;
        }
        Files.createDirectories(deep);
        Path file = Files.write(deep.resolve(fileName), content);
        Files.move(shortTop, longTop);
        Path unreachable = longTop.resolve(shortTop.relativize(file).toString());
        return new TooLongPath(unreachable, shortTop, longTop);
    }
}
