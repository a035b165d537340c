package dev.walrussync.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares directory trees: the same paths (empty folders included), the same kind of each entry,
 * byte-identical file contents, the same symlink targets, the same POSIX permissions on files and
 * folders, and the same mtimes to the second (symlinks' own mtimes included).
 */
public final class TreeAssert {
    private TreeAssert() {}

    /** Asserts that {@code actual} is a faithful copy of {@code expected}, including the two roots. */
    public static void assertSameTree(Path expected, Path actual) {
        assertThat(Files.isDirectory(actual, LinkOption.NOFOLLOW_LINKS))
                .as("%s is a folder", actual)
                .isTrue();
        Map<String, String> want = describe(expected);
        Map<String, String> got = describe(actual);
        assertThat(got).as("the tree %s compared with %s", actual, expected).isEqualTo(want);
    }

    /**
     * One line per entry, keyed by its '/'-separated path relative to {@code root} ("." for the root):
     * what a faithful restore must reproduce.
     */
    public static Map<String, String> describe(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.put(rel.isEmpty() ? "." : rel, describeEntry(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String describeEntry(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long mtime = a.lastModifiedTime().toInstant().getEpochSecond();
        if (a.isSymbolicLink()) {
            return "symlink -> " + Files.readSymbolicLink(p) + " mtime=" + mtime;
        }
        String mode = PosixFilePermissions.toString(a.permissions());
        if (a.isDirectory()) {
            return "dir " + mode + " mtime=" + mtime;
        }
        if (a.isRegularFile()) {
            return "file " + mode + " mtime=" + mtime + " size=" + a.size() + " sha256=" + sha256(p);
        }
        return "other";
    }

    /** The SHA-256 of a file's content, hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
