package dev.walrussync.ui.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
    private Button pauseButton;

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
        pauseButton
                .textProperty()
                .bind(javafx.beans.binding.Bindings.when(viewModel.pausedProperty())
                        .then("Resume")
                        .otherwise("Pause"));
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
}
