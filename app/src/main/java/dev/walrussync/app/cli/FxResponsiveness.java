package dev.walrussync.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * How responsive the FX thread is, for {@code bench-ui}, measured two ways:
 *
 * <ul>
 *   <li>a <b>heartbeat</b>: a task posted with {@link Platform#runLater} {@value #HEARTBEAT_MILLIS} ms after the
 *       previous one ran, timed from posting to running. One is outstanding at a time, so a stall is counted once, as
 *       long as it lasted (what a click waits for);
 *   <li>the <b>gaps between animation frames</b> ({@link AnimationTimer}): about 17 ms at 60 Hz when nothing holds
 *       the thread up.
 * </ul>
 *
 * While a heartbeat is later than the stall threshold, the FX thread's stack is sampled every {@value
 * #SAMPLE_MILLIS} ms, so that a stall can be traced to the code that caused it, and the CPU time the FX thread used
 * meanwhile is kept: a stall it spent off the CPU was not its own work (it was blocked, or the machine's cores were
 * busy with other threads).
 */
final class FxResponsiveness implements AutoCloseable {
    static final int HEARTBEAT_MILLIS = 10;
    static final int SAMPLE_MILLIS = 20;
    /** At most this many stacks are kept per stall. */
    private static final int MAX_SAMPLES = 50;
    /** Only frames of these classes are shown by {@link #where}, if a stack has any. */
    private static final String OURS = "dev.walrussync.";

    /**
     * A heartbeat later than the threshold: how long it waited, how much of that the FX thread spent on a CPU (-1 if
     * unknown; much less than the wait means the thread was blocked or starved of CPU, not working), and its stacks
     * sampled while the heartbeat waited.
     */
    record Stall(long nanos, long cpuNanos, List<StackTraceElement[]> samples) {}

    /**
     * What was measured between two calls of {@link #next}, with how many cores this process and all the others kept
     * busy on average meanwhile (-1 where there is no {@code /proc}).
     */
    record Phase(
            String name,
            long nanos,
            StallStats heartbeats,
            StallStats frames,
            List<Stall> stalls,
            double processCores,
            double otherCores) {}

    private final long thresholdNanos;
    private final Thread fxThread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread heartbeat;
    private final AnimationTimer frames;
    private volatile boolean running = true;

    private StallStats heartbeatStats = new StallStats();
    private StallStats frameStats = new StallStats();
    private List<Stall> stalls = new ArrayList<>();
    private long phaseStart = System.nanoTime();
    private long[] phaseTicks = CpuTicks.read();
    private long lastFrame;

    private FxResponsiveness(Duration threshold, Thread fxThread) {
        this.thresholdNanos = threshold.toNanos();
        this.fxThread = fxThread;
        this.frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        this.heartbeat = new Thread(this::beat, "fx-heartbeat");
        heartbeat.setDaemon(true);
    }

    /**
     * Starts measuring. Call off the FX thread, once the toolkit runs.
     *
     * @param threshold a heartbeat later than this is a stall, and the FX thread's stack is sampled while it lasts
     */
    static FxResponsiveness start(Duration threshold) throws Exception {
        CompletableFuture<Thread> fx = new CompletableFuture<>();
        Platform.runLater(() -> fx.complete(Thread.currentThread()));
        FxResponsiveness r = new FxResponsiveness(threshold, fx.get(30, TimeUnit.SECONDS));
        Platform.runLater(r.frames::start);
        r.heartbeat.start();
        return r;
    }

    private synchronized void frame(long now) {
        if (lastFrame != 0) {
            frameStats.record(now - lastFrame);
        }
        lastFrame = now;
    }

    private void beat() {
        try {
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long[] ranAt = new long[2];
                long cpuAtPost = threads.getThreadCpuTime(fxThread.threadId());
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    ranAt[0] = System.nanoTime();
                    ranAt[1] = threads.getCurrentThreadCpuTime();
                    ran.countDown();
                });
                List<StackTraceElement[]> samples = new ArrayList<>();
                while (!ran.await(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (!running) {
                        return;
                    }
                    if (System.nanoTime() - posted > thresholdNanos && samples.size() < MAX_SAMPLES) {
                        samples.add(fxThread.getStackTrace());
                    }
                }
                long delay = ranAt[0] - posted;
                long cpu = cpuAtPost < 0 || ranAt[1] < 0 ? -1 : ranAt[1] - cpuAtPost;
                synchronized (this) {
                    heartbeatStats.record(delay);
                    if (delay > thresholdNanos) {
                        stalls.add(new Stall(delay, cpu, List.copyOf(samples)));
                    }
                }
                Thread.sleep(HEARTBEAT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What was measured since the previous call (or the start), under {@code name}; starts measuring anew. */
    synchronized Phase next(String name) {
        long now = System.nanoTime();
        long[] ticks = CpuTicks.read();
        List<Stall> sorted = new ArrayList<>(stalls);
        sorted.sort(Comparator.comparingLong(Stall::nanos).reversed());
        double seconds = (now - phaseStart) / 1e9;
        double process = -1;
        double others = -1;
        if (ticks.length == 3 && phaseTicks.length == 3 && seconds > 0) {
            process = (ticks[1] - phaseTicks[1]) / CpuTicks.PER_SECOND / seconds;
            others = CpuTicks.busyElsewhere(phaseTicks, ticks, seconds, false);
        }
        Phase p = new Phase(name, now - phaseStart, heartbeatStats, frameStats, sorted, process, others);
        heartbeatStats = new StallStats();
        frameStats = new StallStats();
        stalls = new ArrayList<>();
        phaseStart = now;
        phaseTicks = ticks;
        return p;
    }

    /** CPU time from {@code /proc}, in clock ticks: the whole machine's busy time and this process's. */
    static final class CpuTicks {
        /** USER_HZ, 100 on Linux. */
        static final double PER_SECOND = 100;

        private CpuTicks() {}

        /**
         * {machine busy, this process, this process and its ended children}, or an empty array where there is no
         * {@code /proc}.
         */
        static long[] read() {
            try {
                String cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                        .getFirst();
                String self = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
                return new long[] {machineBusy(cpu), processTicks(self), processTicks(self) + childrenTicks(self)};
            } catch (java.io.IOException | RuntimeException e) {
                return new long[0];
            }
        }

        /**
         * The cores kept busy on average between two {@link #read}s by other processes than this one and (if {@code
         * withChildren}) its ended children; -1 if unknown.
         */
        static double busyElsewhere(long[] before, long[] after, double seconds, boolean withChildren) {
            if (before.length != 3 || after.length != 3 || seconds <= 0) {
                return -1;
            }
            int mine = withChildren ? 2 : 1;
            return Math.max(0, (after[0] - before[0] - (after[mine] - before[mine])) / PER_SECOND / seconds);
        }

        /** From {@code /proc/stat}'s first line: user, nice, system, irq, softirq and steal; not idle or iowait. */
        static long machineBusy(String cpuLine) {
            String[] f = cpuLine.trim().split("\\s+");
            if (!f[0].equals("cpu")) {
                throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
            }
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += i < f.length ? Long.parseLong(f[i]) : 0;
            }
            return busy;
        }

        /** From {@code /proc/self/stat}: utime plus stime. */
        static long processTicks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** From {@code /proc/self/stat}: cutime plus cstime, the CPU time of the children waited for. */
        static long childrenTicks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            heartbeat.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.runLater(frames::stop);
    }

    /**
     * Where the FX thread was during a stall: the frame of our own code ({@code dev.walrussync.*}) nearest the top
     * of the stack, else the step of a pulse it is in (CSS, layout, waiting for the renderer, ...), else the first frame
     * outside the JDK's own packages, else the top frame, that most samples share, with how many; {@code "not
     * sampled"} if none was taken. A thread in {@code GtkApplication._runLoop} is in native code: idle in the event
     * loop, or in GTK or X11 work.
     */
    static String where(Stall stall) {
        if (stall.samples().isEmpty()) {
            return "not sampled";
        }
        Map<String, Integer> counts = new HashMap<>();
        for (StackTraceElement[] stack : stall.samples()) {
            counts.merge(frameOf(stack), 1, Integer::sum);
        }
        var top = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
                .orElseThrow();
        return top.getKey() + " (" + top.getValue() + " of " + stall.samples().size() + " samples)";
    }

    static String frameOf(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith(OURS)) {
                return e.toString();
            }
        }
        for (StackTraceElement e : stack) {
            String step = PULSE_STEPS.get(e.getClassName() + "." + e.getMethodName());
            if (step != null) {
                return "a pulse: " + step;
            }
        }
        for (StackTraceElement e : stack) {
            if (!isJdk(e.getClassName())) {
                return e.toString();
            }
        }
        return stack.length == 0 ? "no stack" : stack[0].toString();
    }

    /** The steps of a pulse, innermost first as they appear on a stack: what the FX thread does in one. */
    private static final Map<String, String> PULSE_STEPS = Map.of(
            "com.sun.javafx.tk.quantum.PaintCollector.waitForRenderingToComplete", "waiting for the renderer",
            "javafx.scene.Scene.doCSSPass", "CSS",
            "javafx.scene.Scene.doLayoutPass", "layout",
            "javafx.scene.Scene$ScenePulseListener.synchronizeSceneNodes", "handing nodes to the renderer",
            "javafx.animation.AnimationTimer$AnimationTimerReceiver.handle", "animations");

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }

    /** One sampled stack of {@code stall} that shows {@link #where}, at most {@code depth} frames, one a line. */
    static String stack(Stall stall, int depth) {
        String at = where(stall);
        for (StackTraceElement[] s : stall.samples()) {
            if (at.startsWith(frameOf(s) + " (")) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < Math.min(depth, s.length); i++) {
                    b.append("    at ").append(s[i]).append('\n');
                }
                if (s.length > depth) {
                    b.append("    ... ").append(s.length - depth).append(" more\n");
                }
                return b.toString();
            }
        }
        return "";
    }
}
