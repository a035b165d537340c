package dev.walrussync.ui.dashboard;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.model.WalrusStatus;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    DashboardViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        vm = new DashboardViewModel(monitor, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    @Test
    void withNoFolderItInvitesToAddOne() {
        vm.refresh();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.headlineProperty().get()).isEqualTo("No folders are protected yet");
        assertThat(vm.walrusNoteProperty().get()).contains("not on Walrus");
    }

    @Test
    void showsAFolderBackedUpByTheRunningService() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(docs.resolve("notes.txt"), "hello walrus");
        running.sync().addFolder(new WatchedFolder(docs, List.of()));
        TestGateway.awaitStatus(
                running.sync(),
                s -> s.folders().get(0).lastSnapshotAt() != null
                        && s.folders().get(0).state() == FolderState.IDLE,
                Duration.ofSeconds(30));

        vm.refresh();

        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.headlineProperty().get()).isEqualTo("Everything is backed up");
        assertThat(vm.folders()).singleElement().satisfies(card -> {
            assertThat(card.name()).isEqualTo("Documents");
            assertThat(card.state()).isEqualTo("Up to date");
            assertThat(card.lastSnapshot()).startsWith("Saved ");
        });

        vm.refreshDetails();
        assertThat(vm.protectedBytesProperty().get()).isEqualTo("12 B in 1 file");
        assertThat(vm.folders().getFirst().size()).isEqualTo("12 B in 1 file");
        assertThat(vm.storedProperty().get()).endsWith("after deduplication and compression");
        assertThat(vm.expiry()).as("a directory store: nothing expires").isEmpty();
    }

    @Test
    void theExpiryChartGroupsTheBlobsOnChainByEndEpochAndDatesThem() {
        Instant epochStart = Instant.parse("2026-11-23T00:00:00Z");
        WalrusStatus w = new WalrusStatus(
                new WalletInfo("local", "0x1", 0, 0),
                10,
                epochStart,
                Duration.ofDays(1),
                53,
                10,
                3,
                0,
                0,
                null,
                null,
                0,
                0,
                0,
                Map.of(),
                List.of(),
                new Forecast(0, 0, 0, null, null, null, null, 0),
                List.of(),
                List.of());
        List<BlobInfo> blobs = List.of(
                blob(63L, 3L << 20, true),
                blob(12L, 1L << 20, true),
                blob(63L, 1L << 20, true),
                blob(12L, 5L << 20, false),
                blob(null, 7, true));
        List<ExpiryBar> bars = DashboardViewModel.expiryBars(blobs, w, ZoneOffset.UTC);
        assertThat(bars).extracting(ExpiryBar::endEpoch).containsExactly(12L, 63L);
        assertThat(bars.get(0).bytes()).as("only blobs on chain").isEqualTo(1L << 20);
        assertThat(bars.get(0).ends()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(bars.get(0).label()).isEqualTo("25 Nov (epoch 12)");
        assertThat(bars.get(1).bytes()).isEqualTo(4L << 20);
        assertThat(bars.get(1).blobs()).isEqualTo(2);
        assertThat(DashboardViewModel.expiryBars(blobs, null, ZoneOffset.UTC)).isEmpty();

        assertThat(DashboardViewModel.curve(bars, Instant.parse("2026-11-23T12:00:00Z")))
                .as("a staircase from all the data today down to nothing after the last end")
                .containsExactly(
                        new DashboardViewModel.CurvePoint(0, 5L << 20),
                        new DashboardViewModel.CurvePoint(1.5, 5L << 20),
                        new DashboardViewModel.CurvePoint(1.5, 4L << 20),
                        new DashboardViewModel.CurvePoint(52.5, 4L << 20),
                        new DashboardViewModel.CurvePoint(52.5, 0));
    }

    private static BlobInfo blob(Long endEpoch, long size, boolean onChain) {
        return new BlobInfo("b", "pack", "0x2", size, null, endEpoch, false, null, onChain, List.of());
    }

    @Test
    void pausedServiceShowsPausedCards() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("Documents"));
        running.sync().pause();
        running.sync().addFolder(new WatchedFolder(docs, List.of()));
        vm.refresh();
        assertThat(vm.headlineProperty().get()).isEqualTo("Backups are paused");
        assertThat(vm.folders()).singleElement().extracting(FolderCard::state).isEqualTo("Paused");
    }

    private static SyncStatus status(FolderStatus f) {
        return new SyncStatus(
                Instant.parse("2026-11-22T10:00:00Z"), false, SyncPolicy.defaults(false), List.of(f), 0, 0);
    }

    @Test
    void uploadingCardShowsBytesAndTimeLeft() {
        FolderStatus f = new FolderStatus(
                "/home/ann/Photos",
                FolderState.UPLOADING,
                3,
                4096,
                5L << 20,
                20L << 20,
                90L,
                null,
                null,
                null,
                0,
                null);
        FolderCard card = DashboardViewModel.card(f, status(f), null);
        assertThat(card.detail()).isEqualTo("5.0 MB of 20.0 MB · about 1 min left");
        assertThat(card.progress()).isEqualTo(0.25);
        assertThat(card.lastSnapshot()).isEqualTo("Not saved yet");
    }

    @Test
    void failedFolderShowsTheError() {
        FolderStatus f = new FolderStatus(
                "/home/ann/Photos",
                FolderState.ERROR,
                0,
                0,
                0,
                0,
                null,
                Instant.parse("2026-11-22T09:58:00Z"),
                "6701a127",
                "the store is down",
                0,
                null);
        FolderCard card = DashboardViewModel.card(f, status(f), null);
        assertThat(card.styleClass()).isEqualTo("state-error");
        assertThat(card.detail()).isEqualTo("the store is down");
        assertThat(card.lastSnapshot()).isEqualTo("Saved 2 min ago");
    }
}
