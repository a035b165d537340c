package dev.walrussync.ui.restore;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.Activity;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore screen's view model on a real repository with two snapshots of one folder. */
class RestoreViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    ScheduledExecutorService scheduler;
    RestoreViewModel vm;
    Path docs;
    byte[] big;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        docs = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(docs.resolve("a.txt"), "first");
        Files.createDirectories(docs.resolve("notes"));
        big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);
        Files.write(docs.resolve("notes/big.bin"), big);
        running.sync().addFolder(new WatchedFolder(docs, List.of()));
        TestGateway.awaitStatus(running.sync(), s -> s.snapshotsTaken() >= 1, Duration.ofSeconds(30));
        Files.writeString(docs.resolve("a.txt"), "second, longer");
        Files.writeString(docs.resolve("new.txt"), "new");
        running.sync().syncNow();
        TestGateway.awaitStatus(running.sync(), s -> s.snapshotsTaken() >= 2, Duration.ofSeconds(30));
        vm = new RestoreViewModel(monitor, scheduler, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        monitor.close();
        gateway.close();
    }

    private static List<String> names(List<EntryItem> entries) {
        return entries.stream().map(EntryItem::name).toList();
    }

    @Test
    void listsSnapshotsNewestFirstAndBrowsesOneFolderAtATime() {
        vm.reload();
        assertThat(vm.errorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(vm.snapshots()).hasSize(2);
        assertThat(vm.snapshots().get(0).time())
                .isAfterOrEqualTo(vm.snapshots().get(1).time());
        assertThat(vm.snapshots().get(0).label()).contains(" — Documents — 3 files, 293 KB");
        assertThat(vm.snapshotProperty().get()).isEqualTo(vm.snapshots().get(0));
        assertThat(names(vm.entries())).containsExactly("Documents");

        vm.open("Documents");
        assertThat(vm.folderProperty().get()).isEqualTo("Documents");
        assertThat(names(vm.entries())).containsExactly("notes", "a.txt", "new.txt");

        vm.filterProperty().set("NEW");
        assertThat(names(vm.entries())).containsExactly("new.txt");
        vm.filterProperty().set("");

        vm.open("Documents/notes");
        assertThat(vm.entries()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("Documents/notes/big.bin");
            assertThat(e.size()).isEqualTo(big.length);
        });
        vm.up();
        assertThat(vm.folderProperty().get()).isEqualTo("Documents");

        vm.select(vm.snapshots().get(1));
        vm.open("Documents");
        assertThat(names(vm.entries())).containsExactly("notes", "a.txt");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void showsTheVersionsOfAFileAcrossSnapshots() {
        vm.reload();
        vm.open("Documents");
        EntryItem a = vm.entries().stream()
                .filter(e -> e.name().equals("a.txt"))
                .findFirst()
                .orElseThrow();
        vm.showVersions(a);
        assertThat(vm.versionsOfProperty().get()).isEqualTo("Documents/a.txt");
        assertThat(vm.versions()).extracting(VersionItem::size).containsExactly(14L, 5L);
        assertThat(vm.versions().get(0).snapshot()).isEqualTo(vm.snapshots().get(0));

        EntryItem added = vm.entries().stream()
                .filter(e -> e.name().equals("new.txt"))
                .findFirst()
                .orElseThrow();
        vm.showVersions(added);
        assertThat(vm.versions()).singleElement().extracting(VersionItem::size).isEqualTo(3L);
    }

    @Test
    void restoresAFileToAChosenFolderByteForByte() throws Exception {
        vm.reload();
        Path target = Files.createDirectories(dir.resolve("elsewhere"));
        vm.restore(vm.snapshots().get(0), "Documents/notes/big.bin", target);
        assertThat(vm.restoringProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(Files.readAllBytes(target.resolve("Documents/notes/big.bin")))
                .isEqualTo(big);
        assertThat(vm.reportProperty().get()).isNotNull();
        assertThat(vm.reportProperty().get().files()).isEqualTo(1);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.reportTextProperty().get()).startsWith("Restored 1 file (293 KB) into " + target);
        assertThat(monitor.activity().entries().getFirst().kind()).isEqualTo(Activity.Kind.RESTORED);
        assertThat(monitor.activity().entries().getFirst().text())
                .startsWith("Restored 1 file (293 KB) into " + target);
    }

    @Test
    void restoringToTheOriginalPlaceSkipsWhatExistsAndBringsBackWhatIsGone() throws Exception {
        vm.reload();
        Files.delete(docs.resolve("notes/big.bin"));
        SnapshotItem older = vm.snapshots().get(1);
        assertThat(RestoreViewModel.originalTarget(older, "Documents/a.txt")).isEqualTo(dir);

        vm.restoreToOriginal(older, "Documents");
        assertThat(vm.errorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(Files.readAllBytes(docs.resolve("notes/big.bin"))).isEqualTo(big);
        assertThat(Files.readString(docs.resolve("a.txt"))).isEqualTo("second, longer");
        assertThat(vm.reportProperty().get().skippedExisting()).containsExactly("Documents/a.txt");
        assertThat(vm.reportTextProperty().get())
                .contains("Restored 1 file")
                .contains("Skipped 1 that already exists (nothing is overwritten): Documents/a.txt");
    }

    @Test
    void aMissingPathIsReportedNotThrown() {
        vm.reload();
        vm.open("Documents/nope");
        assertThat(vm.errorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isNotBlank();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aRefreshFollowsTheNewestSnapshotUnlessAnOlderOneWasPicked() throws Exception {
        vm.reload();
        vm.select(vm.snapshots().get(1));
        Files.writeString(docs.resolve("third.txt"), "3");
        running.sync().syncNow();
        TestGateway.awaitStatus(running.sync(), s -> s.snapshotsTaken() >= 3, Duration.ofSeconds(30));
        vm.reload();
        assertThat(vm.snapshots()).hasSize(3);
        assertThat(vm.snapshotProperty().get()).isEqualTo(vm.snapshots().get(2));

        vm.select(vm.snapshots().get(0));
        Files.writeString(docs.resolve("fourth.txt"), "4");
        running.sync().syncNow();
        TestGateway.awaitStatus(running.sync(), s -> s.snapshotsTaken() >= 4, Duration.ofSeconds(30));
        vm.reload();
        assertThat(vm.snapshots()).hasSize(4);
        assertThat(vm.snapshotProperty().get()).isEqualTo(vm.snapshots().get(0));
    }
}
