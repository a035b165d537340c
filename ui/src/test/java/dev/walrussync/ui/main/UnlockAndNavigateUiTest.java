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

/** Smoke test on Monocle: an existing repository is unlocked, and the navigation works with the keyboard. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UnlockAndNavigateUiTest {
    @TempDir
    static Path dir;

    private TestGateway gateway;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private AppFlow flow;

    @Start
    void start(Stage stage) throws Exception {
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

    @Test
    void unlocksAndWalksTheScreensWithTheKeyboard(FxRobot robot) throws Exception {
        PasswordField pass = robot.lookup("#passphrase").queryAs(PasswordField.class);
        robot.interact(() -> pass.setText("wrong passphrase"));
        robot.clickOn("#unlockButton");
        await(
                "the wrong passphrase refused",
                () -> !robot.lookup("#error").queryAs(Label.class).getText().isEmpty());

        robot.interact(() -> pass.setText(TestRepositories.PASSPHRASE));
        robot.clickOn(pass).type(KeyCode.ENTER);
        await("the dashboard", () -> showing(robot, ".headline"));
        // The headline reads "Starting…" until the first status arrives from the background thread.
        await(
                "the dashboard's headline",
                () -> robot.lookup(".headline").queryAs(Label.class).getText().equals("No folders are protected yet"));

        robot.clickOn("#navigation").type(KeyCode.HOME).type(KeyCode.DOWN);
        await("the folders screen", () -> showing(robot, "#folderList"));

        robot.type(KeyCode.DOWN);
        await("the restore screen", () -> showing(robot, "#snapshotList"));
        await(
                "the restore screen's empty timeline",
                () -> robot.lookup("#message").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.isVisible() && l.getText().startsWith("No snapshots yet")));

        robot.interact(() -> robot.lookup("#navigation").query().requestFocus());
        robot.type(KeyCode.DOWN);
        await("the storage screen", () -> showing(robot, "#blobTable"));
        await(
                "the storage screen's note on a repository in a folder",
                () -> robot.lookup("#message").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.isVisible() && l.getText().contains("not on Walrus")));

        robot.interact(() -> robot.lookup("#navigation").query().requestFocus());
        robot.type(KeyCode.DOWN);
        await("the nodes screen", () -> showing(robot, "#nodeTable"));

        robot.interact(() -> robot.lookup("#navigation").query().requestFocus());
        robot.type(KeyCode.DOWN);
        await("the wallet screen", () -> showing(robot, "#faucetButton"));
        assertThat(robot.lookup("#faucetButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#navigation").query().requestFocus());
        robot.type(KeyCode.DOWN);
        await(
                "the settings screen",
                () -> robot.lookup(".screen-title").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().equals("Settings") && l.isVisible()));
        assertThat(robot.lookup("#renewalNote").queryAs(Label.class).getText()).contains("nothing to renew");
    }
}
