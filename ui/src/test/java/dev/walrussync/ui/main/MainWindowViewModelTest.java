package dev.walrussync.ui.main;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {
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

    @Test
    void pauseAndResumeReachTheServiceAndTheStatusLine() {
        MainWindowViewModel vm = new MainWindowViewModel(monitor, true);
        monitor.refreshStatus();
        assertThat(vm.statusLineProperty().get()).isEqualTo("No folders yet");

        vm.togglePause();
        assertThat(running.sync().policy().paused()).isTrue();
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.statusLineProperty().get()).startsWith("Paused");

        vm.togglePause();
        assertThat(running.sync().policy().paused()).isFalse();
        assertThat(vm.pausedProperty().get()).isFalse();
    }

    @Test
    void withoutATrayTheWindowSaysItIsTheApp() {
        assertThat(new MainWindowViewModel(monitor, false).trayNoteProperty().get())
                .contains("no system tray");
        assertThat(new MainWindowViewModel(monitor, true).trayNoteProperty().get())
                .isEmpty();
    }
}
