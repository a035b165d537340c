package dev.walrussync.ui.main;

import static dev.walrussync.ui.testing.FxWait.await;
import static dev.walrussync.ui.testing.FxWait.showing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.tray.TrayIntegration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
 * The window without a mouse: Ctrl+digit shows a screen, Ctrl +/−/0 scale the text; and pausing for an hour from the
 * status bar, with the window's banner standing in for the missing tray's notifications.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeyboardAndPauseUiTest {
    @TempDir
    static Path dir;

    private TestGateway gateway;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private AppFlow flow;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        gateway = new TestGateway(Files.createTempDirectory(dir, "run"));
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        flow = new AppFlow(
                new UiContext(
                        gateway,
                        background,
                        scheduler,
                        new Random(3),
                        TrayIntegration.none(),
                        (owner, t) -> null,
                        StartAtLogin.unavailable("not in tests")),
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

    private void unlock(FxRobot robot) throws Exception {
        PasswordField pass = robot.lookup("#passphrase").queryAs(PasswordField.class);
        robot.interact(() -> pass.setText(TestRepositories.PASSPHRASE));
        robot.clickOn(pass).type(KeyCode.ENTER);
        await("the dashboard", () -> showing(robot, ".headline"));
    }

    @Test
    void shortcutsShowScreensAndScaleTheText(FxRobot robot) throws Exception {
        unlock(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await("the restore screen", () -> showing(robot, "#snapshotList"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        await("the nodes screen", () -> showing(robot, "#nodeTable"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        await("the dashboard again", () -> showing(robot, ".headline"));

        double before = robot.lookup(".headline").queryAs(Label.class).getFont().getSize();
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        await("two steps larger", () -> flow.fontSize() == AppFlow.DEFAULT_FONT_SIZE + 2);
        await(
                "larger text",
                () -> robot.lookup(".headline").queryAs(Label.class).getFont().getSize() > before * 1.1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        await(
                "the normal size again",
                () -> robot.lookup(".headline").queryAs(Label.class).getFont().getSize() == before);
        assertThat(stage.getScene().getRoot().getStyle()).isEmpty();
    }

    @Test
    void pausingForAnHourFromTheStatusBarSaysUntilWhen(FxRobot robot) throws Exception {
        unlock(robot);
        robot.clickOn("#pauseMenu");
        robot.clickOn("For 1 hour");
        await(
                "the paused status line",
                () -> robot.lookup(".status-line")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Paused until "));
        assertThat(gateway.opened().getFirst().sync().policy().resumeAt()).isNotNull();
        await("the resume button", () -> showing(robot, "#resumeButton"));
        assertThat(showing(robot, "#pauseMenu")).isFalse();

        robot.clickOn("#resumeButton");
        await(
                "backups resumed",
                () -> !gateway.opened().getFirst().sync().policy().paused());
        await("the pause menu back", () -> showing(robot, "#pauseMenu"));
    }
}
