package dev.walrussync.engine.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Builds, copies and stamps directory trees for tests. Symlinks are never followed. */
public final class Trees {
    /** A fixed, whole-second time well in the past, from which {@link #stampTimes} counts. */
    public static final Instant EPOCH = Instant.parse("2021-03-04T05:06:07Z");

    private Trees() {}

    /** Deterministic pseudo-random bytes: incompressible, and different for every seed. */
    public static byte[] randomBytes(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Writes a file, creating its parent folders. */
    public static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        return file;
    }

    /** Writes a file of {@code size} pseudo-random bytes from {@code seed}. */
    public static Path writeRandom(Path file, long seed, int size) throws IOException {
        return write(file, randomBytes(seed, size));
    }

    public static Path writeString(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Sets a path's own modification time (a symlink's, not its target's). */
    public static void setMtime(Path p, Instant time) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(time), null, null);
    }

    /** Sets POSIX permissions such as {@code rw-------}. */
    public static void chmod(Path p, String permissions) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
    }

    /**
     * Gives every entry below and including {@code root} a distinct whole-second mtime: {@link #EPOCH}
     * plus {@code offsetSeconds} plus its position in path order, times 7 seconds. Folders are stamped
     * after their contents, so the times stick.
     */
    public static void stampTimes(Path root, long offsetSeconds) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = new ArrayList<>(s.sorted().toList());
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            setMtime(all.get(i), EPOCH.plusSeconds(offsetSeconds + 7L * i));
        }
    }

    /** Copies a tree with its symlinks, modes and mtimes, as the reference for a later restore. */
    public static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = target.resolve(source.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(file));
                    setMtime(dest, attrs.lastModifiedTime().toInstant());
                } else {
                    Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Path dest = target.resolve(source.relativize(dir).toString());
                Files.setPosixFilePermissions(dest, Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
                setMtime(
                        dest,
                        Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS)
                                .toInstant());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The names in a folder, sorted. */
    public static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Deletes whatever is at {@code path} and returns it, ready to be created again. */
    public static Path fresh(Path path) throws IOException {
        deleteTree(path);
        return path;
    }

    /** Deletes a tree, making folders writable first; does nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                chmod(p, "rwx------");
            }
        }
        for (Path p : all) {
            Files.delete(p);
        }
    }
}
