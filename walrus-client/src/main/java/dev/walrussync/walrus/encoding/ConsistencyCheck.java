package dev.walrussync.walrus.encoding;

/** How thoroughly {@link BlobDecoder} checks a decoded blob against its metadata (as Walrus's read options do). */
public enum ConsistencyCheck {
    /** No check beyond decoding; for data from a trusted writer. */
    SKIP,
    /** Re-hash the decoded blob's source rows (primary slivers 0 to n-2f-1) and compare with the metadata. */
    DEFAULT,
    /** Re-encode the decoded blob completely and compare the whole metadata, hence the blob ID. */
    STRICT
}
