package dev.walrussync.ui.settings;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keys section on a real repository with its sync service running: the slots listed, a passphrase added and
 * changed (each then unlocks the repository), a slot removed after a confirmation, and the engine's refusals shown.
 */
class KeysViewModelTest {
    private static final String NEW = "a brand new passphrase";

    @TempDir
    Path dir;

    TestGateway gateway;
    Repositories.Created created;
    RunningSync running;
    SyncMonitor monitor;
    KeysViewModel keys;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        created = gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        open(gateway.unlock(TestRepositories.PASSPHRASE.toCharArray()));
    }

    private void open(RunningSync r) {
        running = r;
        monitor = new SyncMonitor(r, DIRECT, DIRECT);
        keys = new KeysViewModel(monitor, ZoneOffset.UTC);
        keys.load();
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    private void reopenWith(String passphrase) throws Exception {
        monitor.close();
        gateway.close();
        open(gateway.unlock(passphrase.toCharArray()));
    }

    private void type(String pass, String again) {
        keys.newPassphraseProperty().set(pass);
        keys.newPassphraseAgainProperty().set(again);
    }

    @Test
    void listsThePassphraseInUseAndTheRecoveryPhrase() {
        assertThat(keys.loadedProperty().get()).isTrue();
        assertThat(keys.slots()).hasSize(2);
        KeySlotItem pass = keys.slots().get(0);
        assertThat(pass.kind()).isEqualTo("Passphrase");
        assertThat(pass.inUse()).isEqualTo("Unlocked this session");
        assertThat(pass.id()).matches("[0-9a-f]{8}");
        assertThat(pass.added()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
        assertThat(keys.slots().get(1).kind()).isEqualTo("Recovery phrase");
        assertThat(keys.slots().get(1).inUse()).isEmpty();
        assertThat(keys.unlockedWithPassphraseProperty().get()).isTrue();
        assertThat(keys.noteProperty().get()).isEmpty();
    }

    @Test
    void theRecoveryPhraseIsShownAgainAndTheKitIsSaved() throws Exception {
        keys.showRecoveryPhrase();
        String shown = keys.shownPhraseProperty().get();
        assertThat(shown.lines()).hasSize(4);
        for (int i = 0; i < 24; i++) {
            assertThat(shown).contains((i + 1) + ". " + created.recoveryWords().get(i));
        }
        keys.hideRecoveryPhrase();
        assertThat(keys.shownPhraseProperty().get()).isEmpty();

        Path kit = dir.resolve("kit.html");
        keys.saveRecoveryKit(kit);
        assertThat(keys.state().messageProperty().get()).startsWith("Saved to " + kit);
        assertThat(kit).content().contains("<html", created.recoveryWords().get(23), created.repositoryId());
    }

    @Test
    void anAddedPassphraseUnlocksTheRepositoryBesideTheOldOne() throws Exception {
        type(NEW, NEW + " ");
        assertThat(keys.passphraseValid().get()).isFalse();
        keys.addPassphrase();
        assertThat(keys.state().errorProperty().get()).isTrue();
        assertThat(keys.state().messageProperty().get()).isEqualTo("The two passphrases differ.");

        type(NEW, NEW);
        keys.addPassphrase();
        assertThat(keys.state().messageProperty().get()).startsWith("Added.");
        assertThat(keys.state().errorProperty().get()).isFalse();
        assertThat(keys.slots())
                .extracting(KeySlotItem::kind)
                .containsExactly("Passphrase", "Recovery phrase", "Passphrase");
        assertThat(keys.newPassphraseProperty().get()).isEmpty();

        reopenWith(NEW);
        assertThat(keys.slots())
                .filteredOn(s -> !s.inUse().isEmpty())
                .singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo(keys.slots().get(2).id()));
        reopenWith(TestRepositories.PASSPHRASE);
    }

    @Test
    void changingThePassphraseReplacesTheOneInUseAndTheSessionGoesOnWithTheNewOne() throws Exception {
        type("too short", "too short");
        keys.changePassphrase();
        assertThat(keys.state().messageProperty().get()).startsWith("Use at least 10 characters");

        type(NEW, NEW);
        keys.changePassphrase();
        assertThat(keys.state().messageProperty().get()).startsWith("Changed.");
        assertThat(keys.slots())
                .extracting(KeySlotItem::kind)
                .containsExactlyInAnyOrder("Passphrase", "Recovery phrase");
        assertThat(keys.sessionKeyGoneProperty().get()).isFalse();
        type("yet another passphrase", "yet another passphrase");
        keys.addPassphrase();
        assertThat(keys.state().messageProperty().get()).doesNotContain(KeysViewModel.UNLOCK_AGAIN);
        assertThat(keys.slots()).hasSize(3);

        monitor.close();
        gateway.close();
        assertThat(catchThrowable(() -> gateway.unlock(TestRepositories.PASSPHRASE.toCharArray())))
                .hasMessageContaining("wrong passphrase");
        open(gateway.unlock(NEW.toCharArray()));
        assertThat(keys.sessionKeyGoneProperty().get()).isFalse();
    }

    @Test
    void removingASlotIsConfirmedFirstAndCanBeCancelled() throws Exception {
        type(NEW, NEW);
        keys.addPassphrase();
        KeySlotItem added = keys.slots().get(2);

        keys.requestRemoval(added);
        assertThat(keys.pendingRemovalProperty().get()).isEqualTo(added);
        assertThat(keys.removalTextProperty().get())
                .startsWith("Remove the passphrase added on " + added.added() + " (key " + added.id() + ")?")
                .doesNotContain("this session was unlocked with");
        keys.cancelRemoval();
        assertThat(keys.pendingRemovalProperty().get()).isNull();
        assertThat(keys.slots()).hasSize(3);
        assertThat(keys.state().messageProperty().get()).isEqualTo("Nothing was removed.");

        keys.requestRemoval(added);
        keys.confirmRemoval();
        assertThat(keys.state().messageProperty().get())
                .isEqualTo("Removed. Passphrase " + added.id() + " no longer opens the backup.");
        assertThat(keys.slots()).extracting(KeySlotItem::id).doesNotContain(added.id());
        assertThat(keys.sessionKeyGoneProperty().get()).isFalse();

        monitor.close();
        gateway.close();
        assertThat(catchThrowable(() -> gateway.unlock(NEW.toCharArray()))).hasMessageContaining("wrong passphrase");
        open(gateway.unlock(TestRepositories.PASSPHRASE.toCharArray()));
    }

    @Test
    void theRecoveryPhraseWarnsBeforeItIsRemovedAndTheLastSlotIsRefusedByTheEngine() {
        KeySlotItem phrase = keys.slots().get(1);
        keys.requestRemoval(phrase);
        assertThat(keys.removalTextProperty().get())
                .startsWith("Remove the recovery phrase (key " + phrase.id() + ")? The 24 words will no longer open");
        keys.confirmRemoval();
        assertThat(keys.slots()).singleElement().extracting(KeySlotItem::kind).isEqualTo("Passphrase");

        KeySlotItem last = keys.slots().getFirst();
        keys.requestRemoval(last);
        assertThat(keys.removalTextProperty().get()).contains("It is the passphrase this session was unlocked with");
        keys.confirmRemoval();
        assertThat(keys.state().errorProperty().get()).isTrue();
        assertThat(keys.state().messageProperty().get())
                .startsWith("Not removed: cannot remove key slot " + last.id() + ": it is the only key slot");
        assertThat(keys.pendingRemovalProperty().get()).isNull();
        assertThat(keys.slots()).hasSize(1);
        assertThat(keys.sessionKeyGoneProperty().get()).isFalse();
    }

    @Test
    void aSessionUnlockedWithThePhraseCanAddAPassphraseButNotChangeOne() throws Exception {
        monitor.close();
        gateway.close();
        // A second home recovers the repository with the phrase, as onboarding's restore path does.
        TestGateway recovered = new TestGateway(dir.resolve("home-b"), dir.resolve("store"));
        try {
            open(recovered
                    .recover(
                            new RecoverySource.InFolder(dir.resolve("store")),
                            String.join(" ", created.recoveryWords()),
                            null,
                            RebuildListener.NONE)
                    .running());
            assertThat(keys.slots())
                    .filteredOn(s -> !s.inUse().isEmpty())
                    .singleElement()
                    .extracting(KeySlotItem::kind)
                    .isEqualTo("Recovery phrase");
            assertThat(keys.unlockedWithPassphraseProperty().get()).isFalse();
            assertThat(keys.noteProperty().get()).isEqualTo(KeysViewModel.UNLOCKED_WITH_PHRASE);
            type(NEW, NEW);
            keys.changePassphrase();
            assertThat(keys.state().messageProperty().get()).isEqualTo(KeysViewModel.UNLOCKED_WITH_PHRASE);
            keys.addPassphrase();
            assertThat(keys.state().messageProperty().get()).startsWith("Added.");
            assertThat(keys.slots()).hasSize(3);
        } finally {
            monitor.close();
            recovered.close();
        }
    }
}
