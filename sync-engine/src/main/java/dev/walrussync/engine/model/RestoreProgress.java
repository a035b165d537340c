package dev.walrussync.engine.model;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running restore, safe to read from any thread. */
public final class RestoreProgress {
    private final AtomicLong filesTotal = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();

    public long filesTotal() {
        return filesTotal.get();
    }

    public long bytesTotal() {
        return bytesTotal.get();
    }

    public long filesDone() {
        return filesDone.get();
    }

    public long bytesDone() {
        return bytesDone.get();
    }

    // ---- updated by the engine ----

    public void planned(long bytes) {
        filesTotal.incrementAndGet();
        bytesTotal.addAndGet(bytes);
    }

    public void bytesWritten(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    public void fileDone() {
        filesDone.incrementAndGet();
    }
}
