package dev.walrussync.ui.folders;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    FoldersViewModel vm;
    Path docs;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        vm = new FoldersViewModel(monitor);
        docs = Files.createDirectories(dir.resolve("Documents"));
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    @Test
    void addsAndRemovesAFolder() throws Exception {
        vm.add(docs);
        assertThat(vm.folders()).singleElement().extracting(FolderItem::path).isEqualTo(docs.toString());
        assertThat(vm.errorProperty().get()).isFalse();
        assertThat(running.sync().status().folders()).hasSize(1);

        vm.remove(docs.toString());
        assertThat(vm.folders()).isEmpty();
        assertThat(SyncSettings.load(gateway.home()).folders()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("snapshots stay restorable");
    }

    @Test
    void overlappingFolderIsRefusedWithTheReason() throws Exception {
        vm.add(docs);
        vm.add(Files.createDirectories(docs.resolve("inner")));
        assertThat(vm.errorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("overlaps");
        assertThat(vm.folders()).hasSize(1);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void savesExcludesOneAPatternALine() throws Exception {
        vm.add(docs);
        vm.setExcludes(docs.toString(), "*.tmp\n\n  node_modules/  \n");
        assertThat(vm.folders()).hasSize(1);
        assertThat(vm.folders().get(0).excludes()).containsExactly("*.tmp", "node_modules/");
        assertThat(SyncSettings.load(gateway.home()).folder(docs).orElseThrow().excludes())
                .containsExactly("*.tmp", "node_modules/");
    }

    @Test
    void oneFolderPausesAndResumesAndKeepsItsExcludes() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("Photos"));
        vm.add(docs);
        vm.add(photos);
        vm.setExcludes(docs.toString(), "*.tmp");
        // A backup under way finishes; wait for the first ones, so the pause is what the state shows.
        TestGateway.awaitStatus(
                running.sync(),
                s -> s.folders().stream().allMatch(f -> f.lastSnapshotAt() != null && f.state() == FolderState.IDLE),
                Duration.ofSeconds(30));
        vm.setFolderPaused(docs.toString(), true);
        assertThat(vm.errorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(running.sync().policy().paused()).as("only the folder").isFalse();
        assertThat(SyncSettings.load(gateway.home()).folder(docs).orElseThrow().paused())
                .isTrue();
        FolderItem paused = vm.folders().getFirst();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.state()).startsWith("Paused");
        assertThat(vm.folders().get(1).paused()).isFalse();
        assertThat(vm.folders().get(1).state()).isNotEqualTo("Paused");

        vm.setExcludes(docs.toString(), "*.tmp\n*.bak");
        assertThat(SyncSettings.load(gateway.home()).folder(docs).orElseThrow())
                .as("editing excludes keeps the pause")
                .extracting(f -> f.paused())
                .isEqualTo(true);

        vm.setFolderPaused(docs.toString(), false);
        assertThat(vm.folders().getFirst().paused()).isFalse();
        assertThat(SyncSettings.load(gateway.home()).folder(docs).orElseThrow().excludes())
                .containsExactly("*.tmp", "*.bak");
    }

    @Test
    void syncNowBacksUpAtOnce() throws Exception {
        Files.writeString(docs.resolve("a.txt"), "a");
        vm.add(docs);
        TestGateway.awaitStatus(
                running.sync(), s -> s.folders().get(0).lastSnapshotAt() != null, Duration.ofSeconds(30));
        long before = running.sync().status().snapshotsTaken();
        Files.writeString(docs.resolve("b.txt"), "b");
        vm.syncNow();
        TestGateway.awaitStatus(running.sync(), s -> s.snapshotsTaken() > before, Duration.ofSeconds(30));
        assertThat(vm.messageProperty().get()).isEqualTo("Backing up every folder now.");
    }
}
