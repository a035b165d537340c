package dev.walrussync.ui.wallet;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallet screen's view model on a real repository (a directory store), and the faucet's local-only rule. */
class WalletViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    WalletViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        vm = new WalletViewModel(monitor);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    @Test
    void aRepositoryInAFolderHasNoWalletAndNoFaucet() {
        assertThat(vm.onWalrus()).isFalse();
        vm.reload();
        assertThat(vm.errorProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(WalletViewModel.NOT_ON_WALRUS);
        assertThat(vm.addressProperty().get()).isEmpty();
        assertThat(vm.faucetAvailableProperty().get()).isFalse();

        vm.requestFaucet();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(WalletViewModel.NOT_ON_WALRUS);
    }

    @Test
    void theFaucetIsOfferedOnTheLocalNetworkOnly() {
        vm.show(new WalletInfo("local", "0xfeed", 2_500_000_000L, 1_000_000_000L));
        assertThat(vm.addressProperty().get()).isEqualTo("0xfeed");
        assertThat(vm.walProperty().get()).isEqualTo("2.5 WAL");
        assertThat(vm.suiProperty().get()).isEqualTo("1 SUI");
        assertThat(vm.faucetAvailableProperty().get()).isTrue();
        assertThat(vm.faucetNoteProperty().get()).isEmpty();

        vm.show(new WalletInfo("testnet", "0xbeef", 0, 0));
        assertThat(vm.walProperty().get()).isEqualTo("0 WAL");
        assertThat(vm.faucetAvailableProperty().get()).isFalse();
        assertThat(vm.faucetNoteProperty().get()).isEqualTo(WalletViewModel.FAUCET_LOCAL_ONLY);
    }
}
