package dev.walrussync.ui.nodes;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** Binds the nodes screen: the quorum summary, the nodes table (rows coloured by CSS class) and Refresh. */
public final class NodesController {
    private final NodesViewModel viewModel;

    @FXML
    private Label writeLabel;

    @FXML
    private Label readLabel;

    @FXML
    private Button refreshButton;

    @FXML
    private TableView<NodeItem> nodeTable;

    @FXML
    private TableColumn<NodeItem, String> nameColumn;

    @FXML
    private TableColumn<NodeItem, String> urlColumn;

    @FXML
    private TableColumn<NodeItem, String> statusColumn;

    @FXML
    private TableColumn<NodeItem, Integer> shardsColumn;

    @FXML
    private TableColumn<NodeItem, String> latencyColumn;

    @FXML
    private Label message;

    public NodesController(NodesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        nodeTable.setItems(viewModel.nodes());
        nodeTable.setPlaceholder(new Label(viewModel.onWalrus() ? "No nodes checked yet." : "No storage nodes."));
        nodeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nameColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().name()));
        urlColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().url()));
        statusColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().status()));
        shardsColumn.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().shards()));
        latencyColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().latency()));
        nodeTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(NodeItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("node-up", "node-down");
                if (!empty && item != null) {
                    getStyleClass().add(item.up() ? "node-up" : "node-down");
                }
            }
        });

        writeLabel.textProperty().bind(viewModel.writeTextProperty());
        readLabel.textProperty().bind(viewModel.readTextProperty());
        colour(writeLabel, viewModel.canWriteProperty());
        colour(readLabel, viewModel.canReadProperty());
        writeLabel.visibleProperty().bind(viewModel.quorumProperty().isNotNull());
        readLabel.visibleProperty().bind(viewModel.quorumProperty().isNotNull());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        message.textProperty().bind(viewModel.messageProperty());
        colour(message, viewModel.errorProperty().not());

        viewModel.refresh();
    }

    private static void colour(Label label, ObservableBooleanValue ok) {
        Runnable apply = () -> {
            label.getStyleClass().removeAll("quorum-ok", "quorum-bad");
            label.getStyleClass().add(ok.get() ? "quorum-ok" : "quorum-bad");
        };
        ok.addListener((o, was, now) -> apply.run());
        apply.run();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
