package dev.walrussync.ui.onboarding;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.session.RunningSync;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The first run: choose the network, set the passphrase, write down the recovery phrase (shown once, then three of its
 * words are asked back), and pick the folders to protect. The repository is created and unlocked, and its sync service
 * started, as soon as the passphrase is set; the folders are then added to the running service.
 */
public final class OnboardingViewModel {
    /** The wizard's pages, in order. */
    public enum Step {
        WELCOME,
        NETWORK,
        PASSPHRASE,
        RECOVERY,
        CONFIRM,
        FOLDERS
    }

    /** The shortest passphrase accepted. */
    public static final int MIN_PASSPHRASE = 10;
    /** How many words of the recovery phrase are asked back. */
    public static final int WORDS_TO_CONFIRM = 3;

    private final RepositoryGateway gateway;
    private final Executor background;
    private final Executor fxExecutor;
    private final RandomGenerator random;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.WELCOME);
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(Network.LOCAL);
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseAgain = new SimpleStringProperty("");
    private final StringBinding passphraseProblem;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recoveryWords = FXCollections.observableArrayList();
    private final ObservableList<Integer> confirmIndices = FXCollections.observableArrayList();
    private final List<StringProperty> confirmAnswers =
            List.of(new SimpleStringProperty(""), new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final ObservableList<String> folders = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper walletAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable RunningSync> finished = new ReadOnlyObjectWrapper<>();
    private @Nullable RunningSync running;

    /**
     * @param background runs the engine calls (creating a repository takes a few seconds)
     * @param random picks the recovery words to ask back
     */
    public OnboardingViewModel(
            RepositoryGateway gateway, Executor background, Executor fxExecutor, RandomGenerator random) {
        this.gateway = gateway;
        this.background = background;
        this.fxExecutor = fxExecutor;
        this.random = random;
        passphraseProblem = Bindings.createStringBinding(
                () -> problem(passphrase.get(), passphraseAgain.get()), passphrase, passphraseAgain);
    }

    static String problem(String pass, String again) {
        if (pass.length() < MIN_PASSPHRASE) {
            return "Use at least " + MIN_PASSPHRASE + " characters; a few unusual words work well.";
        }
        if (!pass.equals(again)) {
            return "The two passphrases differ.";
        }
        return "";
    }

    /** From the welcome page: create a new repository. */
    public void startCreate() {
        go(Step.NETWORK);
    }

    /** From the network page to the passphrase. */
    public void networkChosen() {
        go(Step.PASSPHRASE);
    }

    /** One page back, where that makes sense (not once the repository exists). */
    public void back() {
        switch (step.get()) {
            case NETWORK -> go(Step.WELCOME);
            case PASSPHRASE -> go(Step.NETWORK);
            case CONFIRM -> go(Step.RECOVERY);
            default -> {}
        }
    }

    /** Whether the passphrase can be used: long enough, typed twice the same. */
    public BooleanBinding passphraseValid() {
        return passphraseProblem.isEmpty();
    }

    /** Creates the repository on the chosen network, unlocks it and starts syncing; then shows the recovery phrase. */
    public void createRepository() {
        if (!passphraseProblem.get().isEmpty() || busy.get()) {
            return;
        }
        char[] pass = passphrase.get().toCharArray();
        Network net = network.get();
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                Repositories.Created created = gateway.create(net, pass);
                RunningSync r = gateway.unlock(pass);
                fxExecutor.execute(() -> {
                    running = r;
                    passphrase.set("");
                    passphraseAgain.set("");
                    recoveryWords.setAll(created.recoveryWords());
                    walletAddress.set(created.walletAddress() == null ? "" : created.walletAddress());
                    pickWordsToConfirm();
                    busy.set(false);
                    go(Step.RECOVERY);
                });
            } catch (SyncException | RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                fxExecutor.execute(() -> {
                    busy.set(false);
                    error.set("The repository could not be created: " + m);
                });
            } finally {
                Arrays.fill(pass, '\0');
            }
        });
    }

    private void pickWordsToConfirm() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < recoveryWords.size(); i++) {
            all.add(i);
        }
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < WORDS_TO_CONFIRM && !all.isEmpty(); i++) {
            picked.add(all.remove(random.nextInt(all.size())));
        }
        picked.sort(null);
        confirmIndices.setAll(picked);
        confirmAnswers.forEach(a -> a.set(""));
    }

    /** The user wrote the phrase down: ask for some of its words. */
    public void recoveryWritten() {
        go(Step.CONFIRM);
    }

    /** Checks the words typed back; on success the phrase is forgotten and the folders page follows. */
    public boolean confirmWords() {
        for (int i = 0; i < confirmIndices.size(); i++) {
            String typed = confirmAnswers.get(i).get().strip().toLowerCase(Locale.ROOT);
            if (!typed.equals(recoveryWords.get(confirmIndices.get(i)))) {
                error.set("Word " + (confirmIndices.get(i) + 1) + " does not match. Check what you wrote down.");
                return false;
            }
        }
        recoveryWords.clear();
        go(Step.FOLDERS);
        return true;
    }

    /** Protects {@code folder}: the sync service watches it and backs it up at once. */
    public void addFolder(Path folder) {
        RunningSync r = running;
        if (r == null) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            String failure = null;
            try {
                r.sync().addFolder(new WatchedFolder(folder, List.of()));
            } catch (SyncException | RuntimeException e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String f = failure;
            fxExecutor.execute(() -> {
                busy.set(false);
                if (f == null) {
                    error.set("");
                    folders.add(folder.toAbsolutePath().normalize().toString());
                } else {
                    error.set(f);
                }
            });
        });
    }

    /** Leaves onboarding for the main window, with the running repository. */
    public void finish() {
        if (running != null) {
            finished.set(running);
        }
    }

    private void go(Step next) {
        error.set("");
        step.set(next);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseAgainProperty() {
        return passphraseAgain;
    }

    /** What is wrong with the passphrase, or empty. */
    public StringBinding passphraseProblemProperty() {
        return passphraseProblem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The 24 words, until they are confirmed. */
    public ObservableList<String> recoveryWords() {
        return recoveryWords;
    }

    /** The positions (0-based) of the words asked back. */
    public ObservableList<Integer> confirmIndices() {
        return confirmIndices;
    }

    /** What the user typed for each asked word. */
    public List<StringProperty> confirmAnswers() {
        return confirmAnswers;
    }

    /** The folders added so far. */
    public ObservableList<String> folders() {
        return folders;
    }

    public ReadOnlyStringProperty walletAddressProperty() {
        return walletAddress.getReadOnlyProperty();
    }

    /** Set once onboarding is done: the repository, unlocked and syncing. */
    public ReadOnlyObjectProperty<@Nullable RunningSync> finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
