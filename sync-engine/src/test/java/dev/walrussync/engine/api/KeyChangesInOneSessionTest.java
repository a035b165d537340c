package dev.walrussync.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key changes one after another in one session, as the Keys settings make them. */
class KeyChangesInOneSessionTest {
    @TempDir
    Path tmp;

    @Test
    void afterChangingItsPassphraseTheSessionGoesOnWithTheNewOne() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        try (RepositorySession session = repo.open()) {
            String changed = session.changePassphrase("second passphrase".toCharArray());
            assertThat(session.keySlots())
                    .filteredOn(KeySlotInfo::current)
                    .singleElement()
                    .extracting(KeySlotInfo::id)
                    .isEqualTo(changed);
            String third = session.changePassphrase("third passphrase".toCharArray());
            session.addPassphrase("another one".toCharArray());
            assertThat(session.keySlots())
                    .extracting(KeySlotInfo::id)
                    .contains(third)
                    .doesNotContain(changed);
        }
        try (RepositorySession session =
                repo.engine().openWithPassphrase(repo.home(), "third passphrase".toCharArray(), false)) {
            assertThat(session.keySlots()).hasSize(3);
        }
        assertThatThrownBy(() -> repo.openReadOnly()).isInstanceOf(SyncException.class);
    }

    @Test
    void afterRemovingItsOwnSlotTheSessionSaysToUnlockAgain() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        try (RepositorySession session = repo.open()) {
            session.addPassphrase("kept".toCharArray());
            String own = session.keySlots().stream()
                    .filter(KeySlotInfo::current)
                    .findFirst()
                    .orElseThrow()
                    .id();
            session.removeKeySlot(own);

            assertThatThrownBy(() -> session.addPassphrase("more".toCharArray()))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("the key slot that unlocked this session was removed");
            assertThatThrownBy(() -> session.changePassphrase("more".toCharArray()))
                    .hasMessageContaining("unlock again");
        }
        try (RepositorySession session = repo.engine().openWithPassphrase(repo.home(), "kept".toCharArray(), false)) {
            assertThat(session.keySlots()).hasSize(2);
        }
    }
}
