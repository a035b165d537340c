package dev.walrussync.ui.nodes;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.NodeStatus;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nodes screen's quorum arithmetic, and its view model on a real repository (a directory store). */
class NodesViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    private static NodeStatus node(String name, int shards, boolean up) {
        return new NodeStatus(
                name, "http://" + name + ":9185", shards, up, up ? "Active" : null, 12, up ? null : "refused");
    }

    @Test
    void aWriteNeedsMoreThanTwoFShardsAndAReadMoreThanF() {
        // n = 1000, f = 333: writing needs 667 shards, reading 334.
        Quorum write = Quorum.of(List.of(node("a", 667, true), node("b", 333, false)));
        assertThat(write.shards()).isEqualTo(1000);
        assertThat(write.faulty()).isEqualTo(333);
        assertThat(write.canWrite()).isTrue();
        assertThat(write.canRead()).isTrue();

        Quorum readOnly = Quorum.of(List.of(node("a", 666, true), node("b", 334, false)));
        assertThat(readOnly.canWrite()).isFalse();
        assertThat(readOnly.canRead()).isTrue();

        Quorum justRead = new Quorum(1000, 334);
        assertThat(justRead.canRead()).isTrue();
        Quorum none = new Quorum(1000, 333);
        assertThat(none.canRead()).isFalse();
        assertThat(none.canWrite()).isFalse();
    }

    @Test
    void smallCommittees() {
        // n = 4, f = 1: three shards write, two read.
        assertThat(new Quorum(4, 3).canWrite()).isTrue();
        assertThat(new Quorum(4, 2).canWrite()).isFalse();
        assertThat(new Quorum(4, 2).canRead()).isTrue();
        assertThat(new Quorum(4, 1).canRead()).isFalse();
        // n = 1, f = 0: the one shard does both.
        assertThat(new Quorum(1, 1).canWrite()).isTrue();
        assertThat(new Quorum(1, 0).canRead()).isFalse();
        // No committee: nothing works.
        assertThat(Quorum.of(List.of()).canRead()).isFalse();
        assertThat(Quorum.of(List.of()).canWrite()).isFalse();
    }

    @Test
    void rowsSayUpOrDownWithTheReason() {
        NodeItem up = NodesViewModel.item(node("a", 3, true));
        assertThat(up.up()).isTrue();
        assertThat(up.status()).isEqualTo("up — Active");
        assertThat(up.latency()).isEqualTo("12 ms");
        NodeItem down = NodesViewModel.item(node("b", 2, false));
        assertThat(down.up()).isFalse();
        assertThat(down.status()).isEqualTo("down — refused");
        assertThat(down.latency()).isEqualTo("—");
        assertThat(down.shards()).isEqualTo(2);
    }

    @Test
    void aRepositoryInAFolderHasNoNodesAndSaysSo() {
        NodesViewModel vm = new NodesViewModel(monitor);
        assertThat(vm.onWalrus()).isFalse();
        vm.refresh();
        assertThat(vm.nodes()).isEmpty();
        assertThat(vm.quorumProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(NodesViewModel.NOT_ON_WALRUS);
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
