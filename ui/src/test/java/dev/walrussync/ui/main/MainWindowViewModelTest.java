package dev.walrussync.ui.main;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.settings.DesktopPreferences;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.tray.TrayIntegration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    private MainWindowViewModel viewModel(boolean tray) {
        Notifications notifications = new Notifications(
                monitor.activity(), TrayIntegration.none(), running.home(), DIRECT, DIRECT, () -> false);
        return new MainWindowViewModel(monitor, tray, notifications, ZoneOffset.UTC);
    }

    @Test
    void pauseAndResumeReachTheServiceAndTheStatusLine() {
        MainWindowViewModel vm = viewModel(true);
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
    void pausingForAWhileSaysUntilWhenAndEndsByItself() throws Exception {
        MainWindowViewModel vm = viewModel(true);
        vm.pauseForAWhile();
        SyncPolicy p = running.sync().policy();
        assertThat(p.paused()).isTrue();
        assertThat(p.resumeAt()).isNotNull();
        assertThat(Duration.between(monitor.statusProperty().get().at(), p.resumeAt()))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        String until = DateTimeFormatter.ofPattern("HH:mm").format(p.resumeAt().atZone(ZoneOffset.UTC));
        assertThat(vm.statusLineProperty().get()).isEqualTo("Paused until " + until + " · 0 folders");
        assertThat(vm.pausedProperty().get()).isTrue();

        vm.pauseFor(Duration.ofMillis(300));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (running.sync().policy().paused() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running.sync().policy().paused())
                .as("resumed by the service")
                .isFalse();
        monitor.refreshStatus();
        assertThat(vm.pausedProperty().get()).isFalse();
        assertThat(vm.statusLineProperty().get()).isEqualTo("No folders yet");
    }

    @Test
    void withoutATrayNotificationsShowInTheWindow() throws Exception {
        MainWindowViewModel vm = viewModel(false);
        monitor.activity().restored("3 files restored to /tmp/x");
        assertThat(vm.bannerProperty().get()).isNotNull();
        assertThat(vm.bannerProperty().get().text()).isEqualTo("3 files restored to /tmp/x");
        vm.dismissBanner();
        assertThat(vm.bannerProperty().get()).isNull();

        new DesktopPreferences(false, true, true, true, false).save(running.home());
        monitor.activity().restored("again");
        assertThat(vm.bannerProperty().get()).as("turned off in the settings").isNull();
    }

    @Test
    void withoutATrayTheWindowSaysItIsTheApp() {
        assertThat(viewModel(false).trayNoteProperty().get()).contains("no system tray");
        assertThat(viewModel(true).trayNoteProperty().get()).isEmpty();
    }
}
