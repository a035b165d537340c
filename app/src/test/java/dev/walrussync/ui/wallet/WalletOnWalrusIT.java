package dev.walrussync.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.desktop.DesktopGateway;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.app.watch.WatchTesting;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.localnet.chain.BlobData;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.ui.controls.QrCode;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.wallet.WalletViewModel.ImportStage;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.SuiAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet screen's view model on the embedded local Walrus network, through the desktop app's gateway and its
 * running sync service: the address and its QR code, a malformed key refused with nothing changed, and a key imported,
 * with the repository's blobs moved on chain to its address. (In the {@code ui} package to reach the view model's
 * test hooks; it lives in {@code app} for the local network.)
 */
class WalletOnWalrusIT {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static LocalWalrusNetwork net;
    static Repositories engine;

    RunningSync running;
    SyncMonitor monitor;
    WalletViewModel vm;

    @BeforeAll
    static void startNetwork() throws Exception {
        net = LocalWalrusNetwork.start(EmbeddedNetworks.options(shared.resolve("net")), Clock.systemUTC());
        engine = WatchTesting.engineOn(net);
    }

    @AfterAll
    static void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        DesktopGateway gateway = new DesktopGateway(engine, tmp.resolve("home"), () -> {});
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        vm = new WalletViewModel(monitor);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        running.close();
    }

    private static long blobsOwnedBy(String address) {
        return net.chain().ownedObjects(SuiAddress.parse(address)).stream()
                .filter(o -> o.data() instanceof BlobData)
                .count();
    }

    @Test
    void aKeyIsImportedAndTheBlobsMoveToItsAddress() throws Exception {
        vm.reload();
        String old = vm.addressProperty().get();
        assertThat(vm.errorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(old).startsWith("0x");
        QrCode qr = vm.addressQrProperty().get();
        assertThat(qr).isNotNull();
        assertThat(qr.text()).isEqualTo(old);
        long blobs = blobsOwnedBy(old);
        assertThat(blobs).as("the key blob at least").isPositive();
        Path walletFile = running.home().resolve("wallet.json");
        byte[] before = Files.readAllBytes(walletFile);

        // A malformed key: refused before anything is asked of the network.
        vm.keyInputProperty().set("suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn8");
        vm.reviewImport();
        assertThat(vm.importMessageProperty().get()).startsWith("The key was refused:");
        assertThat(Files.readAllBytes(walletFile)).isEqualTo(before);
        assertThat(blobsOwnedBy(old)).isEqualTo(blobs);

        Ed25519Keypair mine = Ed25519Keypair.generate(new SecureRandom());
        String mineAddress = mine.address().toString();
        vm.keyInputProperty().set(mine.toSuiPrivateKey());
        vm.reviewImport();
        assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.CONFIRM);
        assertThat(vm.confirmTextProperty().get())
                .contains(mineAddress)
                .contains("stay at the old address (" + WalletViewModel.shortAddress(old) + ")");
        assertThat(vm.keyInputProperty().get()).isEmpty();

        vm.confirmImport();

        assertThat(vm.importErrorProperty().get())
                .as(vm.importMessageProperty().get())
                .isFalse();
        assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
        assertThat(vm.importMessageProperty().get())
                .isEqualTo("The wallet is now " + mineAddress + ". The repository's blobs were moved to it, and it"
                        + " pays for storage and renewals from now on. It holds 0 WAL and 0 SUI: get test tokens"
                        + " before the next backup.");
        assertThat(vm.addressProperty().get()).isEqualTo(mineAddress);
        assertThat(vm.addressQrProperty().get().text()).isEqualTo(mineAddress);
        assertThat(vm.holdsKey()).isFalse();
        assertThat(blobsOwnedBy(mineAddress)).isEqualTo(blobs);
        assertThat(blobsOwnedBy(old)).isZero();
        assertThat(Files.readString(walletFile)).contains(mineAddress).doesNotContain(mine.toSuiPrivateKey());
    }
}
