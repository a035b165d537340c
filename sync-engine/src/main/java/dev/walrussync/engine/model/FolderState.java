package dev.walrussync.engine.model;

/** What the watch daemon is doing with one folder. */
public enum FolderState {
    /** Everything seen so far is in a snapshot, or waits for its quiet period. */
    IDLE,
    /** Reading the folder: finding and chunking what changed. */
    SCANNING,
    /** Storing new packs. */
    UPLOADING,
    /** Paused by the user; changes are collected and stored on resume. */
    PAUSED,
    /** The last backup of the folder failed; it is retried. */
    ERROR
}
