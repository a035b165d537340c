package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-watch}: what continuous sync costs and how fast it is, with the watch daemon's engine ({@link
 * SyncService}) and its default policy on the embedded local Walrus network, in this process as the daemon runs it.
 *
 * <ol>
 *   <li>Save to restorable: a file in the watched folder is saved {@code --saves} times; each time, the time from
 *       the save to the commit of a snapshot that holds that version, checked by restoring the file from it.
 *   <li>{@code --files} small files are created in the folder and backed up, and the saves are timed again: every
 *       backup walks the whole folder.
 *   <li>Idle CPU: once the daemon is idle, the process's CPU time is read over {@code --idle-seconds}, in total and
 *       per group of threads (the daemon's own, the embedded network's, the JVM's).
 * </ol>
 */
@Command(
        name = "bench-watch",
        description = "Measure continuous sync on the embedded local network: time from saving a file to a"
                + " restorable snapshot, and the idle daemon's CPU use with many watched files.")
final class WatchBenchCommand implements Callable<Integer> {
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    @ParentCommand
    WalrusSyncCommand root;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "An empty folder for the run.")
    Path work;

    @Option(names = "--saves", paramLabel = "N", description = "Saves to time (default: ${DEFAULT-VALUE}).")
    int saves = 10;

    @Option(
            names = "--files",
            paramLabel = "N",
            description = "Files watched while idle CPU is measured (default: ${DEFAULT-VALUE}).")
    int files = 100_000;

    @Option(
            names = "--idle-seconds",
            paramLabel = "S",
            description = "How long idle CPU is measured (default: ${DEFAULT-VALUE}).")
    int idleSeconds = 60;

    @Override
    public Integer call() throws Exception {
        char[] pass = "bench".toCharArray();
        Repositories engine = root.engine();
        Path home = work.resolve("home");
        Path folder = work.resolve("folder");
        Files.createDirectories(folder);
        Path file = folder.resolve("document.txt");
        Files.writeString(file, "version 0\n");
        engine.init(home, "walrus:" + WalrusSettings.LOCAL, pass, 0, WalrusSettings.of(WalrusSettings.LOCAL, 53), null);
        new SyncSettings(List.of(new WatchedFolder(folder, List.of())), null).save(home);
        Map<String, Object> out = new LinkedHashMap<>();
        try (RepositorySession session = engine.openWithPassphrase(home, pass, true);
                SyncService sync = new SyncService(session, engine.clock(), ZoneId.systemDefault(), "bench", "bench")) {
            sync.start();
            out.put(
                    "policy",
                    "quiet " + sync.policy().quietPeriod().toMillis() + " ms, pack age "
                            + sync.policy().packMaxAge().toMillis() + " ms, max delay "
                            + sync.policy().maxDelay().toSeconds() + " s");
            awaitCaughtUp(sync, folder, Instant.EPOCH);

            out.put("saves", saves);
            timeSaves(sync, folder, file, "latency1File", out);

            long t = System.nanoTime();
            createFiles(folder.resolve("many"), files);
            out.put("files", files);
            out.put("createFilesSeconds", seconds(t));
            Instant created = Instant.now();
            t = System.nanoTime();
            awaitCaughtUp(sync, folder, created);
            out.put("catchUpSeconds", seconds(t));
            timeSaves(sync, folder, file, "latencyFiles", out);
            out.put("snapshotsTaken", sync.status().snapshotsTaken());

            // Let the JIT and the collector settle after the backups, then measure idleness.
            Thread.sleep(5000);
            System.gc();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<String, Long> ticksBefore = threadTicks();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            long snapshotsBefore = sync.status().snapshotsTaken();
            Thread.sleep(Duration.ofSeconds(idleSeconds));
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            Map<String, Long> ticksAfter = threadTicks();
            FolderStatus after = status(sync, folder);
            out.put("idleSeconds", wall / 1e9);
            out.put("idleSnapshots", sync.status().snapshotsTaken() - snapshotsBefore);
            out.put("idlePendingChanges", after.pendingChanges());
            out.put("idleCpuSeconds", cpu / 1e9);
            out.put("idleCpuSecondsPerMinute", cpu / 1e9 / (wall / 60e9));
            out.put("idleCpuPercentOfOneCore", 100.0 * cpu / wall);
            if (!ticksAfter.isEmpty()) {
                out.putAll(cpuByGroup(ticksBefore, ticksAfter, cpu, wall));
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            out.put("heapUsedMiB", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        BenchCommand.printFigures(root, out);
        return ExitCode.OK;
    }

    /** Saves {@code file} {@link #saves} times and puts the min, median and max seconds to restorable in {@code out}. */
    private void timeSaves(SyncService sync, Path folder, Path file, String key, Map<String, Object> out)
            throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= saves; i++) {
            String version = "version " + i + " of " + key + ", saved at " + Instant.now() + "\n";
            String before = status(sync, folder).lastSnapshotId();
            Instant savedAt = Instant.now();
            long saved = System.nanoTime();
            Files.writeString(file, version, StandardCharsets.UTF_8);
            latencies.add(untilRestorable(sync, folder, file, version, before, saved));
            awaitCaughtUp(sync, folder, savedAt);
            Thread.sleep(1000);
        }
        Collections.sort(latencies);
        out.put(key + "MinSeconds", latencies.getFirst());
        out.put(key + "MedianSeconds", median(latencies));
        out.put(key + "MaxSeconds", latencies.getLast());
    }

    /**
     * Waits for a snapshot newer than {@code before} that holds {@code version} of {@code file}, checked by restoring
     * the file from it; returns the seconds from {@code savedNanos} to the moment such a snapshot was committed.
     */
    private double untilRestorable(
            SyncService sync, Path folder, Path file, String version, String before, long savedNanos) throws Exception {
        String checked = before;
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            String latest = status(sync, folder).lastSnapshotId();
            if (latest != null && !latest.equals(checked)) {
                double seconds = seconds(savedNanos);
                checked = latest;
                if (version.equals(restoreFile(sync, folder, file, latest))) {
                    return seconds;
                }
            }
            Thread.sleep(20);
        }
        throw new SyncException("no snapshot with the saved version within " + PATIENCE.toMinutes() + " minutes");
    }

    /** The content of {@code file} in snapshot {@code id}, restored between two backups. */
    private String restoreFile(SyncService sync, Path folder, Path file, String id) throws Exception {
        Path target = Files.createTempDirectory(work, "restored-");
        String rel = folder.getFileName() + "/" + folder.relativize(file);
        sync.callBetweenBackups(
                s -> s.restore(new RestoreRequest(id, List.of(rel), target, false), new RestoreProgress()), PATIENCE);
        return Files.readString(target.resolve(rel), StandardCharsets.UTF_8);
    }

    /** Waits until the folder has a snapshot newer than {@code after} and nothing else to do, for two seconds. */
    private static void awaitCaughtUp(SyncService sync, Path folder, Instant after) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant since = null;
        while (Instant.now().isBefore(deadline)) {
            FolderStatus f = status(sync, folder);
            boolean done = f.state() == FolderState.IDLE
                    && f.pendingChanges() == 0
                    && f.nextRun() == null
                    && f.lastSnapshotAt() != null
                    && f.lastSnapshotAt().isAfter(after);
            if (!done) {
                since = null;
            } else if (since == null) {
                since = Instant.now();
            } else if (Duration.between(since, Instant.now()).toSeconds() >= 2) {
                return;
            }
            Thread.sleep(50);
        }
        throw new SyncException("the daemon did not catch up with " + folder + ": " + status(sync, folder));
    }

    private static FolderStatus status(SyncService sync, Path folder) {
        return sync.status().folders().stream()
                .filter(f -> f.path().equals(folder.toString()))
                .findFirst()
                .orElseThrow();
    }

    /** {@code n} files of a few dozen bytes, 100 per folder. */
    private static void createFiles(Path dir, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Path d = dir.resolve(String.format("d%04d", i / 100));
            if (i % 100 == 0) {
                Files.createDirectories(d);
            }
            Files.writeString(d.resolve("f" + (i % 100) + ".txt"), "file " + i + " of the idle benchmark\n");
        }
    }

    /** Clock ticks per second of {@code /proc}'s CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    /**
     * CPU time of every thread of this process in clock ticks, keyed by thread ID and name, from {@code
     * /proc/self/task} (GC and compiler threads included, which the JVM's thread bean does not show); empty where
     * there is no {@code /proc}.
     */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    // After the name: state, ppid, ... utime is the 12th field, stime the 13th.
                    long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), cpu);
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /**
     * CPU seconds per minute since {@code before} per group of threads: {@code Daemon} (the sync loop and the folder watchers),
     * {@code Jvm} (the collector, the JIT compilers and the VM's own threads), {@code Network} (every other thread:
     * the embedded local network's chain, storage nodes, publisher and aggregator, and HTTP clients), and {@code
     * Ended} (threads that ended meanwhile, from the process total); and the five busiest threads, with theirs.
     */
    private static Map<String, Object> cpuByGroup(
            Map<String, Long> before, Map<String, Long> after, long totalNanos, long wallNanos) {
        double minutes = wallNanos / 60e9;
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("Daemon", 0.0);
        groups.put("Network", 0.0);
        groups.put("Jvm", 0.0);
        Map<String, Double> perThread = new HashMap<>();
        double attributed = 0;
        for (var e : after.entrySet()) {
            double spent = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / TICKS;
            String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            String group = name.startsWith("sync-loop") || name.startsWith("folder-watcher")
                    ? "Daemon"
                    : isJvmThread(name) ? "Jvm" : "Network";
            groups.merge(group, spent, Double::sum);
            perThread.merge(name, spent, Double::sum);
            attributed += spent;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((g, seconds) -> out.put("idleCpuSecPerMin" + g, seconds / minutes));
        out.put("idleCpuSecPerMinEnded", Math.max(0, totalNanos / 1e9 - attributed) / minutes);
        StringBuilder top = new StringBuilder();
        perThread.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5)
                .forEach(e -> top.append(top.isEmpty() ? "" : ", ")
                        .append(e.getKey())
                        .append(String.format(java.util.Locale.ROOT, " %.3f", e.getValue() / minutes)));
        out.put("idleBusiestThreads", top.toString());
        return out;
    }

    private static boolean isJvmThread(String name) {
        return name.startsWith("C1 ")
                || name.startsWith("C2 ")
                || name.startsWith("G1 ")
                || name.startsWith("GC ")
                || name.startsWith("VM ")
                || name.startsWith("main")
                || name.startsWith("java")
                || name.startsWith("Signal Dispatch")
                || name.startsWith("Finalizer")
                || name.startsWith("Reference Handl")
                || name.startsWith("Common-Cleaner")
                || name.startsWith("Notification Th")
                || name.startsWith("Service Thread")
                || name.startsWith("Monitor Deflati")
                || name.startsWith("Attach Listener");
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
