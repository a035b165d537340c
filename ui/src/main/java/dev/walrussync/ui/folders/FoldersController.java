package dev.walrussync.ui.folders;

import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.controls.MessageStyle;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/** Binds the folders screen: the list, the selected folder's excludes, and the commands. */
public final class FoldersController {
    private final FoldersViewModel viewModel;
    private final FolderChooser chooser;

    @FXML
    private ListView<FolderItem> folderList;

    @FXML
    private VBox details;

    @FXML
    private Label selectedPath;

    @FXML
    private TextArea excludes;

    @FXML
    private Label message;

    @FXML
    private Button pauseButton;

    @FXML
    private Button removeButton;

    @FXML
    private Button saveExcludesButton;

    private @Nullable String selected;

    public FoldersController(FoldersViewModel viewModel, FolderChooser chooser) {
        this.viewModel = viewModel;
        this.chooser = chooser;
    }

    @FXML
    private void initialize() {
        folderList.setItems(viewModel.folders());
        folderList.setPlaceholder(new Label("No folders yet. Add one to protect it."));
        folderList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FolderItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label path = new Label(item.path());
                path.getStyleClass().add("card-title");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Label state = new Label(item.state());
                state.getStyleClass().add("muted");
                String ex = item.excludes().isEmpty()
                        ? "No excludes"
                        : item.excludes().size() + " exclude" + (item.excludes().size() == 1 ? "" : "s");
                Label exLabel = new Label(ex);
                exLabel.getStyleClass().add("muted");
                setGraphic(new HBox(12, path, spacer, exLabel, state));
                setText(null);
            }
        });
        folderList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selected = now.path();
            }
            select(now);
        });
        // The list is rebuilt when the folders change; keep the user's folder selected.
        viewModel.folders().addListener((javafx.collections.ListChangeListener<FolderItem>) c -> {
            if (selected != null && folderList.getSelectionModel().getSelectedItem() == null) {
                viewModel.folders().stream()
                        .filter(f -> f.path().equals(selected))
                        .findFirst()
                        .ifPresent(f -> folderList.getSelectionModel().select(f));
            }
        });
        details.disableProperty()
                .bind(folderList.getSelectionModel().selectedItemProperty().isNull());
        removeButton.disableProperty().bind(details.disableProperty().or(viewModel.busyProperty()));
        saveExcludesButton.disableProperty().bind(details.disableProperty().or(viewModel.busyProperty()));
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.errorProperty().addListener((o, was, now) -> MessageStyle.apply(message, now));
        pauseButton.disableProperty().bind(details.disableProperty().or(viewModel.busyProperty()));
    }

    private void select(FolderItem item) {
        if (item == null) {
            selectedPath.setText("Select a folder to edit its excludes.");
            excludes.setText("");
            pauseButton.setText("Pause this folder");
            return;
        }
        selectedPath.setText(item.path());
        excludes.setText(String.join("\n", item.excludes()));
        pauseButton.setText(item.paused() ? "Resume this folder" : "Pause this folder");
    }

    @FXML
    private void addFolder() {
        Path chosen = chooser.choose(folderList.getScene().getWindow(), "Choose a folder to protect");
        if (chosen != null) {
            viewModel.add(chosen);
        }
    }

    @FXML
    private void removeFolder() {
        FolderItem item = folderList.getSelectionModel().getSelectedItem();
        if (item != null) {
            viewModel.remove(item.path());
        }
    }

    @FXML
    private void saveExcludes() {
        FolderItem item = folderList.getSelectionModel().getSelectedItem();
        if (item != null) {
            viewModel.setExcludes(item.path(), excludes.getText());
        }
    }

    @FXML
    private void togglePause() {
        FolderItem item = folderList.getSelectionModel().getSelectedItem();
        if (item != null) {
            viewModel.setFolderPaused(item.path(), !item.paused());
        }
    }

    @FXML
    private void syncNow() {
        viewModel.syncNow();
    }
}
