package dev.walrussync.ui.storage;

import dev.walrussync.ui.controls.MessageStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/**
 * Binds the storage screen: the renewal policy and the cost of the pending changes, the blobs table, Renew now with its
 * progress and result, and the renewal log.
 */
public final class StorageController {
    private final StorageViewModel viewModel;

    @FXML
    private Button refreshButton;

    @FXML
    private Button renewButton;

    @FXML
    private TableView<BlobItem> blobTable;

    @FXML
    private TableColumn<BlobItem, String> blobIdColumn;

    @FXML
    private TableColumn<BlobItem, String> objectIdColumn;

    @FXML
    private TableColumn<BlobItem, String> sizeColumn;

    @FXML
    private TableColumn<BlobItem, String> endEpochColumn;

    @FXML
    private TableColumn<BlobItem, String> costColumn;

    @FXML
    private HBox progressRow;

    @FXML
    private ProgressBar progressBar;

    @FXML
    private Label progressText;

    @FXML
    private Label message;

    @FXML
    private Label reportText;

    @FXML
    private ListView<String> alertList;

    @FXML
    private Label policyText;

    @FXML
    private Button changePolicyButton;

    @FXML
    private Label pendingText;

    @FXML
    private Label logLabel;

    @FXML
    private TableView<RenewalItem> logTable;

    @FXML
    private TableColumn<RenewalItem, String> timeColumn;

    @FXML
    private TableColumn<RenewalItem, String> logBlobColumn;

    @FXML
    private TableColumn<RenewalItem, String> epochsColumn;

    @FXML
    private TableColumn<RenewalItem, String> logCostColumn;

    @FXML
    private TableColumn<RenewalItem, String> resultColumn;

    public StorageController(StorageViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        blobTable.setItems(viewModel.blobs());
        blobTable.setPlaceholder(new Label(viewModel.onWalrus() ? "No blobs yet." : "Not on Walrus."));
        blobTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        blobIdColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().blobId()));
        objectIdColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().objectId()));
        sizeColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().size()));
        endEpochColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().endEpoch()));
        costColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().cost()));

        logTable.setItems(viewModel.log());
        logTable.setPlaceholder(new Label("No renewals yet."));
        logTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().time()));
        logBlobColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().blobId()));
        epochsColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().epochs()));
        logCostColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().cost()));
        resultColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().result()));
        logTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RenewalItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("renewal-failed");
                if (!empty && item != null && !item.ok()) {
                    getStyleClass().add("renewal-failed");
                }
            }
        });

        alertList.setItems(viewModel.alerts());
        alertList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.alerts()));
        alertList.managedProperty().bind(alertList.visibleProperty());

        if (viewModel.onWalrus()) {
            renewButton.disableProperty().bind(viewModel.renewingProperty().or(viewModel.busyProperty()));
            refreshButton.disableProperty().bind(viewModel.busyProperty());
        } else {
            renewButton.setDisable(true);
            refreshButton.setDisable(true);
        }
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressRow
                .visibleProperty()
                .bind(viewModel.renewingProperty().or(viewModel.reportProperty().isNotNull()));
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        progressText.textProperty().bind(viewModel.progressTextProperty());
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.errorProperty().addListener((o, was, now) -> MessageStyle.apply(message, now));
        reportText.textProperty().bind(viewModel.reportTextProperty());
        reportText.managedProperty().bind(viewModel.reportTextProperty().isNotEmpty());

        policyText.textProperty().bind(viewModel.policyTextProperty());
        changePolicyButton.setVisible(viewModel.canOpenSettings());
        changePolicyButton.setManaged(viewModel.canOpenSettings());
        pendingText.textProperty().bind(viewModel.pendingTextProperty());
        logLabel.setLabelFor(logTable);

        viewModel.reload();
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void renewNow() {
        viewModel.renewNow();
    }

    @FXML
    private void changePolicy() {
        viewModel.openSettings();
    }
}
