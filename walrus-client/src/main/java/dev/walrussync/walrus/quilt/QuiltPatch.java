package dev.walrussync.walrus.quilt;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of a quilt index ({@code QuiltPatchV1}): where a patch lies and what it is called. Only the end index
 * is stored; the start index is the previous patch's end (or the index's column count for the first).
 *
 * @param identifier the patch's identifier
 * @param startIndex its first column
 * @param endIndex one past its last column
 * @param tags its tags
 */
public record QuiltPatch(String identifier, int startIndex, int endIndex, Map<String, String> tags) {
    public QuiltPatch {
        Objects.requireNonNull(identifier, "identifier");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** This patch's ID within the quilt {@code quiltId}. */
    public QuiltPatchId patchId(BlobId quiltId) {
        return new QuiltPatchId(quiltId, startIndex, endIndex);
    }
}
