package dev.walrussync.ui.settings;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.ui.controls.Passphrases;
import dev.walrussync.ui.main.SyncMonitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Keys section of the settings: the repository's key slots (each passphrase, and the recovery phrase), changing the
 * passphrase that unlocked this session, adding another, and removing a slot after a confirmation.
 *
 * <p>Key slots belong to the repository, not to this computer: they are kept in its key blob in the store, so a
 * passphrase added here also opens the backup on every other computer, and one removed here opens it nowhere. Each
 * change writes a new key blob (Argon2 takes a moment; on Walrus, storing the blob takes seconds), through {@link
 * SyncMonitor#callBetweenBackups}, so it waits for a backup under way; {@link #state()} says it runs, and what came of
 * it.
 *
 * <p>The engine adds and changes slots with the passphrase the session was unlocked with (after a change, the new
 * one). Once that slot is removed, nothing in the session opens the backup any more, so adding or changing another
 * passphrase is refused with a note to unlock again; removing (which needs no passphrase) still works.
 */
public final class KeysViewModel {
    /** How long a key change may wait for a backup under way, and for the key blob to be stored. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    static final String UNLOCK_AGAIN = "To add or change a passphrase again, quit Walrus Sync and unlock it with"
            + " another passphrase: the one this session was unlocked with was removed and no longer opens the backup.";
    static final String UNLOCKED_WITH_PHRASE = "This session was unlocked with the recovery phrase, so there is no"
            + " passphrase in use to change: add one instead.";

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final SyncMonitor monitor;
    private final ZoneId zone;
    private final ObservableList<KeySlotItem> slots = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final StringProperty newPassphrase = new SimpleStringProperty("");
    private final StringProperty newPassphraseAgain = new SimpleStringProperty("");
    private final StringBinding problem;
    private final ReadOnlyBooleanWrapper unlockedWithPassphrase = new ReadOnlyBooleanWrapper(false);
    /**
     * Shows the recovery phrase again, numbered six to a line, as onboarding showed it; the session was unlocked with
     * a passphrase (or the phrase itself), so nothing more is asked.
     */
    public void showRecoveryPhrase() {
        if (state.savingProperty().get()) {
            return;
        }
        state.start("Opening the recovery phrase…");
        monitor.callBetweenBackups(
                TIMEOUT,
                session -> numbered(session.recoveryPhrase()),
                words -> {
                    shownPhrase.set(words);
                    state.done("Write the 24 words on paper, in order, and hide them again when you are done.");
                },
                why -> state.fail("Cannot show the recovery phrase: " + why));
    }

    /** Hides the recovery phrase shown by {@link #showRecoveryPhrase()}. */
    public void hideRecoveryPhrase() {
        shownPhrase.set("");
    }

    /** The recovery phrase while it is shown, else empty. */
    public ReadOnlyStringProperty shownPhraseProperty() {
        return shownPhrase.getReadOnlyProperty();
    }

    /**
     * Saves the printable recovery kit (the phrase, the wallet's address and key, the network, and how to recover) to
     * {@code file}, as an HTML page to open in a browser and print.
     */
    public void saveRecoveryKit(Path file) {
        if (state.savingProperty().get()) {
            return;
        }
        state.start("Saving the recovery kit…");
        monitor.callBetweenBackups(
                TIMEOUT,
                session -> {
                    String html = session.recoveryKit(true);
                    try {
                        Files.writeString(file, html, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
                    }
                    return file;
                },
                saved -> state.done("Saved to " + saved + ". Open it in a browser and print it. It holds the recovery"
                        + " phrase and the wallet key: keep the paper as safe as the words, and delete the file."),
                why -> state.fail("The recovery kit was not saved: " + why));
    }

    /** The words numbered six to a line: {@code " 1. word   2. word …"}. */
    static String numbered(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            b.append(String.format(Locale.ROOT, "%2d. %-10s", i + 1, words.get(i)));
            if (i % 6 == 5 || i == words.size() - 1) {
                b.setLength(
                        b.length() - (b.length() - b.toString().stripTrailing().length()));
                b.append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    private final ReadOnlyStringWrapper shownPhrase = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sessionKeyGone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable KeySlotItem> pendingRemoval = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper removalText = new ReadOnlyStringWrapper("");
    private final SaveState state = new SaveState();
    private @Nullable String currentSlot;

    public KeysViewModel(SyncMonitor monitor, ZoneId zone) {
        this.monitor = monitor;
        this.zone = zone;
        problem = Bindings.createStringBinding(
                () -> Passphrases.problem(newPassphrase.get(), newPassphraseAgain.get()),
                newPassphrase,
                newPassphraseAgain);
    }

    /** Reads the key slots (between backups). */
    public void load() {
        monitor.callBetweenBackups(
                TIMEOUT, session -> session.keySlots(), this::show, why -> state.fail("Cannot read the keys: " + why));
    }

    private void show(List<KeySlotInfo> infos) {
        String current = null;
        for (KeySlotInfo k : infos) {
            if (k.current()) {
                current = k.id();
            }
        }
        if (current != null) {
            currentSlot = current;
            unlockedWithPassphrase.set(
                    infos.stream().anyMatch(k -> k.current() && KeySlotKinds.PASSPHRASE.equals(k.kind())));
        }
        slots.setAll(infos.stream().map(this::item).toList());
        loaded.set(true);
        updateNote();
    }

    private KeySlotItem item(KeySlotInfo k) {
        boolean pass = KeySlotKinds.PASSPHRASE.equals(k.kind());
        String kind =
                pass ? "Passphrase" : KeySlotKinds.RECOVERY_PHRASE.equals(k.kind()) ? "Recovery phrase" : k.kind();
        return new KeySlotItem(
                k.id(), kind, ADDED.format(k.created().atZone(zone)), k.current() ? "Unlocked this session" : "", pass);
    }

    private void updateNote() {
        if (sessionKeyGone.get()) {
            note.set(UNLOCK_AGAIN);
        } else if (loaded.get() && !unlockedWithPassphrase.get()) {
            note.set(UNLOCKED_WITH_PHRASE);
        } else {
            note.set("");
        }
    }

    /** Replaces the passphrase that unlocked this session with the one typed twice. */
    public void changePassphrase() {
        if (!ready()) {
            return;
        }
        if (!unlockedWithPassphrase.get()) {
            state.fail(UNLOCKED_WITH_PHRASE);
            return;
        }
        writePassphrase(
                "Changing the passphrase…",
                RepositorySession::changePassphrase,
                "Changed. The new passphrase unlocks the backup here and on your other computers; the old one no"
                        + " longer does.",
                "Not changed: ");
    }

    /** Adds the passphrase typed twice as another key slot; the others stay. */
    public void addPassphrase() {
        if (!ready()) {
            return;
        }
        writePassphrase(
                "Adding the passphrase…",
                RepositorySession::addPassphrase,
                "Added. The new passphrase unlocks the backup here and on your other computers, as the others still"
                        + " do.",
                "Not added: ");
    }

    /** A key change that takes the passphrase typed twice. */
    @FunctionalInterface
    private interface PassphraseWrite {
        String apply(RepositorySession session, char[] passphrase) throws SyncException;
    }

    /** Writes the passphrase typed twice with {@code write} between backups, then shows the slots and the outcome. */
    private void writePassphrase(String busy, PassphraseWrite write, String done, String failedPrefix) {
        char[] pass = newPassphrase.get().toCharArray();
        state.start(busy);
        monitor.callBetweenBackups(
                TIMEOUT,
                session -> {
                    try {
                        write.apply(session, pass);
                    } finally {
                        Arrays.fill(pass, '\0');
                    }
                    return session.keySlots();
                },
                infos -> {
                    clearForm();
                    show(infos);
                    state.done(done);
                },
                why -> state.fail(failedPrefix + why));
    }

    /** Whether a new passphrase can be written now; says why not otherwise. */
    private boolean ready() {
        if (state.savingProperty().get()) {
            return false;
        }
        if (sessionKeyGone.get()) {
            state.fail(UNLOCK_AGAIN);
            return false;
        }
        String p = problem.get();
        if (!p.isEmpty()) {
            state.fail(p);
            return false;
        }
        return true;
    }

    private void clearForm() {
        newPassphrase.set("");
        newPassphraseAgain.set("");
    }

    /** Asks to confirm removing {@code slot}; nothing changes until {@link #confirmRemoval()}. */
    public void requestRemoval(@Nullable KeySlotItem slot) {
        if (slot == null || state.savingProperty().get()) {
            return;
        }
        pendingRemoval.set(slot);
        removalText.set(removalWarning(slot, slot.id().equals(currentSlot)));
        state.note("");
    }

    static String removalWarning(KeySlotItem slot, boolean current) {
        if (!slot.passphrase()) {
            return "Remove the recovery phrase (key " + slot.id() + ")? The 24 words will no longer open this backup,"
                    + " on any computer: if you forget every passphrase, nothing can open it. Remove it only if the"
                    + " paper may have been seen by someone else, and add a new passphrase you will remember first.";
        }
        return "Remove the passphrase added on " + slot.added() + " (key " + slot.id() + ")? It will no longer open"
                + " this backup, here or on any other computer."
                + (current
                        ? " It is the passphrase this session was unlocked with: next time, unlock with another."
                        : "");
    }

    /** Removes the slot waiting for confirmation; the engine refuses to remove the last one, and says so. */
    public void confirmRemoval() {
        KeySlotItem slot = pendingRemoval.get();
        if (slot == null || state.savingProperty().get()) {
            return;
        }
        boolean current = slot.id().equals(currentSlot);
        state.start("Removing the key…");
        monitor.callBetweenBackups(
                TIMEOUT,
                session -> {
                    session.removeKeySlot(slot.id());
                    return session.keySlots();
                },
                infos -> {
                    pendingRemoval.set(null);
                    removalText.set("");
                    if (current) {
                        sessionKeyGone.set(true);
                    }
                    show(infos);
                    state.done("Removed. " + slot.kind() + " " + slot.id() + " no longer opens the backup.");
                },
                why -> {
                    pendingRemoval.set(null);
                    removalText.set("");
                    state.fail("Not removed: " + why);
                });
    }

    /** Keeps the slot. */
    public void cancelRemoval() {
        if (pendingRemoval.get() != null && !state.savingProperty().get()) {
            pendingRemoval.set(null);
            removalText.set("");
            state.note("Nothing was removed.");
        }
    }

    // ---- properties ----

    /** The key slots, in the key file's order. */
    public ObservableList<KeySlotItem> slots() {
        return slots;
    }

    /** Whether the slots were read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The new passphrase; cleared once written. */
    public StringProperty newPassphraseProperty() {
        return newPassphrase;
    }

    /** The new passphrase again. */
    public StringProperty newPassphraseAgainProperty() {
        return newPassphraseAgain;
    }

    /** What is wrong with the new passphrase, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** Whether the new passphrase can be used: long enough, typed twice the same. */
    public BooleanBinding passphraseValid() {
        return problem.isEmpty();
    }

    /** Whether this session was unlocked with a passphrase, which can then be changed. */
    public ReadOnlyBooleanProperty unlockedWithPassphraseProperty() {
        return unlockedWithPassphrase.getReadOnlyProperty();
    }

    /** Whether the passphrase that unlocked this session no longer opens the backup (changed or removed here). */
    public ReadOnlyBooleanProperty sessionKeyGoneProperty() {
        return sessionKeyGone.getReadOnlyProperty();
    }

    /** Why a button is off, or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The slot waiting for the user to confirm its removal, or null. */
    public ReadOnlyObjectProperty<@Nullable KeySlotItem> pendingRemovalProperty() {
        return pendingRemoval.getReadOnlyProperty();
    }

    /** What removing the pending slot does, in words. */
    public ReadOnlyStringProperty removalTextProperty() {
        return removalText.getReadOnlyProperty();
    }

    /** Whether a key change runs, and the line that confirms it or says why it failed. */
    public SaveState state() {
        return state;
    }

    /** The kinds {@link KeySlotInfo#kind()} names. */
    static final class KeySlotKinds {
        static final String PASSPHRASE = "passphrase";
        static final String RECOVERY_PHRASE = "recovery-phrase";

        private KeySlotKinds() {}
    }
}
