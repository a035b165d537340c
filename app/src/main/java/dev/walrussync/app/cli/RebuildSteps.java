package dev.walrussync.app.cli;

import dev.walrussync.engine.model.RebuildListener;
import org.jspecify.annotations.Nullable;

/**
 * Shows an index rebuild step by step on standard error: a line when a step starts, and a progress bar while it
 * runs. Quiet for JSON output.
 */
final class RebuildSteps implements RebuildListener, AutoCloseable {
    private final Console console;
    private final boolean enabled;
    private @Nullable String step;
    private @Nullable ProgressBar bar;
    private final ProgressBar.ItemCounter counter = new ProgressBar.ItemCounter();

    RebuildSteps(Console console, boolean enabled) {
        this.console = console;
        this.enabled = enabled;
    }

    @Override
    public void blobsListed(int blobs) {
        if (enabled && step == null) {
            console.err().println("1/4 Listed the store: " + blobs + " blob(s)");
            step = "listed";
        }
    }

    @Override
    public void recordPackRead(int done, int total) {
        progress("2/4 Reading the " + total + " pack(s) that hold snapshots and index records", "records", done, total);
    }

    @Override
    public void blobRead(int done, int total) {
        progress("3/4 Reading the headers of " + total + " pack(s) no index record lists", "headers", done, total);
    }

    @Override
    public void snapshotIndexed(int done, int total) {
        progress("4/4 Rebuilding the index from " + total + " snapshot(s)", "snapshots", done, total);
    }

    private synchronized void progress(String title, String label, int done, int total) {
        if (!enabled) {
            return;
        }
        if (!title.equals(step)) {
            closeBar();
            console.err().println(title);
            step = title;
            counter.accept(0, total);
            bar = ProgressBar.start(console, true, label, counter);
        }
        counter.accept(done, total);
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
    }
}
