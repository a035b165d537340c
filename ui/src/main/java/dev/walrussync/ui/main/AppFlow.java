package dev.walrussync.ui.main;

import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.dashboard.DashboardController;
import dev.walrussync.ui.dashboard.DashboardViewModel;
import dev.walrussync.ui.folders.FoldersController;
import dev.walrussync.ui.folders.FoldersViewModel;
import dev.walrussync.ui.fx.AppIcons;
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
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
    /** How long "pause for a while" pauses. */
    static final Duration PAUSE_A_WHILE = Duration.ofHours(1);
    /** How many entries of the recent activity the tray menu lists. */
    static final int TRAY_ACTIVITY = 5;
    /** The style sheet's root font size, and the range the zoom keys move it in. */
    static final int DEFAULT_FONT_SIZE = 13;

    static final int MIN_FONT_SIZE = 10;
    static final int MAX_FONT_SIZE = 24;

    private @Nullable SyncMonitor monitor;
    private @Nullable RunningSync running;
    private boolean trayInstalled;
    private int fontSize = DEFAULT_FONT_SIZE;
    private @Nullable Scene scene;

    public AppFlow(UiContext context, Stage stage) {
        this.context = context;
        this.stage = stage;
    }

    /** Shows the first page: unlock if the app home has a repository, onboarding otherwise. */
    public void begin() {
        stage.setTitle("Walrus Sync");
        AppIcons.apply(stage);
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        if (context.gateway().exists()) {
            UnlockViewModel vm = new UnlockViewModel(context.gateway(), context.background(), fx);
            vm.unlockedProperty().addListener((o, was, now) -> {
                if (now != null) {
                    showMain(now, Screen.DASHBOARD);
                }
            });
            show(ViewLoader.load(new UnlockController(vm)).root());
        } else {
            OnboardingViewModel vm =
                    new OnboardingViewModel(context.gateway(), context.background(), fx, context.random());
            vm.finishedProperty().addListener((o, was, now) -> {
                if (now != null) {
                    // Restored from another machine: the snapshots are what the user came for.
                    showMain(now, vm.recoveredProperty().get() ? Screen.RESTORE : Screen.DASHBOARD);
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

    /** Shows {@code root} in this flow's scene, made on the first call (a stage may have shown another flow's). */
    private void show(Parent root) {
        if (scene == null) {
            Scene created = new Scene(root, 1040, 720);
            created.getStylesheets().add(ViewLoader.styleSheet());
            addZoomKeys(created);
            stage.setScene(created);
            scene = created;
        } else {
            scene.setRoot(root);
        }
        applyZoom(root);
    }

    /**
     * Ctrl (Cmd) with + and − make all text larger or smaller, and with 0 back to normal: every size in the style
     * sheet is relative to the root's font size, so the whole window scales with it.
     */
    private void addZoomKeys(Scene scene) {
        Runnable larger = () -> zoom(scene, +1);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), larger);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(scene, -1));
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> zoom(scene, -1));
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> zoom(scene, 0));
    }

    private void zoom(Scene scene, int step) {
        fontSize = step == 0 ? DEFAULT_FONT_SIZE : Math.clamp(fontSize + step, MIN_FONT_SIZE, MAX_FONT_SIZE);
        applyZoom(scene.getRoot());
    }

    private void applyZoom(Parent root) {
        root.setStyle(fontSize == DEFAULT_FONT_SIZE ? "" : "-fx-font-size: " + fontSize + "px;");
    }

    /** The root's font size in pixels, which every other size in the style sheet follows. */
    int fontSize() {
        return fontSize;
    }

    private void showMain(RunningSync r, Screen first) {
        running = r;
        SyncMonitor m = new SyncMonitor(r, context.background(), fx);
        monitor = m;
        trayInstalled = context.tray().install(trayMenu(m));
        if (trayInstalled) {
            Platform.setImplicitExit(false);
            m.trayStateProperty().addListener((o, was, now) -> updateTray(m));
            m.statusProperty().addListener((o, was, now) -> updateTray(m));
            m.activity().entries().addListener((javafx.collections.ListChangeListener<Activity>) c -> updateTray(m));
        }
        Notifications notifications = new Notifications(
                m.activity(),
                context.tray(),
                r.home(),
                context.background(),
                fx,
                () -> m.offlineProperty().get());
        MainWindowViewModel vm = new MainWindowViewModel(m, trayInstalled, notifications, ZoneId.systemDefault());
        vm.screenProperty().set(first);
        DashboardViewModel dashboard = new DashboardViewModel(m, ZoneId.systemDefault());
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
                        ViewLoader.load(new StorageController(new StorageViewModel(
                                        m,
                                        ZoneId.systemDefault(),
                                        () -> vm.screenProperty().set(Screen.SETTINGS))))
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
        String tip =
                "Walrus Sync: " + (s == null ? "starting" : MainWindowViewModel.line(state, s, ZoneId.systemDefault()));
        context.tray().update(state, TrayState.progress(s), tip, trayMenu(m));
    }

    /**
     * The tray menu: open, back up now, pause for an hour or until resumed (or resume), the recent activity, quit.
     */
    List<TrayMenuItem> trayMenu(SyncMonitor m) {
        var s = m.statusProperty().get();
        boolean paused = s != null && s.paused();
        List<TrayMenuItem> items = new java.util.ArrayList<>();
        items.add(new TrayMenuItem.Action("Open Walrus Sync", this::open));
        items.add(new TrayMenuItem.Separator());
        items.add(new TrayMenuItem.Action("Back up now", m::syncNow));
        Consumer<String> failed = why -> LOG.warn("the pause could not be changed: {}", why);
        if (paused) {
            items.add(new TrayMenuItem.Action("Resume backups", () -> m.setPaused(false, failed)));
        } else {
            items.add(new TrayMenuItem.Action("Pause for 1 hour", () -> m.pauseFor(PAUSE_A_WHILE, failed)));
            items.add(new TrayMenuItem.Action("Pause until resumed", () -> m.setPaused(true, failed)));
        }
        items.add(new TrayMenuItem.Separator());
        List<TrayMenuItem> recent = m.activity().entries().stream()
                .limit(TRAY_ACTIVITY)
                .map(a -> (TrayMenuItem)
                        new TrayMenuItem.Info(Formats.clock(a.at(), ZoneId.systemDefault()) + "  " + a.text()))
                .toList();
        items.add(new TrayMenuItem.Submenu(
                "Recent activity", recent.isEmpty() ? List.of(new TrayMenuItem.Info("Nothing yet")) : recent));
        items.add(new TrayMenuItem.Separator());
        items.add(new TrayMenuItem.Action("Quit Walrus Sync", this::quit));
        return items;
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
