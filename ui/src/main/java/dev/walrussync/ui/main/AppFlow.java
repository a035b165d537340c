package dev.walrussync.ui.main;

import dev.walrussync.ui.dashboard.DashboardController;
import dev.walrussync.ui.dashboard.DashboardViewModel;
import dev.walrussync.ui.folders.FoldersController;
import dev.walrussync.ui.folders.FoldersViewModel;
import dev.walrussync.ui.fx.FxExecutor;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.fx.ViewLoader;
import dev.walrussync.ui.nodes.NodesController;
import dev.walrussync.ui.nodes.NodesViewModel;
import dev.walrussync.ui.onboarding.OnboardingController;
import dev.walrussync.ui.onboarding.OnboardingViewModel;
import dev.walrussync.ui.onboarding.UnlockController;
import dev.walrussync.ui.onboarding.UnlockViewModel;
import dev.walrussync.ui.restore.RestoreController;
import dev.walrussync.ui.restore.RestoreViewModel;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.settings.SettingsController;
import dev.walrussync.ui.settings.SettingsViewModel;
import dev.walrussync.ui.storage.StorageController;
import dev.walrussync.ui.storage.StorageViewModel;
import dev.walrussync.ui.tray.TrayMenuItem;
import dev.walrussync.ui.tray.TrayState;
import dev.walrussync.ui.wallet.WalletController;
import dev.walrussync.ui.wallet.WalletViewModel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's course in one window: unlock the repository (or onboard, on the first run), then the main window, with the
 * tray icon beside it; quitting stops the sync service. Runs on the FX thread.
 */
public final class AppFlow {
    private static final Logger LOG = LoggerFactory.getLogger(AppFlow.class);
    static final Duration STATUS_EVERY = Duration.ofMillis(250);
    static final Duration WALRUS_EVERY = Duration.ofMinutes(1);

    private final UiContext context;
    private final Stage stage;
    private final Executor fx = new FxExecutor();
    private @Nullable SyncMonitor monitor;
    private @Nullable RunningSync running;
    private boolean trayInstalled;

    public AppFlow(UiContext context, Stage stage) {
        this.context = context;
        this.stage = stage;
    }

    /** Shows the first page: unlock if the app home has a repository, onboarding otherwise. */
    public void begin() {
        stage.setTitle("Walrus Sync");
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        if (context.gateway().exists()) {
            UnlockViewModel vm = new UnlockViewModel(context.gateway(), context.background(), fx);
            vm.unlockedProperty().addListener((o, was, now) -> {
                if (now != null) {
                    showMain(now);
                }
            });
            show(ViewLoader.load(new UnlockController(vm)).root());
        } else {
            OnboardingViewModel vm =
                    new OnboardingViewModel(context.gateway(), context.background(), fx, context.random());
            vm.finishedProperty().addListener((o, was, now) -> {
                if (now != null) {
                    showMain(now);
                }
            });
            show(ViewLoader.load(new OnboardingController(vm, context.folderChooser()))
                    .root());
        }
        stage.setOnCloseRequest(e -> {
            if (trayInstalled) {
                e.consume();
                stage.hide();
            } else {
                quit();
            }
        });
        stage.show();
    }

    private void show(Parent root) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, 1040, 720);
            scene.getStylesheets().add(ViewLoader.styleSheet());
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
    }

    private void showMain(RunningSync r) {
        running = r;
        SyncMonitor m = new SyncMonitor(r, context.background(), fx);
        monitor = m;
        trayInstalled = context.tray().install(trayMenu(false));
        if (trayInstalled) {
            Platform.setImplicitExit(false);
            m.trayStateProperty().addListener((o, was, now) -> updateTray(m));
            m.statusProperty().addListener((o, was, now) -> updateTray(m));
        }
        MainWindowViewModel vm = new MainWindowViewModel(m, trayInstalled);
        DashboardViewModel dashboard = new DashboardViewModel(m);
        show(ViewLoader.load(new MainWindowController(vm, screen -> switch (screen) {
                    case DASHBOARD ->
                        ViewLoader.load(new DashboardController(dashboard)).root();
                    case FOLDERS ->
                        ViewLoader.load(new FoldersController(new FoldersViewModel(m), context.folderChooser()))
                                .root();
                    case RESTORE ->
                        ViewLoader.load(new RestoreController(
                                        new RestoreViewModel(m, context.scheduler(), ZoneId.systemDefault()),
                                        context.folderChooser()))
                                .root();
                    case STORAGE ->
                        ViewLoader.load(new StorageController(new StorageViewModel(m, ZoneId.systemDefault())))
                                .root();
                    case NODES ->
                        ViewLoader.load(new NodesController(new NodesViewModel(m)))
                                .root();
                    case WALLET ->
                        ViewLoader.load(new WalletController(new WalletViewModel(m)))
                                .root();
                    case SETTINGS ->
                        ViewLoader.load(new SettingsController(new SettingsViewModel(m, context.startAtLogin())))
                                .root();
                }))
                .root());
        m.start(context.scheduler(), STATUS_EVERY, WALRUS_EVERY);
    }

    private void updateTray(SyncMonitor m) {
        var s = m.statusProperty().get();
        TrayState state = m.trayStateProperty().get();
        String tip = "Walrus Sync: " + (s == null ? "starting" : MainWindowViewModel.line(state, s));
        context.tray().update(state, tip, trayMenu(s != null && s.paused()));
    }

    private List<TrayMenuItem> trayMenu(boolean paused) {
        return List.of(
                new TrayMenuItem.Action("Open Walrus Sync", this::open),
                new TrayMenuItem.Separator(),
                new TrayMenuItem.Action("Back up now", () -> {
                    if (monitor != null) {
                        monitor.syncNow();
                    }
                }),
                new TrayMenuItem.Action(paused ? "Resume backups" : "Pause backups", () -> togglePause(paused)),
                new TrayMenuItem.Separator(),
                new TrayMenuItem.Action("Quit Walrus Sync", this::quit));
    }

    private void togglePause(boolean paused) {
        if (monitor != null) {
            monitor.setPaused(!paused, why -> LOG.warn("cannot {}: {}", paused ? "resume" : "pause", why));
        }
    }

    private void open() {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
    }

    /** Leaves the app: the tray icon goes, the sync service stops, and the FX toolkit exits. */
    public void quit() {
        shutdown();
        Platform.exit();
    }

    /** Stops sampling and the sync service; safe to call twice. */
    public void shutdown() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
        context.tray().close();
        RunningSync r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }
}
