package dev.walrussync.ui.wallet;

import dev.walrussync.ui.controls.MessageStyle;
import dev.walrussync.ui.controls.QrCodeView;
import dev.walrussync.ui.wallet.WalletViewModel.ImportStage;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * Binds the wallet screen: the address with Copy and its QR code, the balances, "Get test tokens" on the local network,
 * and replacing the wallet with the user's key (key, review, confirm or cancel, progress, result).
 */
public final class WalletController {
    private final WalletViewModel viewModel;

    @FXML
    private ScrollPane scroll;

    @FXML
    private Label network;

    @FXML
    private Label address;

    @FXML
    private Button copyButton;

    @FXML
    private Label copied;

    @FXML
    private QrCodeView qrCode;

    @FXML
    private VBox qrBox;

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

    @FXML
    private VBox importCard;

    @FXML
    private Label keyLabel;

    @FXML
    private PasswordField keyField;

    @FXML
    private Button reviewButton;

    @FXML
    private VBox confirmBox;

    @FXML
    private Label confirmText;

    @FXML
    private Button replaceButton;

    @FXML
    private Button cancelButton;

    @FXML
    private ProgressIndicator importProgress;

    @FXML
    private Label importMessage;

    public WalletController(WalletViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        network.textProperty().bind(viewModel.networkProperty());
        address.textProperty().bind(viewModel.addressProperty());
        address.textProperty().addListener((o, was, now) -> copied.setVisible(false));
        qrCode.qrCodeProperty().bind(viewModel.addressQrProperty());
        showIf(qrBox, viewModel.addressQrProperty().isNotNull());
        wal.textProperty().bind(viewModel.walProperty());
        sui.textProperty().bind(viewModel.suiProperty());
        copyButton.disableProperty().bind(viewModel.addressProperty().isEmpty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        faucetButton
                .disableProperty()
                .bind(viewModel.faucetAvailableProperty().not().or(viewModel.busyProperty()));
        faucetNote.textProperty().bind(viewModel.faucetNoteProperty());
        showIf(faucetNote, viewModel.faucetNoteProperty().isNotEmpty());
        message.textProperty().bind(viewModel.messageProperty());
        showIf(message, viewModel.messageProperty().isNotEmpty());
        viewModel.errorProperty().addListener((o, was, now) -> MessageStyle.apply(message, now));

        importCard.setVisible(viewModel.onWalrus());
        importCard.setManaged(viewModel.onWalrus());
        keyLabel.setLabelFor(keyField);
        keyField.textProperty().bindBidirectional(viewModel.keyInputProperty());
        BooleanBinding entering = viewModel
                .importStageProperty()
                .isEqualTo(ImportStage.ENTER)
                .and(viewModel.busyProperty().not());
        keyField.disableProperty().bind(entering.not());
        reviewButton
                .disableProperty()
                .bind(entering.not().or(viewModel.keyInputProperty().isEmpty()));
        BooleanBinding confirming = viewModel.importStageProperty().isEqualTo(ImportStage.CONFIRM);
        showIf(confirmBox, confirming);
        replaceButton.disableProperty().bind(confirming.not());
        cancelButton.disableProperty().bind(confirming.not());
        confirmText.textProperty().bind(viewModel.confirmTextProperty());
        importProgress.visibleProperty().bind(viewModel.importStageProperty().isEqualTo(ImportStage.RUNNING));
        importProgress.managedProperty().bind(importProgress.visibleProperty());
        importMessage.textProperty().bind(viewModel.importMessageProperty());
        showIf(importMessage.getParent(), viewModel.importMessageProperty().isNotEmpty());
        viewModel.importErrorProperty().addListener((o, was, now) -> MessageStyle.apply(importMessage, now));
        viewModel.importStageProperty().addListener((o, was, now) -> {
            // Keep the keyboard where the next step is: the safe choice when asked, the key field after.
            if (now == ImportStage.CONFIRM) {
                // The confirmation is the last thing on the screen: bring it into view.
                scroll.applyCss();
                scroll.layout();
                scroll.setVvalue(scroll.getVmax());
                cancelButton.requestFocus();
            } else if (now == ImportStage.ENTER && was != ImportStage.ENTER) {
                keyField.requestFocus();
            }
        });

        viewModel.reload();
    }

    private static void showIf(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void copyAddress() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.addressProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        copied.setVisible(true);
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void requestFaucet() {
        viewModel.requestFaucet();
    }

    @FXML
    private void reviewImport() {
        viewModel.reviewImport();
    }

    @FXML
    private void confirmImport() {
        viewModel.confirmImport();
    }

    @FXML
    private void cancelImport() {
        viewModel.cancelImport();
    }
}
