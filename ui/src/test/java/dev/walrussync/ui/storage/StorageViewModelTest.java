package dev.walrussync.ui.storage;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.CostEstimate;
import dev.walrussync.engine.model.EpochTiming;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RenewedBlob;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The storage screen's view model on a real repository (a directory store): its words for a renewal pass and for the
 * renewal policy, and the preview of what the pending changes cost (cut into packs, priced again only when they change
 * noticeably). Pricing on Walrus itself is tested in the app module ({@code StorageOnWalrusIT}).
 */
class StorageViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    StorageViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        vm = new StorageViewModel(monitor, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    @Test
    void aRepositoryInAFolderHasNoBlobsAndNothingToRenew() {
        assertThat(vm.onWalrus()).isFalse();
        vm.reload();
        assertThat(vm.blobs()).isEmpty();
        assertThat(vm.log()).isEmpty();
        assertThat(vm.errorProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(StorageViewModel.NOT_ON_WALRUS);

        vm.renewNow();
        assertThat(vm.renewingProperty().get()).isFalse();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo(StorageViewModel.NOT_ON_WALRUS);
    }

    @Test
    void blobRowsShowWhatIsKnownAndDashesForTheRest() {
        BlobItem known = StorageViewModel.item(
                new BlobInfo("B1", "pack", "0xabc", 1536, 9000L, 42L, false, 2_500_000_000L, true, List.of("a.txt")));
        assertThat(known).isEqualTo(new BlobItem("B1", "0xabc", "1.5 KB", "42", "2.5 WAL"));
        BlobItem unknown =
                StorageViewModel.item(new BlobInfo("B2", "keys", null, 10, null, null, null, null, false, List.of()));
        assertThat(unknown).isEqualTo(new BlobItem("B2", "—", "10 B", "—", "—"));
    }

    private static final Forecast FORECAST = new Forecast(0, 0, 0, null, null, null, null, 0);

    @Test
    void aRenewalPassInWords() {
        RenewalReport renewed = new RenewalReport(
                false,
                10,
                2,
                5,
                List.of(
                        new RenewedBlob("B1", "0x1", 3, 11, 14, 1_000_000_000L, "d1"),
                        new RenewedBlob("B2", "0x2", 3, 11, 14, 500_000_000L, "d2")),
                List.of(new AtRiskBlob("B3", "0x3", 11, 7, List.of("x"))),
                List.of(),
                2,
                1_500_000_000L,
                2_000_000L,
                List.of(),
                0,
                List.of(),
                List.of(),
                FORECAST,
                List.of(new Alert(Alert.Kind.CANNOT_PAY_NEXT_RENEWAL, "Top up")));
        assertThat(StorageViewModel.summary(renewed))
                .startsWith("Renewed 2 blobs (6 epochs) for 1.5 WAL and 0.002 SUI of gas.")
                .contains("1 due blob(s) left unrenewed");

        RenewalReport nothing = new RenewalReport(
                false, 10, 2, 1, List.of(), List.of(), List.of(), 0, 0, 0, List.of(), 0, List.of(), List.of(), FORECAST,
                List.of());
        assertThat(StorageViewModel.summary(nothing))
                .isEqualTo("Nothing was due: 1 blob in use, none ending within 2 epochs.");
    }

    static final long MIB = 1L << 20;
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static SyncStatus pending(Instant at, int changes, long bytes) {
        FolderStatus folder = new FolderStatus(
                "/home/me/Documents", FolderState.IDLE, changes, bytes, 0, 0, null, null, null, null, 0, null);
        FolderStatus quiet =
                new FolderStatus("/home/me/Music", FolderState.IDLE, 0, 0, 0, 0, null, null, null, null, 0, null);
        return new SyncStatus(at, false, SyncPolicy.defaults(true), List.of(folder, quiet), 0, 0);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # bytes,    pack size, packs
            0,          10485760,  ''
            1,          10485760,  1
            10485760,   10485760,  10485760
            26214400,   10485760,  10485760;10485760;5242880
            31457280,   10485760,  10485760;10485760;10485760
            5000,       0,         5000
            """)
    void pendingBytesAreCutIntoPacksOfTheTargetSize(long bytes, long packSize, String packs) {
        List<Long> expected = packs.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(packs.split(";")).map(Long::valueOf).toList();

        assertThat(StorageViewModel.packSizes(bytes, packSize))
                .containsExactlyElementsOf(expected)
                .allSatisfy(p -> assertThat(p).isPositive());
        assertThat(StorageViewModel.packSizes(bytes, packSize).stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # priced,  now,       pack size, noticeable
            1000,      1000,      10485760,  false
            1000,      1099,      10485760,  false
            1000,      1100,      10485760,  true
            1000,      901,       10485760,  false
            1000,      900,       10485760,  true
            0,         1,         10485760,  true
            1,         0,         10485760,  true
            104857600, 104857601, 10485760,  true
            104857599, 104857600, 10485760,  false
            104857600, 110000000, 0,         false
            """)
    void aChangeIsNoticeableAtATenthOrAnotherPack(long priced, long now, long packSize, boolean noticeable) {
        assertThat(StorageViewModel.noticeable(priced, now, packSize)).isEqualTo(noticeable);
    }

    @Test
    void thePreviewNamesTheChangesTheCostThePeriodAndThatItIsAnUpperBound() {
        // 48 MiB in 10 MiB packs on a 1000-shard network: the estimate's numbers as costOf reports them.
        CostEstimate e = new CostEstimate(5, 48 * MIB, 5 * 335 * MIB, 5 * 335, 53, 3_100_000);
        StorageViewModel.Priced p = new StorageViewModel.Priced(12, 48 * MIB, 10 * MIB, e);

        assertThat(StorageViewModel.preview(p, Duration.ofDays(1)))
                .isEqualTo("Backing up the 12 pending changes (48.0 MB) will cost about 0.0031 WAL: 5 blobs stored"
                        + " for 53 epochs (about 53 days), plus a little SUI for gas. " + StorageViewModel.UPPER_BOUND);
        assertThat(StorageViewModel.preview(p, Duration.ofDays(14))).contains(" for 53 epochs (over 2 years), ");
        StorageViewModel.Priced one = new StorageViewModel.Priced(
                1, 1536, 10 * MIB, new CostEstimate(1, 1536, 64 * MIB, 64, 1, 12_000_000_000L));
        assertThat(StorageViewModel.preview(one, null))
                .startsWith("Backing up the pending change (1.5 KB) will cost about 12 WAL: 1 blob stored for 1 epoch,"
                        + " plus");
    }

    @Test
    void theRenewalPolicyInPlainWordsWithTheDefaultsResolvedForTheNetwork() {
        EpochTiming fortnights = new EpochTiming(40, Duration.ofDays(14), 53);
        assertThat(StorageViewModel.policyText(RenewalPolicy.DEFAULTS, fortnights))
                .isEqualTo("Renewed once 3 epochs (42 days) or fewer are left, by 7 epochs (98 days) at a time;"
                        + " keeps no WAL in reserve; no monthly limit; checked every hour.");

        // Daily epochs: 30 days ahead, and an extension of 90 days is capped at the 53 epochs Walrus allows.
        EpochTiming days = new EpochTiming(40, Duration.ofDays(1), 53);
        assertThat(StorageViewModel.policyText(RenewalPolicy.DEFAULTS, days))
                .startsWith("Renewed once 30 epochs (30 days) or fewer are left, by 53 epochs (53 days) at a time;");

        RenewalPolicy own = new RenewalPolicy(4, 10, 5_000_000_000L, 20_000_000_000L, 30);
        assertThat(StorageViewModel.policyText(own, days))
                .isEqualTo("Renewed once 4 epochs (4 days) or fewer are left, by 10 epochs (10 days) at a time;"
                        + " keeps 5 WAL in reserve; at most 20 WAL a month; checked every 30 min.");
        assertThat(StorageViewModel.epochs(1, Duration.ofHours(2))).isEqualTo("1 epoch (2 h)");
    }

    @Test
    void inAFolderThePolicyAndThePendingChangesCostNoWal() {
        vm.reload();
        assertThat(vm.policyTextProperty().get()).isEqualTo(StorageViewModel.NO_POLICY);
        assertThat(vm.pendingTextProperty().get()).isEqualTo(StorageViewModel.NOTHING_WAITING);

        vm.onStatus(pending(T0, 3, 2 * MIB));
        assertThat(vm.pendingTextProperty().get())
                .isEqualTo("3 changes (2.0 MB) waiting; in a folder they cost no WAL.");
        assertThat(vm.pricings()).isZero();
        assertThat(vm.canOpenSettings()).isFalse();
    }

    @Test
    void theSyncServicesPendingChangesReachThePreviewThroughTheMonitor() throws Exception {
        // A paused folder backs nothing up, so what changes in it stays pending.
        Path folder = Files.createDirectories(dir.resolve("Documents"));
        running.sync().addFolder(new WatchedFolder(folder, List.of(), true));
        TestGateway.awaitStatus(running.sync(), st -> !st.folders().isEmpty(), Duration.ofSeconds(30));
        Files.write(folder.resolve("report.pdf"), new byte[300_000]);
        TestGateway.awaitStatus(
                running.sync(), st -> st.folders().get(0).pendingBytes() == 300_000, Duration.ofSeconds(30));

        monitor.refreshStatus();

        assertThat(vm.pendingTextProperty().get())
                .matches("\\d+ changes? \\(293 KB\\) waiting; in a folder they cost no WAL\\.");
    }

    @Test
    void changePolicyOpensTheSettingsWhenTheAppHasAScreenForThem() {
        AtomicInteger opened = new AtomicInteger();
        StorageViewModel withSettings = new StorageViewModel(monitor, ZoneOffset.UTC, opened::incrementAndGet);

        assertThat(withSettings.canOpenSettings()).isTrue();
        withSettings.openSettings();
        vm.openSettings();
        assertThat(opened).hasValue(1);
    }

    /** With the repository taken for one on Walrus, so that the pending changes are sent to be priced. */
    @Nested
    class AsIfOnWalrus {
        @BeforeEach
        void onWalrus() {
            RunningSync real = running;
            monitor = new SyncMonitor(TestGateway.asIfOnWalrus(real), DIRECT, DIRECT);
            vm = new StorageViewModel(monitor, ZoneOffset.UTC);
        }

        @Test
        void aFailedPricingSaysWhyAndIsTriedAgainAMinuteLaterNotOnEveryTick() {
            vm.onStatus(pending(T0, 12, 48 * MIB));

            // The engine refuses costOf off Walrus: the real refusal, shown as it is.
            assertThat(vm.pricings()).isEqualTo(1);
            assertThat(vm.pendingTextProperty().get())
                    .startsWith("12 changes (48.0 MB) waiting. Cannot work out the cost now: the repository is on dir:")
                    .contains("not on Walrus");

            for (int tick = 1; tick < 240; tick++) {
                vm.onStatus(pending(T0.plusMillis(250L * tick), 12 + tick / 10, 48 * MIB + tick * 4096L));
            }
            assertThat(vm.pricings()).isEqualTo(1);

            vm.onStatus(pending(T0.plus(StorageViewModel.PRICE_RETRY), 40, 60 * MIB));
            assertThat(vm.pricings()).isEqualTo(2);
        }

        @Test
        void nothingPendingIsSaidAtOnceWithoutAskingTheEngine() {
            vm.onStatus(pending(T0, 0, 0));
            assertThat(vm.pendingTextProperty().get()).isEqualTo(StorageViewModel.NOTHING_WAITING);

            vm.onStatus(pending(T0.plusSeconds(1), 2, 0));
            assertThat(vm.pendingTextProperty().get())
                    .isEqualTo("2 changes waiting, with no new file data: backing them up stores only a small"
                            + " snapshot record.");
            assertThat(vm.pricings()).isZero();

            vm.onStatus(pending(T0.plusSeconds(2), 1, 10));
            vm.onStatus(pending(T0.plusSeconds(3), 0, 0));
            assertThat(vm.pendingTextProperty().get()).isEqualTo(StorageViewModel.NOTHING_WAITING);
            assertThat(vm.pricings()).isEqualTo(1);
        }
    }
}
