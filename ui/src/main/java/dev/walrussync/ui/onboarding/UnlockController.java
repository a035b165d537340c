package dev.walrussync.ui.onboarding;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;

/** Binds the unlock page: the passphrase, and why unlocking failed. */
public final class UnlockController {
    private final UnlockViewModel viewModel;

    @FXML
    private Label home;

    @FXML
    private PasswordField passphrase;

    @FXML
    private Button unlockButton;

    @FXML
    private ProgressIndicator working;

    @FXML
    private Label error;

    public UnlockController(UnlockViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        home.setText(viewModel.home());
        passphrase.textProperty().bindBidirectional(viewModel.passphraseProperty());
        passphrase.disableProperty().bind(viewModel.busyProperty());
        unlockButton
                .disableProperty()
                .bind(viewModel.busyProperty().or(viewModel.passphraseProperty().isEmpty()));
        working.visibleProperty().bind(viewModel.busyProperty());
        error.textProperty().bind(viewModel.errorProperty());
        passphrase.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                passphrase.requestFocus();
            }
        });
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }
}
