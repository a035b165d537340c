package dev.walrussync.ui.onboarding;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlockViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    UnlockViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        vm = new UnlockViewModel(gateway, DIRECT, DIRECT);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void wrongPassphraseSaysSoAndKeepsTheRepositoryLocked() {
        vm.passphraseProperty().set("not the passphrase");
        vm.unlock();
        assertThat(vm.unlockedProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isNotEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void rightPassphraseStartsTheSyncService() {
        vm.passphraseProperty().set(TestRepositories.PASSPHRASE);
        vm.unlock();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.unlockedProperty().get()).isNotNull();
        assertThat(vm.passphraseProperty().get()).isEmpty();
    }

    @Test
    void secondInstanceOnTheSameHomeIsRefused() {
        vm.passphraseProperty().set(TestRepositories.PASSPHRASE);
        vm.unlock();
        UnlockViewModel second = new UnlockViewModel(gateway, DIRECT, DIRECT);
        second.passphraseProperty().set(TestRepositories.PASSPHRASE);
        second.unlock();
        assertThat(second.unlockedProperty().get()).isNull();
        assertThat(second.errorProperty().get()).isNotEmpty();
    }
}
