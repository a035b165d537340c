package dev.walrussync.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A progress bar on standard error, redrawn five times a second from a sampled state. It draws
 * nothing when standard error is not a terminal.
 */
public final class ProgressBar implements AutoCloseable {
    /** What the bar shows at one moment. {@code totalKnown} is false while totals are still counted. */
    public record State(long filesDone, long filesTotal, long bytesDone, long bytesTotal, boolean totalKnown) {}

    private static final int WIDTH = 28;

    /**
     * Counts the (done, total) items an engine operation reports, such as packs checked or blobs
     * read, and shows them as a bar.
     */
    static final class ItemCounter implements java.util.function.BiConsumer<Integer, Integer>, Supplier<State> {
        private volatile long done;
        private volatile long total;

        @Override
        public void accept(Integer d, Integer t) {
            done = d;
            total = t;
        }

        @Override
        public State get() {
            return new State(done, total, 0, 0, true);
        }
    }

    private final PrintStream err;
    private final String label;
    private final Supplier<State> sampler;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private ProgressBar(PrintStream err, String label, Supplier<State> sampler) {
        this.err = err;
        this.label = label;
        this.sampler = sampler;
        this.thread = new Thread(this::loop, "progress-bar");
        this.thread.setDaemon(true);
    }

    /** Starts a bar, or a no-op when the console is not a terminal or output is JSON. */
    public static ProgressBar start(Console console, boolean enabled, String label, Supplier<State> sampler) {
        ProgressBar bar = new ProgressBar(console.err(), label, sampler);
        if (enabled && console.terminal()) {
            bar.thread.start();
        } else {
            bar.running = false;
        }
        return bar;
    }

    private void loop() {
        while (running) {
            draw();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void draw() {
        err.print("\r" + render(sampler.get(), (System.nanoTime() - startNanos) / 1e9) + "\u001b[K");
        err.flush();
    }

    /** Renders one line; visible for testing. */
    String render(State s, double seconds) {
        double fraction = s.bytesTotal() > 0
                ? Math.min(1.0, (double) s.bytesDone() / s.bytesTotal())
                : (s.filesTotal() > 0 ? Math.min(1.0, (double) s.filesDone() / s.filesTotal()) : 0);
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double rate = seconds > 0 ? s.bytesDone() / seconds : 0;
        String eta = "";
        if (s.totalKnown() && rate > 0 && s.bytesTotal() > s.bytesDone()) {
            eta = " ETA " + Format.duration((long) ((s.bytesTotal() - s.bytesDone()) / rate));
        }
        return String.format(
                Locale.ROOT,
                "%s [%s] %3.0f%% %d/%d%s files  %s/%s%s  %s/s%s",
                label,
                bar,
                fraction * 100,
                s.filesDone(),
                s.filesTotal(),
                s.totalKnown() ? "" : "+",
                Format.bytes(s.bytesDone()),
                Format.bytes(s.bytesTotal()),
                s.totalKnown() ? "" : "+",
                Format.bytes((long) rate),
                eta);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        err.println();
    }
}
