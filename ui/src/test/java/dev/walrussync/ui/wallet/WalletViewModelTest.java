package dev.walrussync.ui.wallet;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.controls.QrCode;
import dev.walrussync.ui.controls.QrDecoding;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.wallet.WalletViewModel.ImportStage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet screen's view model on a real repository (a directory store): the faucet's local-only rule, the QR code of
 * the address, and replacing the wallet with a key (checked, confirmed or cancelled, refused when malformed).
 */
class WalletViewModelTest {
    /** Private key bytes 0x00..0x1f with the Ed25519 flag (walrus-client's Bech32Test vector). */
    static final String KEY = "suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn7";

    static final String OLD = "0x" + "ab".repeat(32);

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
        assertThat(vm.addressQrProperty().get()).isNull();
        assertThat(vm.faucetAvailableProperty().get()).isFalse();

        vm.requestFaucet();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(WalletViewModel.NOT_ON_WALRUS);
    }

    @Test
    void aRepositoryInAFolderRefusesAKeyAndClearsIt() {
        vm.keyInputProperty().set(KEY);
        vm.reviewImport();

        assertThat(vm.keyInputProperty().get()).isEmpty();
        assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
        assertThat(vm.importErrorProperty().get()).isTrue();
        assertThat(vm.importMessageProperty().get()).isEqualTo(WalletViewModel.NOT_ON_WALRUS);
        assertThat(vm.holdsKey()).isFalse();
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

    @Test
    void theAddressIsShownAsAQrCodeThatReadsBackAsTheAddress() throws Exception {
        vm.show(new WalletInfo("local", OLD, 0, 0));
        QrCode code = vm.addressQrProperty().get();

        assertThat(code).isNotNull();
        assertThat(code.text()).isEqualTo(OLD);
        int side = code.pixelSize(2);
        assertThat(QrDecoding.decode(code.argb(2), side, side)).isEqualTo(OLD);

        vm.show(new WalletInfo("local", OLD, 5, 5));
        assertThat(vm.addressQrProperty().get()).isSameAs(code);
        vm.show(new WalletInfo("local", "0xbeef", 5, 5));
        assertThat(vm.addressQrProperty().get().text()).isEqualTo("0xbeef");
    }

    @Test
    void aNewWalletThatCannotPayYetIsSaidToNeedFunds() {
        assertThat(WalletViewModel.done(new WalletInfo("local", "0xfeed", 0, 0)))
                .isEqualTo("The wallet is now 0xfeed. The repository's blobs were moved to it, and it pays for storage"
                        + " and renewals from now on. It holds 0 WAL and 0 SUI: get test tokens before the next"
                        + " backup.");
        assertThat(WalletViewModel.done(new WalletInfo("mainnet", "0xfeed", 5, 0)))
                .endsWith("It holds 0 WAL and 0 SUI: send it WAL and SUI before the next backup.");
        assertThat(WalletViewModel.done(new WalletInfo("mainnet", "0xfeed", 5_000_000_000L, 1_000_000_000L)))
                .endsWith("from now on.");
    }

    @Test
    void aParsersMessageNeverQuotesTheKey() {
        String key = "suiprivkey1qqqqzqsrqszsvpcgpy9q1krqdpc83";
        String scrubbed = WalletViewModel.withoutKey(
                "not a Sui private key: prefix is 'suiprivkey1qqqqzqsrqszsvpcgpy9q', expected 'suiprivkey'", key);

        assertThat(scrubbed)
                .isEqualTo("not a Sui private key: prefix is 'suiprivkey1…', expected 'suiprivkey'")
                .doesNotContain("qqqqz");
    }

    /** With the repository taken for one on Walrus, so that the key is checked and the engine asked. */
    @Nested
    class AsIfOnWalrus {
        @BeforeEach
        void onWalrus() {
            RunningSync real = running;
            monitor = new SyncMonitor(TestGateway.asIfOnWalrus(real), DIRECT, DIRECT);
            vm = new WalletViewModel(monitor);
            vm.show(new WalletInfo("testnet", OLD, 2_500_000_000L, 1_000_000_000L));
        }

        @Test
        void somethingThatIsNotASuiKeyIsRefusedAndNothingChanges() {
            vm.keyInputProperty().set("0x4f2a9c");
            vm.reviewImport();

            assertThat(vm.importMessageProperty().get()).isEqualTo(WalletViewModel.NOT_A_SUI_KEY);
            assertThat(vm.importErrorProperty().get()).isTrue();
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
            assertThat(vm.keyInputProperty().get()).isEmpty();
            assertThat(vm.addressProperty().get()).isEqualTo(OLD);

            vm.reviewImport();
            assertThat(vm.importMessageProperty().get()).isEqualTo(WalletViewModel.NO_KEY);
        }

        @Test
        void aMalformedSuiKeyIsRefusedWithTheParsersReasonAndNothingChanges() {
            String typo = KEY.substring(0, KEY.length() - 1) + "8";
            vm.keyInputProperty().set(typo);
            vm.reviewImport();

            assertThat(vm.importMessageProperty().get())
                    .startsWith("The key was refused: not a Sui Ed25519 private key (suiprivkey1…)")
                    .contains("checksum")
                    .endsWith("Nothing was changed.")
                    .doesNotContain(typo.substring(11, 20));
            assertThat(vm.importErrorProperty().get()).isTrue();
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
            assertThat(vm.holdsKey()).isFalse();
            assertThat(vm.keyInputProperty().get()).isEmpty();
            assertThat(vm.busyProperty().get()).isFalse();
        }

        @Test
        void theWalletsOwnKeyChangesNothing() throws Exception {
            vm.show(new WalletInfo("testnet", Repositories.walletAddressOf(KEY), 0, 0));
            vm.keyInputProperty().set(KEY);
            vm.reviewImport();

            assertThat(vm.importMessageProperty().get())
                    .startsWith("That key is already this wallet's")
                    .endsWith("Nothing was changed.");
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
            assertThat(vm.holdsKey()).isFalse();
        }

        @Test
        void aGoodKeyIsConfirmedFirstWithWhatHappensToTheBlobsAndTheOldBalances() throws Exception {
            String newAddress = Repositories.walletAddressOf(KEY);
            vm.keyInputProperty().set("  " + KEY + "\n");
            vm.reviewImport();

            assertThat(vm.keyInputProperty().get()).isEmpty();
            assertThat(vm.holdsKey()).isTrue();
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.CONFIRM);
            assertThat(vm.importErrorProperty().get()).isFalse();
            assertThat(vm.confirmTextProperty().get())
                    .startsWith("Use the key for " + newAddress + " as this repository's wallet?")
                    .contains("Every blob the current wallet owns moves to the new address, in one Sui transaction"
                            + " paid with the current wallet's SUI.")
                    .contains("The current wallet's 2.5 WAL and 1 SUI stay at the old address (0xababab…abab)")
                    .contains("Walrus Sync forgets the old key")
                    .contains("From now on the new address pays for backups and renewals")
                    .endsWith("If the move fails, nothing changes.");

            vm.cancelImport();

            assertThat(vm.holdsKey()).isFalse();
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
            assertThat(vm.confirmTextProperty().get()).isEmpty();
            assertThat(vm.importMessageProperty().get()).isEqualTo("Cancelled. Nothing was changed.");
            assertThat(vm.addressProperty().get()).isEqualTo(OLD);
        }

        @Test
        void whenTheEngineRefusesTheWalletStaysAndSaysWhy() {
            vm.keyInputProperty().set(KEY);
            vm.reviewImport();
            vm.confirmImport();

            // The engine's own refusal: this repository is in a folder, whatever the screen believed.
            assertThat(vm.importMessageProperty().get())
                    .startsWith("The wallet was not replaced: the repository is on dir:")
                    .contains("not on Walrus")
                    .endsWith("The address above is the wallet in use.");
            assertThat(vm.importErrorProperty().get()).isTrue();
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
            assertThat(vm.holdsKey()).isFalse();
            assertThat(vm.confirmTextProperty().get()).isEmpty();
            assertThat(running.home().resolve("wallet.json")).doesNotExist();

            vm.confirmImport(); // nothing is pending any more
            assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
        }
    }
}
