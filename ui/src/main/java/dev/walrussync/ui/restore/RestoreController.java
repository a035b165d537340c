package dev.walrussync.ui.restore;

import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.controls.MessageStyle;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * Binds the restore screen: the timeline, the folder's table, the versions, the restore buttons and the progress. A
 * double click (or Enter) opens a folder; restoring takes the selected version, else the selected entry, else the
 * folder being browsed.
 */
public final class RestoreController {
    private final RestoreViewModel viewModel;
    private final FolderChooser chooser;

    @FXML
    private ListView<SnapshotItem> snapshotList;

    @FXML
    private Button upButton;

    @FXML
    private Label folderLabel;

    @FXML
    private TextField filterField;

    @FXML
    private TableView<EntryItem> entryTable;

    @FXML
    private TableColumn<EntryItem, String> nameColumn;

    @FXML
    private TableColumn<EntryItem, String> sizeColumn;

    @FXML
    private TableColumn<EntryItem, String> modifiedColumn;

    @FXML
    private Button originalButton;

    @FXML
    private Button folderButton;

    @FXML
    private Button versionsButton;

    @FXML
    private Label versionsTitle;

    @FXML
    private ListView<VersionItem> versionList;

    @FXML
    private ProgressBar progressBar;

    @FXML
    private Label progressText;

    @FXML
    private Label message;

    @FXML
    private Label reportText;

    public RestoreController(RestoreViewModel viewModel, FolderChooser chooser) {
        this.viewModel = viewModel;
        this.chooser = chooser;
    }

    @FXML
    private void initialize() {
        snapshotList.setItems(viewModel.snapshots());
        snapshotList.setPlaceholder(new Label("No snapshots yet."));
        snapshotList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SnapshotItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label when = new Label(item.when());
                when.getStyleClass().add("card-title");
                Label detail = new Label(item.detail());
                detail.getStyleClass().add("muted");
                setGraphic(new VBox(2, when, detail));
            }
        });
        snapshotList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(viewModel.snapshotProperty().get())) {
                viewModel.select(now);
            }
        });
        viewModel.snapshotProperty().addListener((o, was, now) -> {
            if (now != null) {
                snapshotList.getSelectionModel().select(now);
            }
        });

        entryTable.setItems(viewModel.entries());
        entryTable.setPlaceholder(new Label("Nothing here."));
        entryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().folder() ? c.getValue().name() + "/" : c.getValue().name()));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().folder() ? "" : Formats.bytes(c.getValue().size())));
        modifiedColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().modified()));
        entryTable.setRowFactory(table -> {
            TableRow<EntryItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openOrShowVersions(row.getItem());
                }
            });
            return row;
        });
        entryTable.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                EntryItem item = entryTable.getSelectionModel().getSelectedItem();
                if (item != null) {
                    openOrShowVersions(item);
                }
            } else if (e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE) {
                viewModel.up();
            }
        });
        entryTable
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((o, was, now) -> versionList.getSelectionModel().clearSelection());

        folderLabel
                .textProperty()
                .bind(Bindings.when(viewModel.folderProperty().isEmpty())
                        .then("Top level")
                        .otherwise(viewModel.folderProperty()));
        upButton.disableProperty().bind(viewModel.folderProperty().isEmpty());
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());

        versionList.setItems(viewModel.versions());
        versionList.setPlaceholder(new Label(""));
        versionsTitle
                .textProperty()
                .bind(Bindings.when(viewModel.versionsOfProperty().isEmpty())
                        .then(versionsTitle.getText())
                        .otherwise(Bindings.concat(
                                "Versions of ", viewModel.versionsOfProperty(), " (select one to restore it):")));
        var noSnapshot = viewModel.snapshotProperty().isNull();
        originalButton.disableProperty().bind(noSnapshot.or(viewModel.restoringProperty()));
        folderButton.disableProperty().bind(noSnapshot.or(viewModel.restoringProperty()));
        versionsButton
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            EntryItem e = entryTable.getSelectionModel().getSelectedItem();
                            return e == null || !e.file();
                        },
                        entryTable.getSelectionModel().selectedItemProperty()));

        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar
                .visibleProperty()
                .bind(viewModel
                        .restoringProperty()
                        .or(viewModel.reportProperty().isNotNull()));
        progressText.textProperty().bind(viewModel.progressTextProperty());
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.errorProperty().addListener((o, was, now) -> MessageStyle.apply(message, now));
        reportText.textProperty().bind(viewModel.reportTextProperty());

        viewModel.reload();
    }

    private void openOrShowVersions(EntryItem item) {
        if (item.folder()) {
            viewModel.open(item.path());
        } else if (item.file()) {
            viewModel.showVersions(item);
        }
    }

    /** What a restore button restores: the selected version, else the selected entry, else the current folder. */
    private record Source(SnapshotItem snapshot, String path) {}

    private @Nullable Source source() {
        VersionItem version = versionList.getSelectionModel().getSelectedItem();
        if (version != null) {
            return new Source(version.snapshot(), viewModel.versionsOfProperty().get());
        }
        SnapshotItem s = viewModel.snapshotProperty().get();
        if (s == null) {
            return null;
        }
        EntryItem entry = entryTable.getSelectionModel().getSelectedItem();
        return new Source(
                s, entry != null ? entry.path() : viewModel.folderProperty().get());
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void up() {
        viewModel.up();
    }

    @FXML
    private void showVersions() {
        EntryItem entry = entryTable.getSelectionModel().getSelectedItem();
        if (entry != null) {
            viewModel.showVersions(entry);
        }
    }

    @FXML
    private void restoreToOriginal() {
        Source s = source();
        if (s != null) {
            viewModel.restoreToOriginal(s.snapshot(), s.path());
        }
    }

    @FXML
    private void restoreToFolder() {
        Source s = source();
        if (s == null) {
            return;
        }
        Path target = chooser.choose(entryTable.getScene().getWindow(), "Choose where to restore");
        if (target != null) {
            viewModel.restore(s.snapshot(), s.path(), target);
        }
    }
}
