package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.desktop.Desktop;
import dev.walrussync.app.desktop.DesktopGateway;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.main.Screen;
import dev.walrussync.ui.restore.SnapshotItem;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.tray.TrayIntegration;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench-ui}: the desktop app's quality bar as figures, not as timed tests.
 *
 * <ol>
 *   <li><b>Time to window.</b> The desktop app is launched {@code --runs} times as a separate process, as {@code
 *       ./walrus-sync} with no arguments launches it, on a fresh app home and on one with a repository; each time,
 *       from just before the process is started (so the launcher and the JVM's start-up count) to its first window
 *       shown, which the app reports in a file named by {@link Desktop#FIRST_WINDOW_FILE_ENV}. Then the process is
 *       ended.
 *   <li><b>Stalls.</b> In this process, the app's window ({@link AppFlow} on a real stage) is opened on a repository
 *       on the embedded local network that watches a folder of {@code --files} small files, unlocked, and left to
 *       back the folder up; then the Restore screen lists the snapshot, opens the folder and restores all of it to
 *       another folder. Throughout, {@link FxResponsiveness} measures how long the FX thread keeps a heartbeat and the
 *       animation frames waiting, per phase, and samples its stack during every stall.
 * </ol>
 *
 * Both need a display: {@code xvfb-run -a ./walrus-sync bench-ui --work DIR} on a machine without one.
 */
@Command(
        name = "bench-ui",
        description = "Measure the desktop app: the time from launch to its window (fresh and with a repository),"
                + " and how long the UI thread stalls while a folder of many files is backed up and restored."
                + " Needs a display (xvfb-run -a works).")
final class UiBenchCommand implements Callable<Integer> {
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final Duration LAUNCH_PATIENCE = Duration.ofMinutes(3);
    private static final String PASSPHRASE = "bench-ui passphrase";
    /** A stall at least this long is a freeze: its stack is printed. */
    static final Duration FREEZE = Duration.ofMillis(250);

    @ParentCommand
    WalrusSyncCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "An empty folder for the run.")
    Path work;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description =
                    "Launches timed on a fresh home and on a home with a repository, each (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(
            names = "--files",
            paramLabel = "N",
            description = "Files in the folder backed up and restored (default: ${DEFAULT-VALUE}).")
    int files = 100_000;

    @Option(
            names = "--stall-ms",
            paramLabel = "MS",
            description = "A heartbeat of the UI thread later than this counts as a stall (default: ${DEFAULT-VALUE}).")
    int stallMillis = 100;

    @Option(
            names = "--launcher",
            paramLabel = "FILE",
            description = "The program that starts the desktop app when run with no arguments (default: the"
                    + " walrus-sync script this build belongs to, else this JVM with this class path).")
    @Nullable
    Path launcher;

    @Option(names = "--skip-launch", description = "Do not time the launches.")
    boolean skipLaunch;

    @Option(names = "--skip-stalls", description = "Do not measure stalls.")
    boolean skipStalls;

    @Override
    public Integer call() throws Exception {
        validate();
        if (!Desktop.displayAvailable(root.env(), System.getProperty("os.name", ""))) {
            throw new SyncException("bench-ui needs a display to open windows on; on a machine without one, run it"
                    + " under Xvfb: xvfb-run -a ./walrus-sync bench-ui --work DIR");
        }
        Files.createDirectories(work);
        Map<String, Object> out = new LinkedHashMap<>();
        if (!skipLaunch) {
            timeToWindow(work.resolve("launch"), out);
        }
        if (!skipStalls) {
            stalls(work.resolve("stalls"), out);
        }
        BenchCommand.printFigures(root, out);
        return ExitCode.OK;
    }

    /** Checks the options' values; a wrong one is a usage error (exit 2). */
    void validate() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, not " + runs);
        }
        if (files < 1) {
            throw new ParameterException(spec.commandLine(), "--files must be at least 1, not " + files);
        }
        if (stallMillis < 1) {
            throw new ParameterException(spec.commandLine(), "--stall-ms must be at least 1, not " + stallMillis);
        }
        if (skipLaunch && skipStalls) {
            throw new ParameterException(
                    spec.commandLine(), "--skip-launch and --skip-stalls leave nothing to measure");
        }
    }

    private void progress(String line) {
        PrintStream err = root.console().err();
        err.println("bench-ui: " + line);
    }

    // ---- Time to window ----

    /** One launch: seconds from just before the process was started to the JVM's start, the window, its first frame. */
    record Launch(double jvmStart, double window, double firstFrame) {}

    private void timeToWindow(Path dir, Map<String, Object> out) throws Exception {
        List<String> command = launchCommand();
        out.put("launcher", String.join(" ", command));
        out.put("runs", runs);
        Path existing = dir.resolve("home-with-repository");
        root.engine()
                .init(
                        existing,
                        "walrus:" + WalrusSettings.LOCAL,
                        PASSPHRASE.toCharArray(),
                        0,
                        WalrusSettings.of(WalrusSettings.LOCAL, 53),
                        null);
        for (String kind : List.of("Fresh", "Existing")) {
            long[] ticks = FxResponsiveness.CpuTicks.read();
            long t = System.nanoTime();
            List<Launch> launches = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Path home = kind.equals("Fresh") ? dir.resolve("fresh-home-" + i) : existing;
                String name = kind.toLowerCase(Locale.ROOT) + "-" + i;
                Launch l = launch(command, home, dir.resolve(name + ".window"), dir.resolve(name + ".log"));
                progress(String.format(
                        Locale.ROOT,
                        "launch %d/%d, %s home: JVM started after %.2f s, window after %.2f s",
                        i,
                        runs,
                        kind.equals("Fresh") ? "fresh" : "an existing",
                        l.jvmStart(),
                        l.window()));
                launches.add(l);
                Thread.sleep(1000); // let the ended process go
            }
            List<Double> window = launches.stream().map(Launch::window).sorted().toList();
            out.put("window" + kind + "MedianSeconds", median(window));
            out.put("window" + kind + "MaxSeconds", window.getLast());
            out.put(
                    "window" + kind + "EachSeconds",
                    String.join(
                            " ",
                            launches.stream()
                                    .map(l -> String.format(Locale.ROOT, "%.2f", l.window()))
                                    .toList()));
            out.put(
                    "jvmStart" + kind + "MedianSeconds",
                    median(launches.stream().map(Launch::jvmStart).sorted().toList()));
            out.put(
                    "firstFrame" + kind + "MedianSeconds",
                    median(launches.stream().map(Launch::firstFrame).sorted().toList()));
            double elsewhere = FxResponsiveness.CpuTicks.busyElsewhere(
                    ticks, FxResponsiveness.CpuTicks.read(), (System.nanoTime() - t) / 1e9, true);
            if (elsewhere >= 0) {
                out.put("launches" + kind + "CoresBusyElsewhere", elsewhere);
            }
        }
    }

    /**
     * What starts the desktop app: {@code --launcher}, else the {@code walrus-sync} script at the root of the source
     * tree whose {@code app/target} holds this jar, else this JVM with this class path.
     */
    List<String> launchCommand() {
        if (launcher != null) {
            return List.of(launcher.toAbsolutePath().toString());
        }
        try {
            Path jar = Path.of(UiBenchCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path target = jar.toAbsolutePath().getParent();
            if (jar.getFileName().toString().endsWith(".jar")
                    && target != null
                    && target.getParent() != null
                    && target.getParent().getParent() != null) {
                Path script = target.getParent().getParent().resolve("walrus-sync");
                if (Files.isRegularFile(script) && Files.isExecutable(script)) {
                    return List.of(script.toString());
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // No code source to go by: fall back on this JVM.
        }
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.walrussync.app.Main");
    }

    private Launch launch(List<String> command, Path home, Path windowFile, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(work.toFile());
        pb.environment().put("WALRUS_SYNC_HOME", home.toString());
        pb.environment().put(Desktop.FIRST_WINDOW_FILE_ENV, windowFile.toString());
        Files.createDirectories(windowFile.getParent());
        Files.deleteIfExists(windowFile);
        Instant started = Instant.now();
        Process p = pb.start();
        try {
            Instant deadline = started.plus(LAUNCH_PATIENCE);
            while (!Files.exists(windowFile)) {
                if (!p.isAlive()) {
                    throw new SyncException(
                            "the app ended (exit " + p.exitValue() + ") before it showed a window; see " + log);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new SyncException("no window within " + LAUNCH_PATIENCE.toMinutes() + " minutes; see " + log);
                }
                Thread.sleep(5);
            }
            Desktop.FirstWindow w = Desktop.FirstWindow.read(windowFile);
            return new Launch(
                    seconds(started, w.jvmStart()), seconds(started, w.shown()), seconds(started, w.firstFrame()));
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    // ---- Stalls ----

    private void stalls(Path dir, Map<String, Object> out) throws Exception {
        Path folder = dir.resolve("files");
        Path home = dir.resolve("home");
        Path target = Files.createDirectories(dir.resolve("restored"));
        progress("creating " + files + " files in " + folder);
        createFiles(folder, files);
        Repositories engine = root.engine();
        engine.init(
                home,
                "walrus:" + WalrusSettings.LOCAL,
                PASSPHRASE.toCharArray(),
                0,
                WalrusSettings.of(WalrusSettings.LOCAL, 53),
                null);
        new SyncSettings(List.of(new WatchedFolder(folder, List.of())), null).save(home);
        out.put("files", files);
        out.put("stallThresholdMs", stallMillis);

        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        ExecutorService background = Executors.newFixedThreadPool(2, daemonThreads("ui-engine"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("ui-sampler"));
        UiContext context = new UiContext(
                new DesktopGateway(engine, home, () -> {}),
                background,
                scheduler,
                new SecureRandom(),
                TrayIntegration.none(),
                (owner, title) -> target,
                StartAtLogin.unavailable("not in the benchmark"));
        Stage[] stage = new Stage[1];
        AppFlow[] flow = new AppFlow[1];
        List<FxResponsiveness.Phase> phases = new ArrayList<>();
        try {
            fx(() -> {
                stage[0] = new Stage();
                flow[0] = new AppFlow(context, stage[0]);
                flow[0].begin();
                return null;
            });
            Ui ui = new Ui(stage[0]);
            ui.await("the unlock page", () -> ui.showing("#unlockButton"));
            try (FxResponsiveness probe = FxResponsiveness.start(Duration.ofMillis(stallMillis))) {
                Thread.sleep(1000);
                probe.next("idle");

                progress("unlocking; the sync service then backs the folder up");
                fx(() -> {
                    ui.<TextInputControl>node("#passphrase").setText(PASSPHRASE);
                    ui.<ButtonBase>node("#unlockButton").fire();
                    return null;
                });
                ui.await("the main window", () -> ui.showing("#navigation"));
                ui.afterNextPulse();
                phases.add(probe.next("unlock"));

                ui.await(
                        "the folder backed up",
                        () -> ui.showing(".headline")
                                && ui.<Label>node(".headline").getText().equals("Everything is backed up")
                                && ui.savedCard());
                phases.add(probe.next("backup"));

                progress("opening the Restore screen: the snapshots, and the snapshot's top level");
                fx(() -> {
                    ui.<ListView<Screen>>node("#navigation").getSelectionModel().select(Screen.RESTORE);
                    return null;
                });
                ui.await(
                        "the snapshot's top level",
                        () -> ui.showing("#entryTable")
                                && ui.<TableView<?>>node("#entryTable")
                                                .getItems()
                                                .size()
                                        == 1);
                ui.afterNextPulse();
                phases.add(probe.next("restoreScreen"));
                String snapshot = fx(() -> {
                    SnapshotItem s = ui.<ListView<SnapshotItem>>node("#snapshotList")
                            .getSelectionModel()
                            .getSelectedItem();
                    return s == null ? "" : s.detail();
                });
                if (!snapshot.startsWith(folder.getFileName() + " — " + files + " files")) {
                    throw new SyncException("the snapshot shown is not the folder's " + files + " files: " + snapshot);
                }

                progress("opening the folder in the snapshot");
                fx(() -> {
                    TableView<?> table = ui.node("#entryTable");
                    table.getSelectionModel().select(0);
                    table.requestFocus();
                    table.fireEvent(
                            new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                    return null;
                });
                int subfolders = (files + FILES_PER_FOLDER - 1) / FILES_PER_FOLDER;
                ui.await(
                        "the folder's " + subfolders + " subfolders",
                        () -> ui.<TableView<?>>node("#entryTable").getItems().size() == subfolders);
                ui.afterNextPulse();
                phases.add(probe.next("openFolder"));

                progress("restoring the folder's " + files + " files to " + target);
                fx(() -> {
                    ui.<TableView<?>>node("#entryTable").getSelectionModel().clearSelection();
                    ui.<ButtonBase>node("#folderButton").fire();
                    return null;
                });
                ui.await(
                        "the restore report",
                        () -> !ui.<Label>node("#reportText").getText().isEmpty());
                phases.add(probe.next("restore"));
                out.put("restoreReport", fx(() -> ui.<Label>node("#reportText").getText()));
            }
            out.put("restoredFiles", countFiles(target));
        } finally {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    if (flow[0] != null) {
                        flow[0].shutdown();
                    }
                    if (stage[0] != null) {
                        stage[0].close();
                    }
                } finally {
                    closed.complete(null);
                }
            });
            closed.get(1, TimeUnit.MINUTES);
            scheduler.shutdownNow();
            background.shutdownNow();
            Platform.exit();
        }
        for (FxResponsiveness.Phase p : phases) {
            out.putAll(figures(p, Duration.ofMillis(stallMillis)));
            printFreezes(p);
        }
    }

    /** The figures of one phase, keyed by its name: {@code backupLongestStallMs}, ... */
    static Map<String, Object> figures(FxResponsiveness.Phase p, Duration threshold) {
        Map<String, Object> out = new LinkedHashMap<>();
        long t = threshold.toNanos();
        String n = p.name();
        String over = "Over" + threshold.toMillis() + "Ms";
        out.put(n + "Seconds", p.nanos() / 1e9);
        if (p.processCores() >= 0) {
            out.put(n + "CoresBusyHere", p.processCores());
            out.put(n + "CoresBusyElsewhere", p.otherCores());
        }
        out.put(n + "Heartbeats", p.heartbeats().count());
        out.put(n + "LongestStallMs", millis(p.heartbeats().maxNanos()));
        out.put(
                n + "P99StallMs",
                p.heartbeats().count() == 0 ? 0.0 : millis(p.heartbeats().percentileNanos(99)));
        out.put(n + "Stalls" + over, p.heartbeats().countOver(t));
        out.put(n + "LongestFrameGapMs", millis(p.frames().maxNanos()));
        out.put(n + "FrameGaps" + over, p.frames().countOver(t));
        if (!p.stalls().isEmpty()) {
            FxResponsiveness.Stall longest = p.stalls().getFirst();
            out.put(n + "LongestStallCpuMs", longest.cpuNanos() < 0 ? "unknown" : millis(longest.cpuNanos()));
            out.put(n + "LongestStallAt", FxResponsiveness.where(longest));
        }
        return out;
    }

    /** Prints the FX thread's stack during each of the phase's freezes (stalls of {@link #FREEZE} or more), longest first, at most three. */
    private void printFreezes(FxResponsiveness.Phase p) {
        List<FxResponsiveness.Stall> freezes = p.stalls().stream()
                .filter(s -> s.nanos() >= FREEZE.toNanos())
                .limit(3)
                .toList();
        for (FxResponsiveness.Stall s : freezes) {
            progress(String.format(
                    Locale.ROOT,
                    "freeze during %s: the UI thread answered after %.0f ms, %s; at %s%n%s",
                    p.name(),
                    millis(s.nanos()),
                    s.cpuNanos() < 0
                            ? "its CPU time unknown"
                            : String.format(Locale.ROOT, "on a CPU for %.0f ms of them", millis(s.cpuNanos())),
                    FxResponsiveness.where(s),
                    FxResponsiveness.stack(s, 40)));
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static final int FILES_PER_FOLDER = 100;

    /** {@code n} files of a few dozen bytes, {@value #FILES_PER_FOLDER} per folder. */
    static void createFiles(Path dir, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Path d = dir.resolve(String.format(Locale.ROOT, "d%04d", i / FILES_PER_FOLDER));
            if (i % FILES_PER_FOLDER == 0) {
                Files.createDirectories(d);
            }
            Files.writeString(d.resolve("f" + (i % FILES_PER_FOLDER) + ".txt"), "file " + i + " of the UI benchmark\n");
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(1, TimeUnit.MINUTES);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The window's nodes, read on the FX thread. */
    private record Ui(Stage stage) {
        @SuppressWarnings("unchecked")
        <T extends Node> T node(String selector) {
            Node n = stage.getScene().getRoot().lookup(selector);
            if (n == null) {
                throw new IllegalStateException("no " + selector + " in the window");
            }
            return (T) n;
        }

        boolean showing(String selector) {
            Node n =
                    stage.getScene() == null ? null : stage.getScene().getRoot().lookup(selector);
            return n != null && n.isVisible();
        }

        /** Whether a folder card on the dashboard says when it was saved. */
        boolean savedCard() {
            return stage.getScene().getRoot().lookupAll(".folder-card").stream()
                    .anyMatch(card -> card.lookupAll(".label").stream()
                            .anyMatch(l -> l instanceof Label label
                                    && label.getText() != null
                                    && label.getText().startsWith("Saved ")));
        }

        /** Waits until the next pulse has laid the window out (and handed it to the renderer). */
        void afterNextPulse() throws Exception {
            CompletableFuture<Void> laidOut = new CompletableFuture<>();
            fx(() -> {
                javafx.scene.Scene scene = stage.getScene();
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    laidOut.complete(null);
                };
                scene.addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
                return null;
            });
            laidOut.get(1, TimeUnit.MINUTES);
        }

        /** Waits, polling every 200 ms on the FX thread, for {@code condition}. */
        void await(String what, Callable<Boolean> condition) throws Exception {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (!fx(condition)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new SyncException("timed out waiting for " + what);
                }
                Thread.sleep(200);
            }
        }
    }
}
