package dev.walrussync.engine.model;

/**
 * Hears how far an index rebuild has come, step by step: the store is listed, the packs that hold records are read,
 * the headers of the packs no record lists are read, and then every snapshot's trees are walked.
 */
public interface RebuildListener {
    RebuildListener NONE = new RebuildListener() {};

    /** Called once the store was listed, with the number of blobs in it. */
    default void blobsListed(int blobs) {}

    /** Called after each pack holding records (snapshots, index records) was read; {@code total} is how many. */
    default void recordPackRead(int done, int total) {}

    /** Called after each header of a pack no index record lists was read; {@code total} is how many. */
    default void blobRead(int done, int total) {}

    /** Called after each snapshot's trees were walked. */
    default void snapshotIndexed(int done, int total) {}
}
