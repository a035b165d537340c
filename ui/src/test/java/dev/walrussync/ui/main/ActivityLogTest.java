package dev.walrussync.ui.main;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.settings.DesktopPreferences;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.tray.TrayIntegration;
import dev.walrussync.ui.tray.TrayMenuItem;
import dev.walrussync.ui.tray.TrayState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recent activity from the engine's samples, and the notifications made of it. */
class ActivityLogTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private static FolderStatus folder(FolderState state, String snapshot, String error) {
        return new FolderStatus("/home/ann/Documents", state, 0, 0, 0, 0, null, null, snapshot, error, 0, null);
    }

    private static SyncStatus at(int seconds, FolderStatus... folders) {
        return new SyncStatus(T0.plusSeconds(seconds), false, SyncPolicy.defaults(false), List.of(folders), 0, 0);
    }

    private static WalrusStatus walrus(Alert... alerts) {
        Forecast f = new Forecast(0, 0, 0, null, null, null, null, 0);
        return new WalrusStatus(
                new WalletInfo("local", "0x1", 0, 0),
                1,
                T0,
                Duration.ofDays(1),
                53,
                10,
                0,
                0,
                0,
                null,
                null,
                0,
                0,
                0,
                Map.of(),
                List.of(),
                f,
                List.of(alerts),
                List.of());
    }

    @Test
    void newSnapshotsFailuresAlertsAndTheNetworkAreNewsAndTheFirstSampleIsNot() {
        ActivityLog log = new ActivityLog();
        log.onStatus(at(0, folder(FolderState.IDLE, "aaaa1111", null)));
        assertThat(log.entries()).as("what was there at start is not news").isEmpty();

        log.onStatus(at(5, folder(FolderState.IDLE, "bbbb2222", null)));
        log.onStatus(at(6, folder(FolderState.IDLE, "bbbb2222", null)));
        log.onStatus(at(9, folder(FolderState.ERROR, "bbbb2222", "the disk is full")));
        log.onStatus(at(10, folder(FolderState.ERROR, "bbbb2222", "the disk is full")));
        log.onStatus(at(20, folder(FolderState.ERROR, "bbbb2222", "the store is down")));
        Alert low = new Alert(Alert.Kind.RUNWAY_BELOW_14_DAYS, "less than 14 days of storage left");
        Alert expiring = new Alert(Alert.Kind.EXPIRY_WITHOUT_FUNDS, "2 blob(s) expire within 2 epochs");
        log.onWalrus(walrus(low));
        log.onWalrus(walrus(low, expiring));
        log.onWalrus(walrus(low, expiring));
        log.onOffline(true, "connection refused");
        log.onOffline(true, "connection refused");
        log.onOffline(false, "");

        assertThat(log.entries())
                .extracting(Activity::kind)
                .containsExactly(
                        Activity.Kind.ONLINE,
                        Activity.Kind.OFFLINE,
                        Activity.Kind.EXPIRY_RISK,
                        Activity.Kind.LOW_RUNWAY,
                        Activity.Kind.BACKUP_FAILED,
                        Activity.Kind.BACKUP_FAILED,
                        Activity.Kind.BACKED_UP);
        Activity saved = log.entries().getLast();
        assertThat(saved.text()).isEqualTo("Documents is backed up (snapshot bbbb2222)");
        assertThat(saved.at()).isEqualTo(T0.plusSeconds(5));
        assertThat(log.entries().get(4).text()).isEqualTo("Backing up Documents failed: the store is down");
        assertThat(log.entries().get(1).text()).contains("connection refused");
    }

    @Test
    void aFolderAddedLaterIsNewsEvenIfItsFirstBackupEndedBetweenSamples() {
        ActivityLog log = new ActivityLog();
        log.onStatus(at(0));
        log.onStatus(at(3, folder(FolderState.IDLE, "cccc3333", null)));
        assertThat(log.entries()).singleElement().extracting(Activity::kind).isEqualTo(Activity.Kind.BACKED_UP);
    }

    @Test
    void onlyTheNewestEntriesAreKept() {
        ActivityLog log = new ActivityLog();
        for (int i = 0; i < ActivityLog.KEPT + 7; i++) {
            log.restored("restore " + i);
        }
        assertThat(log.entries()).hasSize(ActivityLog.KEPT);
        assertThat(log.entries().getFirst().text()).isEqualTo("restore " + (ActivityLog.KEPT + 6));
    }

    /** A tray that records what it was asked to show. */
    static final class RecordingTray implements TrayIntegration {
        final List<String> shown = new ArrayList<>();

        @Override
        public boolean install(List<TrayMenuItem> menu) {
            return true;
        }

        @Override
        public void update(TrayState state, double progress, String tooltip, List<TrayMenuItem> menu) {}

        @Override
        public boolean notify(String title, String message, boolean warning) {
            shown.add((warning ? "warning " : "") + title + ": " + message);
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void notificationsFollowThePreferencesAndStayQuietWhileOffline() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ActivityLog log = new ActivityLog();
        RecordingTray tray = new RecordingTray();
        boolean[] offline = {false};
        new Notifications(log, tray, home, DIRECT, DIRECT, () -> offline[0]);

        log.onStatus(at(0, folder(FolderState.IDLE, "aaaa1111", null)));
        log.onStatus(at(1, folder(FolderState.IDLE, "bbbb2222", null)));
        log.onStatus(at(2, folder(FolderState.ERROR, "bbbb2222", "the disk is full")));
        log.onWalrus(walrus(new Alert(Alert.Kind.DATA_EXPIRED, "a blob has expired")));
        log.restored("4 files restored to /home/ann/Documents");
        assertThat(tray.shown)
                .as("every kind the issue names, with the defaults; a new snapshot is not one of them")
                .containsExactly(
                        "warning Documents: Backing up Documents failed: the disk is full",
                        "warning Stored data at risk: a blob has expired",
                        "Restore finished: 4 files restored to /home/ann/Documents");

        tray.shown.clear();
        offline[0] = true;
        log.onStatus(at(3, folder(FolderState.ERROR, "bbbb2222", "the publisher is unreachable")));
        assertThat(tray.shown).as("offline: the icon says it").isEmpty();

        DesktopPreferences.DEFAULTS.withNotifications(true, true, true, false).save(home);
        log.restored("again");
        assertThat(tray.shown).as("restores turned off").isEmpty();
    }

    @Test
    void aRealBackupIsInTheActivity() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(docs.resolve("a.txt"), "hello");
        try (TestGateway gateway = new TestGateway(dir)) {
            gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
            RunningSync running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
            SyncMonitor monitor = new SyncMonitor(running, DIRECT, DIRECT);
            monitor.refreshStatus();
            running.sync().addFolder(new WatchedFolder(docs, List.of()));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (monitor.activity().entries().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                monitor.refreshStatus();
            }
            assertThat(monitor.activity().entries()).isNotEmpty();
            assertThat(monitor.activity().entries().getFirst().kind()).isEqualTo(Activity.Kind.BACKED_UP);
            assertThat(monitor.activity().entries().getFirst().text()).startsWith("Documents is backed up");
            monitor.close();
        }
    }
}
