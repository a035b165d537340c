package dev.walrussync.app.desktop;

import dev.walrussync.app.LogSetup;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.fx.FxApp;
import dev.walrussync.ui.fx.FxExecutor;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.tray.AwtTrayIntegration;
import dev.walrussync.ui.tray.TrayIntegration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

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
                    FolderChooser.system()));
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

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
