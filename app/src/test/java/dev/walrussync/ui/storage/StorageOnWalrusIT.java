package dev.walrussync.ui.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.desktop.DesktopGateway;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.app.watch.WatchTesting;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.CostEstimate;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage screen's view model on the embedded local Walrus network, through the desktop app's gateway and its
 * running sync service: the renewal policy in words, and the pending changes priced by the network's own {@code
 * costOf} — again only when they change noticeably, and no more often than every few seconds. (In the {@code ui}
 * package to reach the view model's test hooks; it lives in {@code app} for the local network.)
 */
class StorageOnWalrusIT {
    private static final Executor DIRECT = Runnable::run;
    private static final long MIB = 1L << 20;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static LocalWalrusNetwork net;
    static Repositories engine;

    RunningSync running;
    SyncMonitor monitor;
    StorageViewModel vm;

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
        vm = new StorageViewModel(monitor, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        running.close();
    }

    private static SyncStatus pending(Instant at, int changes, long bytes) {
        FolderStatus f = new FolderStatus(
                "/home/me/Documents", FolderState.IDLE, changes, bytes, 0, 0, null, null, null, null, 0, null);
        return new SyncStatus(at, false, SyncPolicy.defaults(false), List.of(f), 0, 0);
    }

    /** What the network itself says storing {@code bytes} of new data in packs costs. */
    private StorageViewModel.Priced priced(int changes, long bytes) throws Exception {
        return running.sync()
                .callBetweenBackups(
                        s -> {
                            long target = s.targetPackSize();
                            return new StorageViewModel.Priced(
                                    changes, bytes, target, s.costOf(StorageViewModel.packSizes(bytes, target)));
                        },
                        Duration.ofSeconds(30));
    }

    @Test
    void thePolicyIsReadInWordsWithTheLocalNetworksFortnightEpochs() {
        vm.reload();

        assertThat(vm.errorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(vm.blobs()).isNotEmpty();
        assertThat(vm.policyTextProperty().get())
                .isEqualTo("Renewed once 3 epochs (42 days) or fewer are left, by 7 epochs (98 days) at a time;"
                        + " keeps no WAL in reserve; no monthly limit; checked every hour.");
    }

    @Test
    void pendingChangesArePricedByTheNetworkAgainOnlyWhenTheyChangeNoticeably() throws Exception {
        vm.reload(); // reads the epoch length for the preview's period
        Duration epoch = EmbeddedNetworks.EPOCH;

        vm.onStatus(pending(T0, 12, 48 * MIB));
        StorageViewModel.Priced first = priced(12, 48 * MIB);
        CostEstimate e = first.estimate();
        assertThat(vm.pricings()).isEqualTo(1);
        assertThat(e.blobs())
                .isEqualTo(
                        StorageViewModel.packSizes(48 * MIB, first.packSize()).size());
        assertThat(e.costFrost()).isPositive();
        assertThat(vm.pendingTextProperty().get())
                .isEqualTo(StorageViewModel.preview(first, epoch))
                .startsWith("Backing up the 12 pending changes (48.0 MB) will cost about ");

        // Status samples every 250 ms, the pending bytes growing by under a tenth: no new pricing.
        for (int tick = 1; tick < 20; tick++) {
            vm.onStatus(pending(T0.plusMillis(250L * tick), 12 + tick, 48 * MIB + tick * 200_000L));
        }
        assertThat(vm.pricings()).isEqualTo(1);
        // A noticeable change, within the gap: it waits.
        vm.onStatus(pending(T0.plusSeconds(4), 40, 60 * MIB));
        assertThat(vm.pricings()).isEqualTo(1);
        assertThat(vm.pendingTextProperty().get()).isEqualTo(StorageViewModel.preview(first, epoch));
        // After the gap: priced again.
        vm.onStatus(pending(T0.plus(StorageViewModel.PRICE_GAP), 40, 60 * MIB));
        assertThat(vm.pricings()).isEqualTo(2);
        assertThat(vm.pendingTextProperty().get()).isEqualTo(StorageViewModel.preview(priced(40, 60 * MIB), epoch));

        // Backed up: said at once, without the network.
        vm.onStatus(pending(T0.plusSeconds(6), 0, 0));
        assertThat(vm.pendingTextProperty().get()).isEqualTo(StorageViewModel.NOTHING_WAITING);
        // One small change soon after: waits for the gap, saying so, then is priced.
        vm.onStatus(pending(T0.plusSeconds(7), 1, 1024));
        assertThat(vm.pricings()).isEqualTo(2);
        assertThat(vm.pendingTextProperty().get())
                .isEqualTo("1 change (1.0 KB) waiting; working out what backing it up costs…");
        vm.onStatus(pending(T0.plusSeconds(10), 1, 1024));
        assertThat(vm.pricings()).isEqualTo(3);
        assertThat(vm.pendingTextProperty().get())
                .isEqualTo(StorageViewModel.preview(priced(1, 1024), epoch))
                .startsWith("Backing up the pending change (1.0 KB) will cost about ")
                .contains("1 blob stored for 53 epochs (over 2 years)");
    }
}
