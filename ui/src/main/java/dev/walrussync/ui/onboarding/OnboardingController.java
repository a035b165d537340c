package dev.walrussync.ui.onboarding;

import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Credential;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Field;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Step;
import dev.walrussync.ui.session.Network;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the onboarding wizard: one page per step, shown as the view model moves on. */
public final class OnboardingController {
    private final OnboardingViewModel viewModel;
    private final FolderChooser chooser;

    @FXML
    private VBox welcomePage;

    @FXML
    private VBox networkPage;

    @FXML
    private VBox passphrasePage;

    @FXML
    private VBox recoveryPage;

    @FXML
    private VBox confirmPage;

    @FXML
    private VBox foldersPage;

    @FXML
    private ToggleGroup networkGroup;

    @FXML
    private RadioButton localOption;

    @FXML
    private RadioButton testnetOption;

    @FXML
    private RadioButton mainnetOption;

    @FXML
    private PasswordField passphrase;

    @FXML
    private PasswordField passphraseAgain;

    @FXML
    private Label passphraseProblem;

    @FXML
    private Button createButton;

    @FXML
    private ProgressIndicator creating;

    @FXML
    private GridPane wordGrid;

    @FXML
    private Label walletNote;

    @FXML
    private Label confirmLabel0;

    @FXML
    private Label confirmLabel1;

    @FXML
    private Label confirmLabel2;

    @FXML
    private TextField confirmWord0;

    @FXML
    private TextField confirmWord1;

    @FXML
    private TextField confirmWord2;

    @FXML
    private ListView<String> folderList;

    @FXML
    private Label error;

    // ---- the restore path ----
    @FXML
    private Label networkTitle;

    @FXML
    private Label networkBody;

    @FXML
    private Label restoreNetworkTitle;

    @FXML
    private Label restoreNetworkBody;

    @FXML
    private VBox folderChoice;

    @FXML
    private RadioButton folderOption;

    @FXML
    private Button chooseFolderButton;

    @FXML
    private Label folderPath;

    @FXML
    private VBox restoreKeysPage;

    @FXML
    private VBox walletKeyBox;

    @FXML
    private PasswordField walletKey;

    @FXML
    private Label keysBodyWalrus;

    @FXML
    private Label keysBodyFolder;

    @FXML
    private HBox restoreFolderBox;

    @FXML
    private Label restoreFolder;

    @FXML
    private ToggleGroup credentialGroup;

    @FXML
    private RadioButton phraseOption;

    @FXML
    private RadioButton passphraseOption;

    @FXML
    private VBox phraseBox;

    @FXML
    private TextArea recoveryPhrase;

    @FXML
    private Label phraseCount;

    @FXML
    private VBox existingPassphraseBox;

    @FXML
    private PasswordField existingPassphrase;

    @FXML
    private Button recoverButton;

    @FXML
    private VBox restoreProgressPage;

    @FXML
    private VBox stepList;

    @FXML
    private ProgressBar recoveryProgress;

    @FXML
    private VBox restoreSummaryPage;

    @FXML
    private Label summaryTitleComplete;

    @FXML
    private Label summaryTitleGaps;

    @FXML
    private Label summaryText;

    @FXML
    private VBox gapsBox;

    @FXML
    private TextArea unrecoverableText;

    @FXML
    private Button summaryPassphraseButton;

    @FXML
    private Button summaryOpenButton;

    @FXML
    private VBox restorePassphrasePage;

    @FXML
    private PasswordField newPassphrase;

    @FXML
    private PasswordField newPassphraseAgain;

    @FXML
    private Label newPassphraseProblem;

    @FXML
    private Button skipPassphraseButton;

    @FXML
    private ProgressIndicator addingPassphrase;

    @FXML
    private Button addPassphraseButton;

    private final Map<Step, Node> pages = new EnumMap<>(Step.class);

    public OnboardingController(OnboardingViewModel viewModel, FolderChooser chooser) {
        this.viewModel = viewModel;
        this.chooser = chooser;
    }

    @FXML
    private void initialize() {
        pages.put(Step.WELCOME, welcomePage);
        pages.put(Step.NETWORK, networkPage);
        pages.put(Step.PASSPHRASE, passphrasePage);
        pages.put(Step.RECOVERY, recoveryPage);
        pages.put(Step.CONFIRM, confirmPage);
        pages.put(Step.FOLDERS, foldersPage);
        pages.put(Step.RESTORE_KEYS, restoreKeysPage);
        pages.put(Step.RESTORE_PROGRESS, restoreProgressPage);
        pages.put(Step.RESTORE_SUMMARY, restoreSummaryPage);
        pages.put(Step.RESTORE_PASSPHRASE, restorePassphrasePage);
        viewModel.stepProperty().addListener((o, was, now) -> show(now));
        show(viewModel.stepProperty().get());

        localOption.setUserData(Network.LOCAL);
        testnetOption.setUserData(Network.TESTNET);
        mainnetOption.setUserData(Network.MAINNET);
        networkGroup.selectToggle(localOption);
        networkGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == folderOption) {
                viewModel.fromFolderProperty().set(true);
            } else if (now != null) {
                viewModel.fromFolderProperty().set(false);
                viewModel.networkProperty().set((Network) now.getUserData());
            }
        });
        bindRestore();

        passphrase.textProperty().bindBidirectional(viewModel.passphraseProperty());
        passphraseAgain.textProperty().bindBidirectional(viewModel.passphraseAgainProperty());
        passphraseProblem.textProperty().bind(viewModel.passphraseProblemProperty());
        createButton.disableProperty().bind(viewModel.passphraseValid().not().or(viewModel.busyProperty()));
        creating.visibleProperty().bind(viewModel.busyProperty());
        passphrase.disableProperty().bind(viewModel.busyProperty());
        passphraseAgain.disableProperty().bind(viewModel.busyProperty());

        viewModel.recoveryWords().addListener((ListChangeListener<String>) c -> renderWords());
        walletNote
                .textProperty()
                .bind(viewModel
                        .walletAddressProperty()
                        .isEmpty()
                        .map(none -> none
                                ? ""
                                : "Your wallet on Walrus: "
                                        + viewModel.walletAddressProperty().get()));

        List<Label> labels = List.of(confirmLabel0, confirmLabel1, confirmLabel2);
        List<TextField> fields = List.of(confirmWord0, confirmWord1, confirmWord2);
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i)
                    .textProperty()
                    .bindBidirectional(viewModel.confirmAnswers().get(i));
        }
        viewModel.confirmIndices().addListener((ListChangeListener<Integer>) c -> {
            for (int i = 0; i < labels.size(); i++) {
                boolean asked = i < viewModel.confirmIndices().size();
                labels.get(i)
                        .setText(asked ? "Word " + (viewModel.confirmIndices().get(i) + 1) : "");
            }
        });

        folderList.setItems(viewModel.folders());
        folderList.setPlaceholder(new Label("No folders yet."));
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        walletNote.visibleProperty().bind(walletNote.textProperty().isNotEmpty());
        walletNote.managedProperty().bind(walletNote.visibleProperty());
    }

    /** The restore path's pages: the same network page with a folder added, then its own four. */
    private void bindRestore() {
        var restoring = viewModel.restoringProperty();
        show(networkTitle, restoring.not());
        show(networkBody, restoring.not());
        show(restoreNetworkTitle, restoring);
        show(restoreNetworkBody, restoring);
        show(folderChoice, restoring);
        viewModel.fromFolderProperty().addListener((o, was, now) -> {
            if (now) {
                networkGroup.selectToggle(folderOption);
            }
        });
        chooseFolderButton
                .disableProperty()
                .bind(folderOption.selectedProperty().not());
        var chosen = Bindings.createStringBinding(
                () -> {
                    Path p = viewModel.storeFolderProperty().get();
                    return p == null ? "" : p.toString();
                },
                viewModel.storeFolderProperty());
        folderPath.textProperty().bind(chosen);
        restoreFolder.textProperty().bind(chosen);

        var fromFolder = viewModel.fromFolderProperty();
        show(walletKeyBox, fromFolder.not());
        show(keysBodyWalrus, fromFolder.not());
        show(keysBodyFolder, fromFolder);
        show(restoreFolderBox, fromFolder);
        walletKey.textProperty().bindBidirectional(viewModel.walletKeyProperty());
        phraseOption.setUserData(Credential.RECOVERY_PHRASE);
        passphraseOption.setUserData(Credential.PASSPHRASE);
        credentialGroup.selectToggle(
                viewModel.credentialProperty().get() == Credential.PASSPHRASE ? passphraseOption : phraseOption);
        credentialGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.credentialProperty().set((Credential) now.getUserData());
            }
        });
        var withPhrase = viewModel.credentialProperty().isEqualTo(Credential.RECOVERY_PHRASE);
        show(phraseBox, withPhrase);
        show(existingPassphraseBox, withPhrase.not());
        recoveryPhrase.textProperty().bindBidirectional(viewModel.recoveryPhraseProperty());
        tabLeaves(recoveryPhrase);
        phraseCount.textProperty().bind(viewModel.recoveryPhraseCountProperty());
        existingPassphrase.textProperty().bindBidirectional(viewModel.existingPassphraseProperty());
        recoverButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.problemFieldProperty().addListener((o, was, now) -> pointAt(now));

        viewModel.recoverySteps().addListener((ListChangeListener<RecoverySteps.Step>) c -> renderSteps());
        renderSteps();
        recoveryProgress.progressProperty().bind(viewModel.recoveryProgressProperty());

        show(summaryTitleComplete, viewModel.completeProperty());
        show(summaryTitleGaps, viewModel.completeProperty().not());
        summaryText.textProperty().bind(viewModel.summaryProperty());
        show(gapsBox, viewModel.completeProperty().not());
        // Read only and selectable, so that blob and object IDs can be copied; a line each, wrapped.
        tabLeaves(unrecoverableText);
        unrecoverableText
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.join(
                                "\n",
                                viewModel.unrecoverable().stream()
                                        .map(line -> "• " + line)
                                        .toList()),
                        viewModel.unrecoverable()));
        show(summaryPassphraseButton, viewModel.usedRecoveryPhraseProperty());
        show(summaryOpenButton, viewModel.usedRecoveryPhraseProperty().not());

        newPassphrase.textProperty().bindBidirectional(viewModel.passphraseProperty());
        newPassphraseAgain.textProperty().bindBidirectional(viewModel.passphraseAgainProperty());
        newPassphraseProblem.textProperty().bind(viewModel.passphraseProblemProperty());
        addPassphraseButton
                .disableProperty()
                .bind(viewModel.passphraseValid().not().or(viewModel.busyProperty()));
        skipPassphraseButton.disableProperty().bind(viewModel.busyProperty());
        addingPassphrase.visibleProperty().bind(viewModel.busyProperty());
        newPassphrase.disableProperty().bind(viewModel.busyProperty());
        newPassphraseAgain.disableProperty().bind(viewModel.busyProperty());
    }

    /**
     * Tab (and Shift+Tab) moves on from a text area, as from a field, instead of typing a tab: a recovery phrase has
     * none. The text area's own binding for that is Ctrl+Tab, which this passes the key on as.
     */
    private static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(
                        e.getSource(),
                        e.getTarget(),
                        KeyEvent.KEY_PRESSED,
                        "",
                        "",
                        KeyCode.TAB,
                        e.isShiftDown(),
                        true,
                        false,
                        false));
            }
        });
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Moves the keyboard to the input a problem is about. */
    private void pointAt(Field field) {
        Node target = switch (field) {
            case WALLET_KEY -> walletKey;
            case RECOVERY_PHRASE -> recoveryPhrase;
            case PASSPHRASE -> existingPassphrase;
            case FOLDER -> chooseFolderButton;
            case NONE -> null;
        };
        if (target != null && target.isVisible()) {
            target.requestFocus();
        }
    }

    /** A line per step of the index rebuild: a mark for its state, and what it did or does. */
    private void renderSteps() {
        List<RecoverySteps.Step> steps = viewModel.recoverySteps();
        stepList.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            RecoverySteps.Step step = steps.get(i);
            Label mark = new Label(
                    switch (step.state()) {
                        case DONE -> "✓";
                        case RUNNING -> "▸";
                        case WAITING -> "○";
                    });
            mark.getStyleClass().add("step-mark");
            Label text = new Label(step.text());
            text.setId("recoverStep" + (i + 1));
            text.setWrapText(true);
            HBox line = new HBox(mark, text);
            line.getStyleClass()
                    .addAll(
                            "recover-step",
                            switch (step.state()) {
                                case DONE -> "step-done";
                                case RUNNING -> "step-running";
                                case WAITING -> "step-waiting";
                            });
            stepList.getChildren().add(line);
        }
    }

    private void renderWords() {
        wordGrid.getChildren().clear();
        List<String> words = viewModel.recoveryWords();
        for (int i = 0; i < words.size(); i++) {
            Label n = new Label((i + 1) + ".");
            n.getStyleClass().add("word-number");
            Label w = new Label(words.get(i));
            w.setId("word" + (i + 1));
            w.getStyleClass().add("word");
            wordGrid.add(n, (i % 4) * 2, i / 4);
            wordGrid.add(w, (i % 4) * 2 + 1, i / 4);
        }
    }

    private void show(Step step) {
        pages.forEach((s, page) -> {
            boolean visible = s == step;
            page.setVisible(visible);
            page.setManaged(visible);
        });
        switch (step) {
            case PASSPHRASE -> passphrase.requestFocus();
            case CONFIRM -> confirmWord0.requestFocus();
            case RESTORE_KEYS -> {
                if (viewModel.problemFieldProperty().get() != Field.NONE) {
                    pointAt(viewModel.problemFieldProperty().get());
                } else if (!viewModel.fromFolderProperty().get()) {
                    walletKey.requestFocus();
                } else if (viewModel.credentialProperty().get() == Credential.RECOVERY_PHRASE) {
                    recoveryPhrase.requestFocus();
                } else {
                    existingPassphrase.requestFocus();
                }
            }
            case RESTORE_SUMMARY ->
                (viewModel.usedRecoveryPhraseProperty().get() ? summaryPassphraseButton : summaryOpenButton)
                        .requestFocus();
            case RESTORE_PASSPHRASE -> newPassphrase.requestFocus();
            default -> {}
        }
    }

    @FXML
    private void startCreate() {
        viewModel.startCreate();
    }

    @FXML
    private void startRestore() {
        viewModel.startRestore();
    }

    @FXML
    private void chooseFolder() {
        Path chosen =
                chooser.choose(chooseFolderButton.getScene().getWindow(), "Choose the folder that holds the backup");
        if (chosen != null) {
            viewModel.folderChosen(chosen);
        }
    }

    @FXML
    private void startRecovery() {
        viewModel.startRecovery();
    }

    @FXML
    private void summaryRead() {
        viewModel.summaryRead();
    }

    @FXML
    private void addPassphrase() {
        viewModel.addPassphrase();
    }

    @FXML
    private void skipPassphrase() {
        viewModel.skipPassphrase();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void networkChosen() {
        viewModel.networkChosen();
    }

    @FXML
    private void create() {
        viewModel.createRepository();
    }

    @FXML
    private void recoveryWritten() {
        viewModel.recoveryWritten();
    }

    @FXML
    private void confirmWords() {
        viewModel.confirmWords();
    }

    @FXML
    private void addFolder() {
        Path chosen = chooser.choose(folderList.getScene().getWindow(), "Choose a folder to protect");
        if (chosen != null) {
            viewModel.addFolder(chosen);
        }
    }

    @FXML
    private void finish() {
        viewModel.finish();
    }
}
