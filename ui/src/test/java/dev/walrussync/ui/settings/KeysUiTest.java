package dev.walrussync.ui.settings;

import static dev.walrussync.ui.testing.FxWait.await;
import static dev.walrussync.ui.testing.FxWait.showing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.session.Network;
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
import javafx.scene.control.TableView;
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
 * The Keys section in the real window on Monocle: a passphrase added with the keyboard (its mnemonic), then the app
 * started again and unlocked with it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeysUiTest {
    private static final String ADDED = "a second passphrase";

    @TempDir
    static Path dir;

    private TestGateway gateway;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private UiContext context;
    private Stage stage;
    private AppFlow flow;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = Files.createTempDirectory(dir, "run");
        gateway = new TestGateway(root);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        context = new UiContext(
                gateway,
                background,
                scheduler,
                new Random(3),
                TrayIntegration.none(),
                (owner, t) -> null,
                StartAtLogin.unavailable("not in tests"));
        flow = new AppFlow(context, stage);
        flow.begin();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(flow::shutdown).get(10, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.shutdownNow();
        gateway.close();
    }

    private void unlock(FxRobot robot, String passphrase) throws Exception {
        PasswordField pass = robot.lookup("#passphrase").queryAs(PasswordField.class);
        robot.interact(() -> pass.setText(passphrase));
        robot.clickOn(pass).type(KeyCode.ENTER);
        await("the dashboard", () -> showing(robot, ".headline"));
    }

    @Test
    void aPassphraseAddedInTheKeysSectionUnlocksTheNextStart(FxRobot robot) throws Exception {
        unlock(robot, TestRepositories.PASSPHRASE);
        robot.clickOn("#navigation").type(KeyCode.END);
        TableView<?> table = robot.lookup("#keySlotTable").queryAs(TableView.class);
        await(
                "the key slots",
                () -> showing(robot, "#keySlotTable") && table.getItems().size() == 2);
        assertThat(((KeySlotItem) table.getItems().get(0)).inUse()).isEqualTo("Unlocked this session");

        PasswordField pass = robot.lookup("#newPassphrase").queryAs(PasswordField.class);
        PasswordField again = robot.lookup("#newPassphraseAgain").queryAs(PasswordField.class);
        robot.interact(pass::requestFocus);
        robot.write(ADDED);
        // Tab leads from the field to the next one.
        robot.type(KeyCode.TAB);
        await("the second field focused", again::isFocused);
        robot.write(ADDED);
        await("both typed", () -> ADDED.equals(pass.getText()) && ADDED.equals(again.getText()));
        robot.push(KeyCode.ALT, KeyCode.A);

        await(
                "the confirmation",
                () -> robot.lookup("#keysMessage")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Added."));
        assertThat(table.getItems()).hasSize(3);
        assertThat(pass.getText()).isEmpty();

        // Quit and start again: the unlock page takes the new passphrase.
        robot.interact(() -> {
            flow.shutdown();
            flow = new AppFlow(context, stage);
            flow.begin();
        });
        await("the unlock page", () -> showing(robot, "#unlockButton"));
        unlock(robot, ADDED);
    }
}
