package dev.walrussync.engine.model;

/** Lets a caller hold back uploads: the watch daemon closes it while the user has paused. */
@FunctionalInterface
public interface UploadGate {
    /** A gate that never holds anything back. */
    UploadGate OPEN = () -> {};

    /** Returns when the next pack may be uploaded; blocks while uploads are held back. */
    void awaitOpen() throws InterruptedException;
}
