package dev.walrussync.ui.onboarding;

import dev.walrussync.engine.model.RebuildListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * How far recovering a repository has come, in the four steps of rebuilding its index: list the blobs, read the index
 * records, read the remaining pack headers, rebuild the index from the snapshots. The engine reports on its own
 * thread, once per item (a pack, a header, a snapshot: thousands on a large backup); the screen is sent the whole
 * state, on the FX executor, at most once per turn of that executor, so that it shows the latest state without a task
 * queued per report.
 *
 * <p>The engine reports an item once it is done, so a step is known to run from the report that ends the step before
 * it; the steps before the one reported are done. A step with nothing to do is never reported and shows as done with
 * nothing in it.
 */
public final class RecoverySteps implements RebuildListener {
    /** A step's state. */
    public enum State {
        WAITING,
        RUNNING,
        DONE
    }

    /** One step's line. */
    public record Step(State state, String text) {}

    /**
     * The steps' lines, and the progress of the one that runs.
     *
     * @param fraction the running step's progress from 0 to 1, or -1 while it is not known
     */
    public record Progress(List<Step> steps, double fraction) {
        public Progress {
            steps = List.copyOf(steps);
        }
    }

    static final int STEPS = 4;
    private static final int FINISHED = STEPS;

    private final Executor fxExecutor;
    private final Consumer<Progress> show;
    private final AtomicBoolean posted = new AtomicBoolean();
    private int current;
    private int blobs = -1;
    /** Items done and in all, for the records (1), the headers (2) and the snapshots (3); -1 while not reported. */
    private final int[] done = new int[STEPS];

    private final int[] total = {-1, -1, -1, -1};

    /** @param show receives the progress on {@code fxExecutor} */
    RecoverySteps(Executor fxExecutor, Consumer<Progress> show) {
        this.fxExecutor = fxExecutor;
        this.show = show;
    }

    /** The steps before a recovery starts: all waiting. */
    static Progress notStarted() {
        RecoverySteps none = new RecoverySteps(Runnable::run, p -> {});
        synchronized (none) {
            none.current = -1;
            return none.progress();
        }
    }

    /** Sends the state to the screen, unless a sending is already queued (it reads the state when it runs). */
    private void changed() {
        if (posted.compareAndSet(false, true)) {
            fxExecutor.execute(() -> {
                posted.set(false);
                show.accept(progress());
            });
        }
    }

    @Override
    public void blobsListed(int n) {
        synchronized (this) {
            blobs = n;
            current = Math.max(current, 1);
        }
        changed();
    }

    @Override
    public void recordPackRead(int d, int t) {
        report(1, d, t);
    }

    @Override
    public void blobRead(int d, int t) {
        report(2, d, t);
    }

    @Override
    public void snapshotIndexed(int d, int t) {
        report(3, d, t);
    }

    private void report(int step, int d, int t) {
        synchronized (this) {
            current = Math.max(current, step);
            done[step] = d;
            total[step] = t;
        }
        changed();
    }

    /** The rebuild is over: every step is done. */
    void finish() {
        synchronized (this) {
            current = FINISHED;
        }
        changed();
    }

    /** The steps as they stand. */
    synchronized Progress progress() {
        List<Step> steps = new ArrayList<>(STEPS);
        for (int i = 0; i < STEPS; i++) {
            State s = i < current ? State.DONE : i == current ? State.RUNNING : State.WAITING;
            steps.add(new Step(s, text(i, s)));
        }
        double fraction;
        if (current == FINISHED) {
            fraction = 1;
        } else if (current > 0 && total[current] > 0) {
            fraction = (double) done[current] / total[current];
        } else {
            fraction = -1;
        }
        return new Progress(steps, fraction);
    }

    private String text(int step, State s) {
        int d = done[step];
        int t = total[step];
        return switch (step) {
            case 0 ->
                switch (s) {
                    case WAITING -> "List the blobs";
                    case RUNNING -> "Finding the backup and listing its blobs…";
                    case DONE -> "Listed the blobs: " + blobs + " found";
                };
            case 1 ->
                switch (s) {
                    case WAITING -> "Read the index records";
                    case RUNNING ->
                        t < 0
                                ? "Reading the index records…"
                                : "Reading the index records: " + d + " of " + count(t, "pack");
                    case DONE -> t <= 0 ? "No index records to read" : "Read the index records of " + count(t, "pack");
                };
            case 2 ->
                switch (s) {
                    case WAITING -> "Read the remaining pack headers";
                    case RUNNING ->
                        t < 0
                                ? "Reading the remaining pack headers…"
                                : "Reading the remaining pack headers: " + d + " of " + t;
                    case DONE -> t <= 0 ? "No other pack headers to read" : "Read " + count(t, "remaining pack header");
                };
            default ->
                switch (s) {
                    case WAITING -> "Rebuild the index from the snapshots";
                    case RUNNING ->
                        t < 0
                                ? "Rebuilding the index from the snapshots…"
                                : "Rebuilding the index from the snapshots: " + d + " of " + t;
                    case DONE -> t <= 0 ? "No snapshots to index" : "Rebuilt the index from " + count(t, "snapshot");
                };
        };
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
