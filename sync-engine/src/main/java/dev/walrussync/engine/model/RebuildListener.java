package dev.walrussync.engine.model;

/** Hears how far an index rebuild has come. */
public interface RebuildListener {
    RebuildListener NONE = new RebuildListener() {};

    /** Called after each blob's header was read; {@code total} is the number of blobs to read. */
    default void blobRead(int done, int total) {}

    /** Called after each snapshot's trees were walked. */
    default void snapshotIndexed(int done, int total) {}
}
