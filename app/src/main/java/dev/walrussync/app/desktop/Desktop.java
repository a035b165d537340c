package dev.walrussync.app.desktop;

import dev.walrussync.app.LogSetup;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.fx.FxApp;
import dev.walrussync.ui.fx.FxExecutor;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.tray.AwtTrayIntegration;
import dev.walrussync.ui.tray.TrayIntegration;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/** Starts the desktop app: the composition root of the UI, beside {@code Main}'s of the command line. */
public final class Desktop {
    private Desktop() {}

    /**
     * Whether a window can be shown: on Linux and the BSDs an X11 or Wayland display must be named; macOS and Windows
     * always have one (a headless JVM aside).
     */
    public static boolean displayAvailable(Map<String, String> env, String osName) {
        if (Boolean.getBoolean("java.awt.headless")) {
            return false;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("win")) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /**
     * Environment variable naming a file the app writes once its first window is shown (see {@link FirstWindow});
     * {@code walrus-sync bench-ui} sets it to time the launch.
     */
    public static final String FIRST_WINDOW_FILE_ENV = "WALRUS_SYNC_BENCH_FIRST_WINDOW_FILE";

    /** Runs the app until the user quits; returns the exit code. */
    public static int run(Repositories engine, Path home) {
        String firstWindowFile = System.getenv(FIRST_WINDOW_FILE_ENV);
        if (firstWindowFile != null && !firstWindowFile.isBlank()) {
            FirstWindow.reportTo(Path.of(firstWindowFile));
        }
        LogSetup.forDaemon(false);
        ExecutorService background = Executors.newFixedThreadPool(2, daemonThreads("ui-engine"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("ui-sampler"));
        TrayIntegration tray =
                AwtTrayIntegration.supported() ? new AwtTrayIntegration(new FxExecutor()) : TrayIntegration.none();
        try {
            FxApp.launch(new UiContext(
                    new DesktopGateway(engine, home, Platform::exit),
                    background,
                    scheduler,
                    new SecureRandom(),
                    tray,
                    FolderChooser.system(),
                    startAtLogin(home)));
        } finally {
            scheduler.shutdownNow();
            background.shutdown();
            try {
                background.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    /** System property with the path of the {@code walrus-sync} launcher script, which sets it. */
    static final String LAUNCHER_PROPERTY = "walrus.sync.launcher";
    /** System property jpackage's launchers set to the installed app's executable. */
    static final String JPACKAGE_PROPERTY = "jpackage.app-path";

    /**
     * Start at login for this user, launching what launched this process: the installed app, else the {@code
     * walrus-sync} script. The started app gets this app home through {@code WALRUS_SYNC_HOME}, so it opens the
     * same backup whatever the login session's environment says.
     */
    static StartAtLogin startAtLogin(Path home) {
        return StartAtLogin.forSystem(
                System.getProperty("os.name", ""),
                System.getenv(),
                Path.of(System.getProperty("user.home", ".")),
                launchCommand(System.getProperty(JPACKAGE_PROPERTY), System.getProperty(LAUNCHER_PROPERTY)),
                Map.of("WALRUS_SYNC_HOME", home.toString()));
    }

    /** The command that starts the desktop app, or null if this process was started some other way. */
    static @Nullable List<String> launchCommand(@Nullable String appPath, @Nullable String launcher) {
        if (appPath != null && !appPath.isBlank()) {
            return List.of(appPath);
        }
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        return null;
    }

    /**
     * When the process's first window appeared, for the launch benchmark: the JVM's start, the window shown ({@code
     * WINDOW_SHOWN}), and the end of the first layout pulse after it (the first frame is rendered from it).
     */
    public record FirstWindow(Instant jvmStart, Instant shown, Instant firstFrame) {
        /**
         * Writes the times to {@code file} once the first window of this process has been shown and laid out. Call
         * before the toolkit starts.
         */
        static void reportTo(Path file) {
            AtomicBoolean seen = new AtomicBoolean();
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    for (Window w : change.getAddedSubList()) {
                        if (w.isShowing()) {
                            shown(w, file, seen);
                        } else {
                            w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> shown(w, file, seen));
                        }
                    }
                }
            });
        }

        private static void shown(Window w, Path file, AtomicBoolean seen) {
            if (!seen.compareAndSet(false, true)) {
                return;
            }
            Instant shown = Instant.now();
            Instant jvmStart =
                    Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
            Scene scene = w.getScene();
            if (scene == null) {
                write(file, new FirstWindow(jvmStart, shown, shown));
                return;
            }
            Runnable[] firstPulse = new Runnable[1];
            firstPulse[0] = () -> {
                scene.removePostLayoutPulseListener(firstPulse[0]);
                write(file, new FirstWindow(jvmStart, shown, Instant.now()));
            };
            scene.addPostLayoutPulseListener(firstPulse[0]);
            Platform.requestNextPulse();
        }

        private static void write(Path file, FirstWindow times) {
            try {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(
                        tmp,
                        times.jvmStart() + "\n" + times.shown() + "\n" + times.firstFrame() + "\n",
                        StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                LoggerFactory.getLogger(Desktop.class).warn("cannot write {}: {}", file, e.toString());
            }
        }

        /** Reads what {@link #reportTo} wrote. */
        public static FirstWindow read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3) {
                throw new IOException(file + " holds " + lines.size() + " lines, not 3");
            }
            try {
                return new FirstWindow(
                        Instant.parse(lines.get(0)), Instant.parse(lines.get(1)), Instant.parse(lines.get(2)));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException("not the times of a first window in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
