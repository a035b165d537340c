package dev.walrussync.engine.repo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot as stored in a snapshot chunk.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 6.2</a>
 */
@JsonPropertyOrder({"version", "time", "host", "user", "paths", "tags", "tree", "parent", "summary"})
public record SnapshotRecord(
        int version,
        String time,
        String host,
        String user,
        List<String> paths,
        List<String> tags,
        String tree,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String parent,
        Summary summary) {

    /** Counts from the backup that made the snapshot. */
    @JsonPropertyOrder({"files", "dirs", "bytes", "newChunks", "newBytes"})
    public record Summary(long files, long dirs, long bytes, long newChunks, long newBytes) {}
}
