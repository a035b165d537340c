package dev.walrussync.ui.wallet;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Binds the wallet screen: the address with Copy, the balances, and "Get test tokens" on the local network. */
public final class WalletController {
    private final WalletViewModel viewModel;

    @FXML
    private Label network;

    @FXML
    private Label address;

    @FXML
    private Button copyButton;

    @FXML
    private Label wal;

    @FXML
    private Label sui;

    @FXML
    private Button refreshButton;

    @FXML
    private Button faucetButton;

    @FXML
    private Label faucetNote;

    @FXML
    private Label message;

    public WalletController(WalletViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        network.textProperty().bind(viewModel.networkProperty());
        address.textProperty().bind(viewModel.addressProperty());
        wal.textProperty().bind(viewModel.walProperty());
        sui.textProperty().bind(viewModel.suiProperty());
        copyButton.disableProperty().bind(viewModel.addressProperty().isEmpty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        faucetButton
                .disableProperty()
                .bind(viewModel.faucetAvailableProperty().not().or(viewModel.busyProperty()));
        faucetNote.textProperty().bind(viewModel.faucetNoteProperty());
        faucetNote.visibleProperty().bind(viewModel.faucetNoteProperty().isNotEmpty());
        faucetNote.managedProperty().bind(faucetNote.visibleProperty());
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.errorProperty().addListener((o, was, now) -> {
            message.getStyleClass().removeAll("error-text", "ok-text");
            message.getStyleClass().add(now ? "error-text" : "ok-text");
        });

        viewModel.reload();
    }

    @FXML
    private void copyAddress() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.addressProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void requestFaucet() {
        viewModel.requestFaucet();
    }
}
