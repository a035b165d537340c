package dev.walrussync.ui.main;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** Binds the main window: the navigation on the left, the current screen, and the status bar. */
public final class MainWindowController {
    private final MainWindowViewModel viewModel;
    private final Function<Screen, Parent> screens;
    private final Map<Screen, Parent> loaded = new EnumMap<>(Screen.class);

    @FXML
    private ListView<Screen> navigation;

    @FXML
    private StackPane content;

    @FXML
    private Label statusLine;

    @FXML
    private Label trayNote;

    @FXML
    private Button resumeButton;

    @FXML
    private MenuButton pauseMenu;

    @FXML
    private HBox banner;

    @FXML
    private Label bannerText;

    /** @param screens builds a screen's view the first time it is shown */
    public MainWindowController(MainWindowViewModel viewModel, Function<Screen, Parent> screens) {
        this.viewModel = viewModel;
        this.screens = screens;
    }

    @FXML
    private void initialize() {
        navigation.getItems().setAll(viewModel.screens());
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Screen item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.screenProperty().set(now);
            }
        });
        viewModel.screenProperty().addListener((o, was, now) -> show(now));
        navigation.getSelectionModel().select(viewModel.screenProperty().get());
        show(viewModel.screenProperty().get());
        statusLine.textProperty().bind(viewModel.statusLineProperty());
        trayNote.textProperty().bind(viewModel.trayNoteProperty());
        trayNote.visibleProperty().bind(viewModel.trayNoteProperty().isNotEmpty());
        trayNote.managedProperty().bind(trayNote.visibleProperty());
        resumeButton.visibleProperty().bind(viewModel.pausedProperty());
        resumeButton.managedProperty().bind(resumeButton.visibleProperty());
        pauseMenu.visibleProperty().bind(viewModel.pausedProperty().not());
        pauseMenu.managedProperty().bind(pauseMenu.visibleProperty());
        banner.visibleProperty().bind(viewModel.bannerProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Activity a = viewModel.bannerProperty().get();
                            return a == null ? "" : a.title() + ": " + a.text();
                        },
                        viewModel.bannerProperty()));
        viewModel.bannerProperty().addListener((o, was, now) -> {
            banner.getStyleClass().remove("banner-warning");
            if (now != null && now.kind().warning()) {
                banner.getStyleClass().add("banner-warning");
            }
        });
        navigation.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                addShortcuts(scene);
            }
        });
    }

    /** Ctrl+1 … Ctrl+7 (Cmd on macOS) show the screens in the navigation's order. */
    private void addShortcuts(Scene scene) {
        List<Screen> all = viewModel.screens();
        for (int i = 0; i < all.size() && i < 9; i++) {
            Screen target = all.get(i);
            scene.getAccelerators()
                    .put(
                            new KeyCodeCombination(
                                    KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN),
                            () -> viewModel.screenProperty().set(target));
        }
    }

    private void show(Screen screen) {
        navigation.getSelectionModel().select(screen);
        content.getChildren().setAll(loaded.computeIfAbsent(screen, screens));
    }

    @FXML
    private void syncNow() {
        viewModel.syncNow();
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void pauseForAWhile() {
        viewModel.pauseForAWhile();
    }

    @FXML
    private void dismissBanner() {
        viewModel.dismissBanner();
    }
}
