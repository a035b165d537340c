package dev.walrussync.engine.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the backup records about a path without reading it: kind, size, times, identity and mode.
 * Symlinks are never followed.
 *
 * @param ctime the inode change time where the platform has one, else the modification time
 * @param fileKey device and inode where the platform has them
 * @param mode the POSIX permission bits, or 0
 */
public record FileMeta(Kind kind, long size, Instant mtime, Instant ctime, Optional<String> fileKey, int mode) {

    /** What kind of file system object a path is. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK,
        OTHER
    }

    private static final boolean UNIX_VIEW =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    public static FileMeta read(Path path) throws IOException {
        if (UNIX_VIEW) {
            Map<String, Object> a = Files.readAttributes(
                    path,
                    "unix:size,lastModifiedTime,ctime,ino,dev,mode,isRegularFile,isDirectory,isSymbolicLink",
                    LinkOption.NOFOLLOW_LINKS);
            Kind kind = Boolean.TRUE.equals(a.get("isSymbolicLink"))
                    ? Kind.SYMLINK
                    : Boolean.TRUE.equals(a.get("isDirectory"))
                            ? Kind.DIRECTORY
                            : Boolean.TRUE.equals(a.get("isRegularFile")) ? Kind.FILE : Kind.OTHER;
            return new FileMeta(
                    kind,
                    (Long) a.get("size"),
                    ((FileTime) a.get("lastModifiedTime")).toInstant(),
                    ((FileTime) a.get("ctime")).toInstant(),
                    Optional.of(a.get("dev") + ":" + a.get("ino")),
                    ((Integer) a.get("mode")) & 07777);
        }
        BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Kind kind = b.isSymbolicLink()
                ? Kind.SYMLINK
                : b.isDirectory() ? Kind.DIRECTORY : b.isRegularFile() ? Kind.FILE : Kind.OTHER;
        int mode = 0;
        try {
            mode = toMode(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .permissions());
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions on this platform.
        }
        Object key = b.fileKey();
        return new FileMeta(
                kind,
                b.size(),
                b.lastModifiedTime().toInstant(),
                b.lastModifiedTime().toInstant(),
                Optional.ofNullable(key == null ? null : key.toString()),
                mode);
    }

    /** Converts POSIX permissions to mode bits. */
    public static int toMode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    /** Converts mode bits to POSIX permissions (setuid, setgid and sticky bits are dropped). */
    public static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }
}
