package dev.walrussync.ui.onboarding;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.repo.NoRepositoryException;
import dev.walrussync.engine.repo.WrongCredentialException;
import dev.walrussync.ui.controls.Passphrases;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.session.RunningSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The first run, on one of two paths chosen on the welcome page.
 *
 * <p><b>A new backup:</b> choose the network, set the passphrase, write down the recovery phrase (shown once, then
 * three of its words are asked back), and pick the folders to protect. The repository is created and unlocked, and its
 * sync service started, as soon as the passphrase is set; the folders are then added to the running service.
 *
 * <p><b>Restore from another machine:</b> choose the network on the same page (or, on this path only, a folder that
 * holds the backup), then give the wallet key (not for a folder) and the recovery phrase or a passphrase. The
 * repository is recovered on the background executor, its index rebuilt step by step ({@link RecoverySteps}), and
 * its sync service started; a summary names what cannot be recovered. Whoever used the recovery phrase is asked to
 * add a passphrase, which the unlock page asks for from then on. On failure the input stays as typed, the field at
 * fault is named, and nothing stays in the app home, so trying again is one click.
 */
public final class OnboardingViewModel {
    /** The wizard's pages: the new backup's, then the restore path's. */
    public enum Step {
        WELCOME,
        NETWORK,
        PASSPHRASE,
        RECOVERY,
        CONFIRM,
        FOLDERS,
        /** Restore: the wallet key and the recovery phrase or a passphrase. */
        RESTORE_KEYS,
        /** Restore: the index is rebuilt, step by step. */
        RESTORE_PROGRESS,
        /** Restore: what was recovered, and what cannot be. */
        RESTORE_SUMMARY,
        /** Restore, with the recovery phrase: a passphrase for daily unlocking. */
        RESTORE_PASSPHRASE
    }

    /** What opens the backup on the restore path. */
    public enum Credential {
        RECOVERY_PHRASE,
        PASSPHRASE
    }

    /** The input a restore problem is about, so that the page can point at it. */
    public enum Field {
        NONE,
        FOLDER,
        WALLET_KEY,
        RECOVERY_PHRASE,
        PASSPHRASE
    }

    /** The shortest passphrase accepted. */
    public static final int MIN_PASSPHRASE = Passphrases.MIN_LENGTH;
    /** How many words a recovery phrase has. */
    public static final int PHRASE_WORDS = 24;
    /** How long adding a passphrase may wait for the sync service (it backs up nothing yet, so it never waits). */
    static final Duration KEY_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
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

    // ---- the restore path ----
    private final ReadOnlyBooleanWrapper restoring = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty fromFolder = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<@Nullable Path> storeFolder = new ReadOnlyObjectWrapper<>();
    private final StringProperty walletKey = new SimpleStringProperty("");
    private final ObjectProperty<Credential> credential = new SimpleObjectProperty<>(Credential.RECOVERY_PHRASE);
    private final StringProperty phrase = new SimpleStringProperty("");
    private final StringBinding phraseCount;
    private final StringProperty existingPassphrase = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Field> problemField = new ReadOnlyObjectWrapper<>(Field.NONE);
    private final ObservableList<RecoverySteps.Step> steps = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper stepProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> unrecoverable = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper usedPhrase = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper recovered = new ReadOnlyBooleanWrapper(false);

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
                () -> Passphrases.problem(passphrase.get(), passphraseAgain.get()), passphrase, passphraseAgain);
        phraseCount = Bindings.createStringBinding(() -> phraseCountText(words(phrase.get())), phrase);
        showSteps(RecoverySteps.notStarted());
    }

    /** From the welcome page: create a new repository. */
    public void startCreate() {
        restoring.set(false);
        go(Step.NETWORK);
    }

    /** From the welcome page: set up here a repository made on another machine. */
    public void startRestore() {
        restoring.set(true);
        go(Step.NETWORK);
    }

    /** From the network page to the passphrase, or on the restore path to the keys. */
    public void networkChosen() {
        if (!restoring.get()) {
            go(Step.PASSPHRASE);
        } else if (fromFolder.get() && storeFolder.get() == null) {
            problem(Field.FOLDER, "Choose the folder that holds the backup.");
        } else {
            go(Step.RESTORE_KEYS);
        }
    }

    /** The restore path's folder: the backup is in {@code folder} (a directory store), not on a network. */
    public void folderChosen(Path folder) {
        storeFolder.set(folder.toAbsolutePath().normalize());
        fromFolder.set(true);
        if (problemField.get() == Field.FOLDER) {
            go(step.get());
        }
    }

    /** One page back, where that makes sense (not once the repository exists). */
    public void back() {
        switch (step.get()) {
            case NETWORK -> go(Step.WELCOME);
            case PASSPHRASE, RESTORE_KEYS -> go(Step.NETWORK);
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

    // =====================================================================================================
    // Restore from another machine

    /** The words of a typed recovery phrase. */
    static List<String> words(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : List.of(WHITESPACE.split(t));
    }

    /** The count under the phrase's text area: how many of the 24 words are there. */
    static String phraseCountText(List<String> words) {
        int n = words.size();
        return n == PHRASE_WORDS ? PHRASE_WORDS + " words" : n + " of " + PHRASE_WORDS + " words";
    }

    /** What is wrong with the number of words of a recovery phrase, or empty. */
    static String wordCountProblem(List<String> words) {
        int n = words.size();
        if (n == 0) {
            return "Type the " + PHRASE_WORDS + " words of your recovery phrase, in order.";
        }
        if (n < PHRASE_WORDS) {
            return "The recovery phrase has " + PHRASE_WORDS + " words, and " + (n == 1 ? "1 is" : n + " are")
                    + " typed: " + (PHRASE_WORDS - n) + (PHRASE_WORDS - n == 1 ? " word is" : " words are")
                    + " missing. Check your paper for a line you skipped.";
        }
        if (n > PHRASE_WORDS) {
            return "The recovery phrase has " + PHRASE_WORDS + " words, and " + n + " are typed: "
                    + (n - PHRASE_WORDS) + (n - PHRASE_WORDS == 1 ? " word is" : " words are")
                    + " too many. Check for a word typed twice, or numbers or other text between the words.";
        }
        return "";
    }

    /**
     * Checks the restore path's input and, if it is complete, recovers the repository in the background while the
     * progress page shows its steps. Problems found before anything runs (a missing wallet key, a phrase without 24
     * words) are named at once, with the field they are about.
     */
    public void startRecovery() {
        if (busy.get() || !restoring.get()) {
            return;
        }
        RecoverySource from;
        Path folder = storeFolder.get();
        if (fromFolder.get()) {
            if (folder == null) {
                problem(Field.FOLDER, "Choose the folder that holds the backup: press Back.");
                return;
            }
            from = new RecoverySource.InFolder(folder);
        } else {
            String key = walletKey.get().strip();
            if (key.isEmpty()) {
                problem(
                        Field.WALLET_KEY,
                        "Enter the wallet key: the Sui private key (suiprivkey1…) of the wallet that owns the"
                                + " backup. Walrus Sync finds the backup among that wallet's blobs.");
                return;
            }
            try {
                Repositories.walletAddressOf(key);
            } catch (SyncException e) {
                problem(Field.WALLET_KEY, "This wallet key is not a Sui private key: " + message(e) + ".");
                return;
            }
            from = new RecoverySource.OnWalrus(network.get(), key);
        }
        boolean withPhrase = credential.get() == Credential.RECOVERY_PHRASE;
        String words = null;
        char[] pass = null;
        if (withPhrase) {
            List<String> w = words(phrase.get());
            String p = wordCountProblem(w);
            if (!p.isEmpty()) {
                problem(Field.RECOVERY_PHRASE, p);
                return;
            }
            words = String.join(" ", w);
        } else {
            if (existingPassphrase.get().isEmpty()) {
                problem(
                        Field.PASSPHRASE,
                        "Enter a passphrase of the backup: one you unlock it with on the other" + " computer.");
                return;
            }
            pass = existingPassphrase.get().toCharArray();
        }
        String phraseText = words;
        char[] passphraseChars = pass;
        busy.set(true);
        go(Step.RESTORE_PROGRESS);
        RecoverySteps progress = new RecoverySteps(fxExecutor, this::showSteps);
        showSteps(progress.progress());
        background.execute(() -> {
            try {
                RepositoryGateway.Recovered r = gateway.recover(from, phraseText, passphraseChars, progress);
                progress.finish();
                fxExecutor.execute(() -> recovered(r, withPhrase));
            } catch (SyncException | RuntimeException e) {
                Field field = fieldAtFault(e, from, withPhrase);
                String why = failure(e, field, from, withPhrase);
                fxExecutor.execute(() -> {
                    busy.set(false);
                    go(Step.RESTORE_KEYS);
                    problem(field, why);
                });
            } finally {
                if (passphraseChars != null) {
                    Arrays.fill(passphraseChars, '\0');
                }
            }
        });
    }

    private void showSteps(RecoverySteps.Progress p) {
        steps.setAll(p.steps());
        stepProgress.set(p.fraction());
    }

    /** Which input a failed recovery is about. */
    static Field fieldAtFault(Exception e, RecoverySource from, boolean withPhrase) {
        if (e instanceof NoRepositoryException) {
            return from instanceof RecoverySource.InFolder ? Field.FOLDER : Field.WALLET_KEY;
        }
        if (e instanceof WrongCredentialException
                // The engine reads the phrase before anything else and wraps what is wrong with it (a word not in
                // the word list, a checksum that does not match) as the cause of its exception.
                || (withPhrase && e instanceof SyncException && e.getCause() instanceof IllegalArgumentException)) {
            return withPhrase ? Field.RECOVERY_PHRASE : Field.PASSPHRASE;
        }
        return Field.NONE;
    }

    /** Why a recovery failed, in the user's words first and then the engine's. */
    static String failure(Exception e, Field field, RecoverySource from, boolean withPhrase) {
        String detail = sentence(message(e));
        return switch (field) {
            case FOLDER -> "No backup was found in this folder. " + detail + " Press Back to choose another folder.";
            case WALLET_KEY ->
                "No backup was found for this wallet on "
                        + networkName(((RecoverySource.OnWalrus) from).network()) + ". " + detail
                        + " Press Back to choose another network.";
            case RECOVERY_PHRASE ->
                e instanceof WrongCredentialException
                        ? "These 24 words do not open the backup. " + detail
                        : "The recovery phrase is not right: " + detail;
            case PASSPHRASE -> "This passphrase does not open the backup. " + detail;
            case NONE ->
                "The backup could not be restored: " + detail + " Nothing was set up on this computer; check the"
                        + (from instanceof RecoverySource.InFolder ? " folder" : " connection to the network")
                        + " and try again.";
        };
    }

    private static String networkName(Network n) {
        return switch (n) {
            case LOCAL -> "the local network";
            case TESTNET -> "Walrus testnet";
            case MAINNET -> "Walrus mainnet";
        };
    }

    /** The engine's message as a sentence: capitalised, with a full stop. */
    private static String sentence(String m) {
        String t = m.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    private void recovered(RepositoryGateway.Recovered r, boolean withPhrase) {
        running = r.running();
        busy.set(false);
        walletKey.set("");
        phrase.set("");
        existingPassphrase.set("");
        usedPhrase.set(withPhrase);
        RebuildReport report = r.report();
        complete.set(report.complete());
        summary.set(summaryText(r));
        unrecoverable.setAll(unrecoverableLines(report));
        walletAddress.set(r.walletAddress() == null ? "" : r.walletAddress());
        go(Step.RESTORE_SUMMARY);
    }

    /** What was recovered: the backup and its snapshots, its wallet on Walrus, and whether all of it restores. */
    static String summaryText(RepositoryGateway.Recovered r) {
        RebuildReport report = r.report();
        int n = report.snapshots();
        StringBuilder b = new StringBuilder();
        b.append("Backup ")
                .append(r.repositoryId(), 0, Math.min(8, r.repositoryId().length()))
                .append(" is set up on this computer, with ")
                .append(n == 0 ? "no snapshots yet" : n == 1 ? "1 snapshot" : n + " snapshots")
                .append(".\n");
        if (r.walletAddress() != null) {
            b.append("Its wallet: ").append(r.walletAddress()).append("\n");
        }
        b.append(
                report.complete()
                        ? "Everything it holds can be restored."
                        : "Most of it can be restored; what cannot is listed below.");
        return b.toString();
    }

    /** One line for each blob that cannot be read and each thing that cannot be restored. */
    static List<String> unrecoverableLines(RebuildReport report) {
        List<String> lines = new ArrayList<>();
        for (RebuildReport.UnreadableBlob u : report.unreadableBlobs()) {
            lines.add("Blob " + u.blobId() + (u.objectId().isEmpty() ? "" : " (object " + u.objectId() + ")") + ": "
                    + u.reason() + "; it held " + u.what() + ".");
        }
        for (RebuildReport.LostData l : report.lost()) {
            lines.add("Snapshot " + l.snapshot() + ": " + l.path()
                    + (l.kind() == RebuildReport.LostData.Kind.FOLDER
                            ? " (the whole folder: nothing in it can be listed)"
                            : " (part of the file's content)"));
        }
        return lines;
    }

    /** From the summary: a passphrase for whoever used the recovery phrase, else the main window. */
    public void summaryRead() {
        if (usedPhrase.get()) {
            passphrase.set("");
            passphraseAgain.set("");
            go(Step.RESTORE_PASSPHRASE);
        } else {
            finishRecovery();
        }
    }

    /**
     * Adds the passphrase typed twice to the repository's keys (a key slot, stored with the repository, so it opens
     * the backup on every computer), then opens the main window.
     */
    public void addPassphrase() {
        RunningSync r = running;
        if (r == null || busy.get() || !passphraseProblem.get().isEmpty()) {
            return;
        }
        char[] pass = passphrase.get().toCharArray();
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                r.sync().callBetweenBackups(session -> session.addPassphrase(pass), KEY_TIMEOUT);
                fxExecutor.execute(() -> {
                    busy.set(false);
                    passphrase.set("");
                    passphraseAgain.set("");
                    finishRecovery();
                });
            } catch (SyncException | RuntimeException e) {
                String m = message(e);
                fxExecutor.execute(() -> {
                    busy.set(false);
                    error.set("The passphrase could not be added: " + m);
                });
            } finally {
                Arrays.fill(pass, '\0');
            }
        });
    }

    /** Leaves the restore path without adding a passphrase: the user knows one already. */
    public void skipPassphrase() {
        if (!busy.get()) {
            finishRecovery();
        }
    }

    private void finishRecovery() {
        recovered.set(true);
        finish();
    }

    private void problem(Field field, String why) {
        problemField.set(field);
        error.set(why);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void go(Step next) {
        error.set("");
        problemField.set(Field.NONE);
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

    /** Whether the welcome page chose to restore from another machine. */
    public ReadOnlyBooleanProperty restoringProperty() {
        return restoring.getReadOnlyProperty();
    }

    /** Restore path: whether the backup is in a folder rather than on a Walrus network. */
    public BooleanProperty fromFolderProperty() {
        return fromFolder;
    }

    /** Restore path: the folder that holds the backup, once chosen. */
    public ReadOnlyObjectProperty<@Nullable Path> storeFolderProperty() {
        return storeFolder.getReadOnlyProperty();
    }

    /** Restore path: the wallet's {@code suiprivkey1…} key, bound to a masked field; cleared once recovered. */
    public StringProperty walletKeyProperty() {
        return walletKey;
    }

    /** Restore path: the recovery phrase or a passphrase. */
    public ObjectProperty<Credential> credentialProperty() {
        return credential;
    }

    /** Restore path: the 24 words as typed; cleared once recovered. */
    public StringProperty recoveryPhraseProperty() {
        return phrase;
    }

    /** How many of the 24 words are typed. */
    public StringBinding recoveryPhraseCountProperty() {
        return phraseCount;
    }

    /** Restore path: a passphrase the backup already has; cleared once recovered. */
    public StringProperty existingPassphraseProperty() {
        return existingPassphrase;
    }

    /** The input the error is about, or {@link Field#NONE}. */
    public ReadOnlyObjectProperty<Field> problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    /** The index rebuild's four steps. */
    public ObservableList<RecoverySteps.Step> recoverySteps() {
        return steps;
    }

    /** The running step's progress from 0 to 1, or -1 while not known. */
    public ReadOnlyDoubleProperty recoveryProgressProperty() {
        return stepProgress.getReadOnlyProperty();
    }

    /** Whether everything the recovered repository's snapshots name was found. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** What was recovered, in a few sentences. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What cannot be recovered, a line each; empty when everything was. */
    public ObservableList<String> unrecoverable() {
        return unrecoverable;
    }

    /** Whether the recovery used the recovery phrase (then a passphrase is asked for). */
    public ReadOnlyBooleanProperty usedRecoveryPhraseProperty() {
        return usedPhrase.getReadOnlyProperty();
    }

    /** Set with {@link #finishedProperty()} when onboarding ended on the restore path. */
    public ReadOnlyBooleanProperty recoveredProperty() {
        return recovered.getReadOnlyProperty();
    }
}
