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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.jspecify.annotations.Nullable;

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

    /** Runs the app until the user quits; returns the exit code. */
    public static int run(Repositories engine, Path home) {
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

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
