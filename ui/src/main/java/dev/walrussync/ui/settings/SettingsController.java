package dev.walrussync.ui.settings;

import dev.walrussync.ui.controls.MessageStyle;
import dev.walrussync.ui.settings.SettingsInput.RateUnit;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Binds the settings screen: where the backup is kept, the schedule and upload limit, renewal and budget, start at
 * login and notifications, each section with its Save, progress and result line; and the keys, with their own
 * buttons.
 */
public final class SettingsController {
    private final SettingsViewModel viewModel;

    @FXML
    private ScrollPane page;

    @FXML
    private Label networkTitle;

    @FXML
    private Label networkDescription;

    @FXML
    private GridPane endpoints;

    @FXML
    private TextField walletAddress;

    @FXML
    private Label walletLabel;

    @FXML
    private TextField publishers;

    @FXML
    private Label publishersLabel;

    @FXML
    private TextField aggregators;

    @FXML
    private Label aggregatorsLabel;

    @FXML
    private TextField graphql;

    @FXML
    private Label graphqlLabel;

    @FXML
    private Label paidAhead;

    @FXML
    private Label networkError;

    @FXML
    private Button networkRetryButton;

    @FXML
    private GridPane backupForm;

    @FXML
    private ComboBox<ScheduleChoice> scheduleChoice;

    @FXML
    private TextField customSchedule;

    @FXML
    private TextField bandwidth;

    @FXML
    private ComboBox<RateUnit> bandwidthUnit;

    @FXML
    private Label bandwidthNote;

    @FXML
    private Button saveBackupButton;

    @FXML
    private ProgressIndicator backupProgress;

    @FXML
    private Label backupMessage;

    @FXML
    private Label renewalNote;

    @FXML
    private Button retryButton;

    @FXML
    private Label renewalIntro;

    @FXML
    private GridPane renewalForm;

    @FXML
    private HBox renewalSaveRow;

    @FXML
    private TextField lookAhead;

    @FXML
    private Label lookAheadUnit;

    @FXML
    private TextField extendBy;

    @FXML
    private Label extendByUnit;

    @FXML
    private TextField reserve;

    @FXML
    private TextField budget;

    @FXML
    private TextField interval;

    @FXML
    private Button saveRenewalButton;

    @FXML
    private ProgressIndicator renewalProgress;

    @FXML
    private Label renewalMessage;

    @FXML
    private VBox desktopForm;

    @FXML
    private CheckBox startAtLogin;

    @FXML
    private Label startAtLoginNote;

    @FXML
    private CheckBox notifyBackupFailed;

    @FXML
    private CheckBox notifyLowRunway;

    @FXML
    private CheckBox notifyExpiryRisk;

    @FXML
    private CheckBox notifyRestoreDone;

    @FXML
    private Button saveDesktopButton;

    @FXML
    private ProgressIndicator desktopProgress;

    @FXML
    private Label desktopMessage;

    @FXML
    private TableView<KeySlotItem> keySlotTable;

    @FXML
    private TableColumn<KeySlotItem, String> slotKindColumn;

    @FXML
    private TableColumn<KeySlotItem, String> slotAddedColumn;

    @FXML
    private TableColumn<KeySlotItem, String> slotIdColumn;

    @FXML
    private TableColumn<KeySlotItem, String> slotInUseColumn;

    @FXML
    private Button removeKeyButton;

    @FXML
    private VBox removeConfirmBox;

    @FXML
    private Label removeConfirmText;

    @FXML
    private Button confirmRemoveButton;

    @FXML
    private Button cancelRemoveButton;

    @FXML
    private GridPane keyForm;

    @FXML
    private Button showPhraseButton;

    @FXML
    private Button hidePhraseButton;

    @FXML
    private Button saveKitButton;

    @FXML
    private Label shownPhrase;

    /** The strings the FXML was loaded with. */
    @FXML
    private java.util.ResourceBundle resources;

    @FXML
    private PasswordField newPassphrase;

    @FXML
    private PasswordField newPassphraseAgain;

    @FXML
    private Label keyProblem;

    @FXML
    private Label keyNote;

    @FXML
    private Button changePassphraseButton;

    @FXML
    private Button addPassphraseButton;

    @FXML
    private ProgressIndicator keysProgress;

    @FXML
    private Label keysMessage;

    public SettingsController(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // Where the backup is kept
        networkTitle.textProperty().bind(viewModel.networkTitleProperty());
        networkDescription.textProperty().bind(viewModel.networkDescriptionProperty());
        value(walletAddress, walletLabel, viewModel.walletAddressProperty());
        value(publishers, publishersLabel, viewModel.publishersProperty());
        value(aggregators, aggregatorsLabel, viewModel.aggregatorsProperty());
        value(graphql, graphqlLabel, viewModel.graphqlProperty());
        show(endpoints, Bindings.isNotEmpty(viewModel.aggregatorsProperty()));
        showIfText(paidAhead, viewModel.paidAheadProperty());
        showIfText(networkError, viewModel.networkErrorProperty());
        show(networkRetryButton, viewModel.storeRetryProperty());

        // Schedule and upload limit
        scheduleChoice.getItems().setAll(ScheduleChoice.values());
        scheduleChoice.valueProperty().bindBidirectional(viewModel.scheduleProperty());
        customSchedule.textProperty().bindBidirectional(viewModel.customScheduleProperty());
        var custom = viewModel.scheduleProperty().isEqualTo(ScheduleChoice.CUSTOM);
        show(customSchedule, custom);
        bandwidth.textProperty().bindBidirectional(viewModel.bandwidthProperty());
        bandwidthUnit.getItems().setAll(viewModel.bandwidthUnits());
        bandwidthUnit.valueProperty().bindBidirectional(viewModel.bandwidthUnitProperty());
        showIfText(bandwidthNote, viewModel.bandwidthNoteProperty());
        var backupIdle = viewModel
                .backupLoadedProperty()
                .and(viewModel.backupSave().savingProperty().not());
        backupForm.disableProperty().bind(backupIdle.not());
        saveBackupButton.disableProperty().bind(backupIdle.not());
        result(viewModel.backupSave(), backupProgress, backupMessage);

        // Renewal and budget
        renewalNote.textProperty().bind(viewModel.renewalNoteProperty());
        show(retryButton, viewModel.storeRetryProperty().and(viewModel.onWalrusProperty()));
        lookAhead.textProperty().bindBidirectional(viewModel.lookAheadProperty());
        lookAhead.promptTextProperty().bind(viewModel.lookAheadPromptProperty());
        lookAheadUnit.textProperty().bind(viewModel.periodUnitProperty());
        extendBy.textProperty().bindBidirectional(viewModel.extendByProperty());
        extendBy.promptTextProperty().bind(viewModel.extendByPromptProperty());
        extendByUnit.textProperty().bind(viewModel.periodUnitProperty());
        reserve.textProperty().bindBidirectional(viewModel.reserveProperty());
        reserve.promptTextProperty().bind(viewModel.reservePromptProperty());
        budget.textProperty().bindBidirectional(viewModel.budgetProperty());
        budget.promptTextProperty().bind(viewModel.budgetPromptProperty());
        interval.textProperty().bindBidirectional(viewModel.intervalProperty());
        interval.promptTextProperty().bind(viewModel.intervalPromptProperty());
        // Off Walrus the section only says why there is nothing to renew.
        show(renewalIntro, viewModel.onWalrusProperty());
        show(renewalForm, viewModel.onWalrusProperty());
        show(renewalSaveRow, viewModel.onWalrusProperty());
        var renewalIdle = viewModel
                .renewalAvailableProperty()
                .and(viewModel.renewalSave().savingProperty().not());
        renewalForm.disableProperty().bind(renewalIdle.not());
        saveRenewalButton.disableProperty().bind(renewalIdle.not());
        result(viewModel.renewalSave(), renewalProgress, renewalMessage);

        // Start at login and notifications
        startAtLogin.selectedProperty().bindBidirectional(viewModel.startAtLoginProperty());
        startAtLogin.setDisable(!viewModel.startAtLoginAvailable());
        showIfText(startAtLoginNote, viewModel.startAtLoginNoteProperty());
        notifyBackupFailed.selectedProperty().bindBidirectional(viewModel.notifyBackupFailedProperty());
        notifyLowRunway.selectedProperty().bindBidirectional(viewModel.notifyLowRunwayProperty());
        notifyExpiryRisk.selectedProperty().bindBidirectional(viewModel.notifyExpiryRiskProperty());
        notifyRestoreDone.selectedProperty().bindBidirectional(viewModel.notifyRestoreDoneProperty());
        var desktopIdle = viewModel
                .desktopLoadedProperty()
                .and(viewModel.desktopSave().savingProperty().not());
        desktopForm.disableProperty().bind(desktopIdle.not());
        saveDesktopButton.disableProperty().bind(desktopIdle.not());
        result(viewModel.desktopSave(), desktopProgress, desktopMessage);

        bindKeys();

        followFocus();
        viewModel.load();
    }

    /** The Keys section: the slots, removing one after a confirmation, and a new passphrase to change or add. */
    private void bindKeys() {
        KeysViewModel keys = viewModel.keys();
        keySlotTable.setItems(keys.slots());
        column(slotKindColumn, KeySlotItem::kind);
        column(slotAddedColumn, KeySlotItem::added);
        column(slotIdColumn, KeySlotItem::id);
        column(slotInUseColumn, KeySlotItem::inUse);
        var saving = keys.state().savingProperty();
        var pending = keys.pendingRemovalProperty().isNotNull();
        removeKeyButton
                .disableProperty()
                .bind(keySlotTable
                        .getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(saving)
                        .or(pending));
        show(removeConfirmBox, pending);
        removeConfirmText.textProperty().bind(keys.removalTextProperty());
        confirmRemoveButton.disableProperty().bind(saving);
        cancelRemoveButton.disableProperty().bind(saving);
        keys.pendingRemovalProperty().addListener((o, was, now) -> {
            if (now != null) {
                cancelRemoveButton.requestFocus();
            }
        });

        var phraseShown = keys.shownPhraseProperty().isNotEmpty();
        shownPhrase.textProperty().bind(keys.shownPhraseProperty());
        show(shownPhrase, phraseShown);
        show(hidePhraseButton, phraseShown);
        show(showPhraseButton, phraseShown.not());
        showPhraseButton.disableProperty().bind(saving);
        saveKitButton.disableProperty().bind(saving);
        showPhraseButton.setOnAction(e -> keys.showRecoveryPhrase());
        hidePhraseButton.setOnAction(e -> keys.hideRecoveryPhrase());
        // The button that was pressed disappears: keep the keyboard (and the view) on the phrase's own button.
        phraseShown.addListener((o, was, now) -> {
            page.layout(); // the phrase just appeared or went: scroll to where the button is now
            (now ? hidePhraseButton : showPhraseButton).requestFocus();
        });
        saveKitButton.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(resources.getString("settings.keys.kitTitle"));
            chooser.setInitialFileName("walrus-sync-recovery-kit.html");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Web page", "*.html"));
            java.io.File file = chooser.showSaveDialog(saveKitButton.getScene().getWindow());
            if (file != null) {
                keys.saveRecoveryKit(file.toPath());
            }
        });

        newPassphrase.textProperty().bindBidirectional(keys.newPassphraseProperty());
        newPassphraseAgain.textProperty().bindBidirectional(keys.newPassphraseAgainProperty());
        keyForm.disableProperty().bind(saving.or(keys.sessionKeyGoneProperty()));
        // The rule is shown once a new passphrase is being typed, not as a standing complaint.
        keyProblem.textProperty().bind(keys.problemProperty());
        show(
                keyProblem,
                Bindings.isNotEmpty(keys.newPassphraseProperty())
                        .and(keys.passphraseValid().not()));
        showIfText(keyNote, keys.noteProperty());
        var cannotWrite = keys.passphraseValid().not().or(saving).or(keys.sessionKeyGoneProperty());
        addPassphraseButton.disableProperty().bind(cannotWrite);
        changePassphraseButton
                .disableProperty()
                .bind(cannotWrite.or(keys.unlockedWithPassphraseProperty().not()));
        result(keys.state(), keysProgress, keysMessage);
    }

    private static void column(TableColumn<KeySlotItem, String> column, Function<KeySlotItem, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** Scrolls the page so that the control the keyboard moved to is in view. */
    private void followFocus() {
        ChangeListener<Node> onFocus = (o, was, now) -> {
            if (now != null && isOnPage(now)) {
                scrollTo(now);
            }
        };
        page.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(onFocus);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(onFocus);
            }
        });
    }

    private boolean isOnPage(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == page.getContent()) {
                return true;
            }
        }
        return false;
    }

    private void scrollTo(Node node) {
        Node content = page.getContent();
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewHeight = page.getViewportBounds().getHeight();
        double scrollable = contentHeight - viewHeight;
        if (b == null || scrollable <= 0) {
            return;
        }
        double top = page.getVvalue() * scrollable;
        double margin = 24;
        if (b.getMinY() - margin < top) {
            page.setVvalue(Math.max(0, (b.getMinY() - margin) / scrollable));
        } else if (b.getMaxY() + margin > top + viewHeight) {
            page.setVvalue(Math.min(1, (b.getMaxY() + margin - viewHeight) / scrollable));
        }
    }

    /** A read-only value with its label, both hidden while the value is empty (off Walrus). */
    private static void value(TextField field, Label label, ObservableStringValue text) {
        field.textProperty().bind(text);
        var has = Bindings.isNotEmpty(text);
        show(field, has);
        show(label, has);
    }

    private static void showIfText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        show(label, Bindings.isNotEmpty(text));
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A section's progress while it saves, and its result line, red when it says what went wrong. */
    private static void result(SaveState state, ProgressIndicator progress, Label message) {
        show(progress, state.savingProperty());
        message.textProperty().bind(state.messageProperty());
        state.errorProperty().addListener((o, was, now) -> MessageStyle.apply(message, now));
        MessageStyle.apply(message, state.errorProperty().get());
    }

    @FXML
    private void saveBackup() {
        viewModel.saveBackupSettings();
    }

    @FXML
    private void saveRenewal() {
        viewModel.saveRenewal();
    }

    @FXML
    private void saveDesktop() {
        viewModel.saveDesktop();
    }

    @FXML
    private void retry() {
        viewModel.retryStore();
    }

    @FXML
    private void requestKeyRemoval() {
        viewModel.keys().requestRemoval(keySlotTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void confirmKeyRemoval() {
        viewModel.keys().confirmRemoval();
    }

    @FXML
    private void cancelKeyRemoval() {
        viewModel.keys().cancelRemoval();
    }

    @FXML
    private void changePassphrase() {
        viewModel.keys().changePassphrase();
    }

    @FXML
    private void addPassphrase() {
        viewModel.keys().addPassphrase();
    }
}
