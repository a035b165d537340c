package dev.walrussync.ui.settings;

import static dev.walrussync.ui.testing.FxWait.await;
import static dev.walrussync.ui.testing.FxWait.showing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.settings.StartAtLogin.Flavour;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.tray.TrayIntegration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Smoke test of the settings screen in the real window on Monocle: reached from the navigation, the upload limit
 * changed with the keyboard (Tab from the schedule, typing, Alt+B to save), the confirmation shown and {@code
 * sync.json} changed; then a notification turned off and saved into {@code desktop.json}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest {
    @TempDir
    static Path dir;

    private TestGateway gateway;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private AppFlow flow;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "run");
        gateway = new TestGateway(root);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        StartAtLogin startAtLogin = StartAtLogin.of(
                Flavour.XDG, root.resolve("autostart/walrus-sync.desktop"), List.of("/usr/bin/walrus-sync"), Map.of());
        flow = new AppFlow(
                new UiContext(
                        gateway,
                        background,
                        scheduler,
                        new Random(3),
                        TrayIntegration.none(),
                        (owner, t) -> null,
                        startAtLogin),
                stage);
        flow.begin();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(flow::shutdown).get(10, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.shutdownNow();
        gateway.close();
    }

    @Test
    void theUploadLimitIsChangedWithTheKeyboardAndSaved(FxRobot robot) throws Exception {
        PasswordField pass = robot.lookup("#passphrase").queryAs(PasswordField.class);
        robot.interact(() -> pass.setText(TestRepositories.PASSPHRASE));
        robot.clickOn(pass).type(KeyCode.ENTER);
        await("the dashboard", () -> showing(robot, ".headline"));

        robot.clickOn("#navigation").type(KeyCode.END);
        await("the settings screen", () -> showing(robot, "#bandwidth"));
        await(
                "the form filled in",
                () -> !robot.lookup("#backupForm").query().isDisabled()
                        && !robot.lookup("#desktopForm").query().isDisabled());
        assertThat(robot.lookup("#networkTitle").queryAs(Label.class).getText()).startsWith("A folder: ");
        assertThat(robot.lookup("#renewalNote").queryAs(Label.class).getText()).contains("nothing to renew");
        assertThat(robot.lookup("#renewalForm").query().isDisabled()).isTrue();

        ComboBox<?> schedule = robot.lookup("#scheduleChoice").queryAs(ComboBox.class);
        TextField bandwidth = robot.lookup("#bandwidth").queryAs(TextField.class);
        robot.interact(schedule::requestFocus);
        robot.type(KeyCode.TAB);
        await("the upload limit focused by Tab", bandwidth::isFocused);
        robot.push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.DIGIT3);
        await("the typed limit", () -> bandwidth.getText().equals("3"));
        robot.push(KeyCode.ALT, KeyCode.B);

        await(
                "the confirmation",
                () -> robot.lookup("#backupMessage")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Saved."));
        assertThat(robot.lookup("#backupMessage").queryAs(Label.class).getText())
                .contains("3 MB/s");
        SyncPolicy saved = SyncSettings.load(gateway.home()).policy();
        assertThat(saved).isNotNull();
        assertThat(saved.bandwidthLimit()).isEqualTo(3L << 20);

        // Bad input: refused in words, the form kept as typed, nothing written.
        robot.interact(() -> bandwidth.setText("-1"));
        robot.interact(() -> robot.lookup("#saveBackupButton").queryButton().fire());
        await(
                "the refusal",
                () -> robot.lookup("#backupMessage")
                        .queryAs(Label.class)
                        .getText()
                        .contains("cannot be negative"));
        assertThat(robot.lookup("#backupMessage").queryAs(Label.class).getStyleClass())
                .contains("error-text");
        assertThat(bandwidth.getText()).isEqualTo("-1");
        assertThat(SyncSettings.load(gateway.home()).policy().bandwidthLimit()).isEqualTo(3L << 20);

        CheckBox restoreDone = robot.lookup("#notifyRestoreDone").queryAs(CheckBox.class);
        ScrollPane page = robot.lookup("#page").queryAs(ScrollPane.class);
        robot.interact(() -> page.setVvalue(0));
        robot.interact(restoreDone::requestFocus);
        // The page follows the keyboard: the focused box at the bottom is scrolled into view.
        await("the page scrolled to the focused box", () -> page.getVvalue() > 0.5);
        robot.type(KeyCode.SPACE);
        await("the box unticked", () -> !restoreDone.isSelected());
        robot.push(KeyCode.ALT, KeyCode.N);
        await(
                "the notifications saved",
                () -> robot.lookup("#desktopMessage")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Saved."));
        assertThat(DesktopPreferences.load(gateway.home()).notifyRestoreDone()).isFalse();
    }
}
