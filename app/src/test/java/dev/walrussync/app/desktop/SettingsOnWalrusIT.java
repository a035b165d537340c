package dev.walrussync.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.watch.WatchTesting;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.settings.SettingsViewModel;
import dev.walrussync.ui.settings.StartAtLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings screen's view model on the embedded local Walrus network, wired as the desktop app wires it: the
 * network, its endpoints and the wallet are shown, and the renewal policy typed in days and WAL lands in {@code
 * walrus.json} in epochs and FROST.
 */
class SettingsOnWalrusIT {
    private static final Executor DIRECT = Runnable::run;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theRenewalPolicyIsShownAndSavedInDaysAndWal() throws Exception {
        Repositories engine = WatchTesting.embeddedEngine();
        DesktopGateway gateway = new DesktopGateway(engine, dir.resolve("home"), () -> {});
        String wallet = gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray())
                .walletAddress();
        try (RunningSync running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
                SyncMonitor monitor = new SyncMonitor(running, DIRECT, DIRECT)) {
            SettingsViewModel vm = new SettingsViewModel(monitor, StartAtLogin.unavailable("not in tests"));
            vm.load();

            assertThat(vm.onWalrusProperty().get()).isTrue();
            assertThat(vm.networkErrorProperty().get()).isEmpty();
            assertThat(vm.networkTitleProperty().get()).isEqualTo("This computer (the local Walrus network)");
            assertThat(vm.walletAddressProperty().get()).isEqualTo(wallet);
            assertThat(vm.aggregatorsProperty().get()).startsWith("http://127.0.0.1:");
            // The embedded network's epochs last 14 days; new blobs are paid 53 epochs ahead.
            assertThat(vm.paidAheadProperty().get()).startsWith("New uploads are paid for 53 epochs (742 days) ahead");

            assertThat(vm.renewalAvailableProperty().get()).isTrue();
            assertThat(vm.periodUnitProperty().get()).isEqualTo("days");
            assertThat(vm.renewalNoteProperty().get()).contains("epochs of 14 days");
            assertThat(vm.lookAheadPromptProperty().get()).isEqualTo("42 (default)");
            assertThat(vm.lookAheadProperty().get()).isEmpty();

            vm.lookAheadProperty().set("60");
            vm.reserveProperty().set("0.5");
            vm.budgetProperty().set("3");
            vm.saveRenewal();

            assertThat(vm.renewalSave().errorProperty().get()).isFalse();
            assertThat(vm.renewalSave().messageProperty().get())
                    .startsWith("Saved. Data ending within 5 epochs (70 days) is extended by 7 epochs (98 days).");
            RenewalPolicy saved = monitor.sync().callBetweenBackups(s -> s.renewalPolicy(), TIMEOUT);
            assertThat(saved).isEqualTo(new RenewalPolicy(5, null, 500_000_000L, 3_000_000_000L, null));
            assertThat(Files.readString(dir.resolve("home/walrus.json")))
                    .contains("\"lookAheadEpochs\" : 5", "\"monthlyBudgetFrost\" : 3000000000");
            // The form shows what was saved: 60 days are 5 whole epochs, 70 days.
            assertThat(vm.lookAheadProperty().get()).isEqualTo("70");

            vm.budgetProperty().set("-1");
            vm.saveRenewal();
            assertThat(vm.renewalSave().errorProperty().get()).isTrue();
            assertThat(vm.renewalSave().messageProperty().get()).isEqualTo("The monthly budget cannot be below zero.");
            RenewalPolicy after = monitor.sync().callBetweenBackups(s -> s.renewalPolicy(), TIMEOUT);
            assertThat(after).isEqualTo(saved);
        }
    }
}
