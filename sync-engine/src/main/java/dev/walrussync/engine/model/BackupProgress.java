package dev.walrussync.engine.model;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of a running backup, safe to read from any thread (a progress bar samples them).
 * The totals come from a scan that runs beside the backup and are final once {@link #scanDone()}.
 */
public final class BackupProgress {
    private final LongAdder filesDone = new LongAdder();
    private final LongAdder bytesDone = new LongAdder();
    private final LongAdder newBytes = new LongAdder();
    private final LongAdder filesTotal = new LongAdder();
    private final LongAdder bytesTotal = new LongAdder();
    private volatile boolean scanDone;
    private final AtomicReference<String> currentFile = new AtomicReference<>("");

    public long filesDone() {
        return filesDone.sum();
    }

    public long bytesDone() {
        return bytesDone.sum();
    }

    /** Plaintext bytes of chunks that were new to the repository. */
    public long newBytes() {
        return newBytes.sum();
    }

    public long filesTotal() {
        return filesTotal.sum();
    }

    public long bytesTotal() {
        return bytesTotal.sum();
    }

    public boolean scanDone() {
        return scanDone;
    }

    public String currentFile() {
        return currentFile.get();
    }

    // ---- updated by the engine ----

    public void fileDone(long bytes) {
        filesDone.increment();
        bytesDone.add(bytes);
    }

    public void newChunk(long bytes) {
        newBytes.add(bytes);
    }

    public void scanned(long bytes) {
        filesTotal.increment();
        bytesTotal.add(bytes);
    }

    public void markScanDone() {
        scanDone = true;
    }

    public void startFile(String path) {
        currentFile.set(path);
    }
}
