package dev.walrussync.engine.repo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a directory tree: a file, a directory, a symlink or something else that is recorded
 * but not restored as data.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 6.1</a>
 */
@JsonPropertyOrder({"name", "type", "size", "mode", "mtime", "chunks", "tree", "target"})
public record TreeNode(
        String name,
        String type,
        @Nullable Long size,
        int mode,
        String mtime,
        @Nullable List<String> chunks,
        @Nullable String tree,
        @Nullable String target) {
    public static final String FILE = "file";
    public static final String DIR = "dir";
    public static final String SYMLINK = "symlink";

    public boolean isFile() {
        return FILE.equals(type);
    }

    public boolean isDir() {
        return DIR.equals(type);
    }

    public boolean isSymlink() {
        return SYMLINK.equals(type);
    }
}
