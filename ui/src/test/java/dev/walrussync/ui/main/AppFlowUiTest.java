package dev.walrussync.ui.main;

import static dev.walrussync.ui.testing.FxWait.await;
import static dev.walrussync.ui.testing.FxWait.showing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.ui.fx.AppIcons;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.tray.TrayIntegration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
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
 * Smoke test of the real window on Monocle (headless): onboarding creates a repository, adds a folder, and the
 * dashboard shows it backed up. Buttons are clicked by the robot; text is set directly, which is what typing ends in.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AppFlowUiTest {
    private static final String PASSPHRASE = "a long enough passphrase";

    @TempDir
    static Path dir;

    private TestGateway gateway;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private AppFlow flow;
    private Path documents;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = Files.createTempDirectory(dir, "run");
        documents = Files.createDirectories(root.resolve("Documents"));
        Files.writeString(documents.resolve("notes.txt"), "hello walrus");
        gateway = new TestGateway(root);
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        UiContext context = new UiContext(
                gateway,
                background,
                scheduler,
                new Random(3),
                TrayIntegration.none(),
                (owner, title) -> documents,
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

    private void type(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    @Test
    void onboardingCreatesARepositoryAndTheDashboardShowsTheFolderBackedUp(FxRobot robot) throws Exception {
        robot.clickOn("#createOption");
        assertThat(showing(robot, "#networkPage")).isTrue();
        robot.clickOn("#networkNext");

        type(robot, "#passphrase", PASSPHRASE);
        type(robot, "#passphraseAgain", PASSPHRASE);
        robot.clickOn("#createButton");
        await("the recovery phrase", () -> showing(robot, "#recoveryPage") && showing(robot, "#word24"));
        assertThat(gateway.network()).isEqualTo(Network.LOCAL);

        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            words.add(robot.lookup("#word" + i).queryAs(Label.class).getText());
        }
        robot.clickOn("#writtenButton");
        for (int i = 0; i < 3; i++) {
            String asked =
                    robot.lookup("#confirmLabel" + i).queryAs(Label.class).getText();
            int n = Integer.parseInt(asked.replace("Word ", ""));
            type(robot, "#confirmWord" + i, words.get(n - 1));
        }
        robot.clickOn("#confirmButton");
        await("the folders page", () -> showing(robot, "#foldersPage"));

        robot.clickOn("#addFolderButton");
        ListView<?> folders = robot.lookup("#folderList").queryAs(ListView.class);
        await("the added folder", () -> folders.getItems().size() == 1);
        robot.clickOn("#finishButton");

        await(
                "the dashboard with the folder saved",
                () -> robot.lookup(".folder-card").queryAll().stream()
                        .anyMatch(card -> robot.from(card)
                                .lookup((Label l) -> l.getText().startsWith("Saved "))
                                .tryQuery()
                                .isPresent()));
        Label headline = robot.lookup(".headline").queryAs(Label.class);
        assertThat(headline.getText()).isEqualTo("Everything is backed up");
        assertThat(robot.lookup(".folder-card .card-title").queryAs(Label.class).getText())
                .isEqualTo("Documents");
    }

    @Test
    void theWindowHasTheAppIconAtEveryWindowSize() throws Exception {
        await("the window", stage::isShowing);
        List<Image> icons =
                WaitForAsyncUtils.asyncFx(() -> List.copyOf(stage.getIcons())).get(10, TimeUnit.SECONDS);
        assertThat(AppIcons.WINDOW_SIZES).containsExactly(16, 32, 48, 64, 128, 256);
        assertThat(icons).hasSameSizeAs(AppIcons.WINDOW_SIZES);
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            int size = AppIcons.WINDOW_SIZES.get(i);
            assertThat(icon.isError())
                    .as("the %d px icon failed: %s", size, icon.getException())
                    .isFalse();
            assertThat(icon.getWidth()).as("width of the %d px icon", size).isEqualTo(size);
            assertThat(icon.getHeight()).as("height of the %d px icon", size).isEqualTo(size);
            // a rounded square: clear in the corner, opaque in the middle
            assertThat(icon.getPixelReader().getArgb(0, 0) >>> 24).isZero();
            assertThat(icon.getPixelReader().getArgb(size / 2, size / 2) >>> 24).isEqualTo(0xFF);
        }
    }
}
