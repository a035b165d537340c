package dev.walrussync.ui.onboarding;

import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Step;
import dev.walrussync.ui.session.Network;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
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

    public OnboardingController(OnboardingViewModel viewModel, FolderChooser chooser) {
        this.viewModel = viewModel;
        this.chooser = chooser;
    }

    @FXML
    private void initialize() {
        viewModel.stepProperty().addListener((o, was, now) -> show(now));
        show(viewModel.stepProperty().get());

        localOption.setUserData(Network.LOCAL);
        testnetOption.setUserData(Network.TESTNET);
        mainnetOption.setUserData(Network.MAINNET);
        networkGroup.selectToggle(localOption);
        networkGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.networkProperty().set((Network) now.getUserData());
            }
        });

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
        List<Node> pages = List.of(welcomePage, networkPage, passphrasePage, recoveryPage, confirmPage, foldersPage);
        for (int i = 0; i < pages.size(); i++) {
            boolean visible = i == step.ordinal();
            pages.get(i).setVisible(visible);
            pages.get(i).setManaged(visible);
        }
        switch (step) {
            case PASSPHRASE -> passphrase.requestFocus();
            case CONFIRM -> confirmWord0.requestFocus();
            default -> {}
        }
    }

    @FXML
    private void startCreate() {
        viewModel.startCreate();
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
