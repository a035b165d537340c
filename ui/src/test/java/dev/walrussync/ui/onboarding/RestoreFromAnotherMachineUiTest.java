package dev.walrussync.ui.onboarding;

import static dev.walrussync.ui.testing.FxWait.await;
import static dev.walrussync.ui.testing.FxWait.showing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.restore.SnapshotItem;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.tray.TrayIntegration;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
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
 * Onboarding's restore path in the real window on Monocle: machine A has backed up a folder into a directory store;
 * this window is machine B's first run, in a fresh app home. Buttons are clicked by the robot; text is set directly,
 * which is what typing ends in.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RestoreFromAnotherMachineUiTest {
    private static final String DAILY = "a daily passphrase for B";

    @TempDir
    static Path dir;

    private TestRepo machineA;
    private TestGateway gateway;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private AppFlow flow;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "run");
        machineA = TestRepositories.init(root.resolve("a"));
        Path documents = Files.createDirectories(root.resolve("Documents"));
        Files.writeString(documents.resolve("notes.txt"), "hello from machine A");
        try (RepositorySession session = machineA.open()) {
            TestRepositories.backup(session, documents);
        }
        // "Walrus" is machine A's store, and so is the folder the chooser picks.
        gateway = new TestGateway(root.resolve("b").resolve("home"), machineA.store());
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        flow = new AppFlow(
                new UiContext(
                        gateway,
                        background,
                        scheduler,
                        new Random(3),
                        TrayIntegration.none(),
                        (owner, title) -> machineA.store(),
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

    private static void type(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    private String phrase() {
        return String.join(" ", machineA.created().recoveryWords());
    }

    /** From the welcome page to the keys page, on testnet with a wallet key. */
    private static void toKeysOnTestnet(FxRobot robot, String walletKey) {
        robot.clickOn("#restoreOption");
        assertThat(showing(robot, "#restoreNetworkTitle")).isTrue();
        assertThat(showing(robot, "#networkTitle")).isFalse();
        robot.clickOn("#testnetOption");
        robot.clickOn("#networkNext");
        assertThat(showing(robot, "#restoreKeysPage")).isTrue();
        type(robot, "#walletKey", walletKey);
    }

    @Test
    void restoresFromAFolderWithThePhraseAddsAPassphraseAndOpensTheRestoreScreen(FxRobot robot) throws Exception {
        robot.clickOn("#restoreOption");
        robot.clickOn("#folderOption");
        robot.clickOn("#chooseFolderButton");
        await(
                "the chosen folder",
                () -> text(robot, "#folderPath").equals(machineA.store().toString()));
        robot.clickOn("#networkNext");
        await("the keys page", () -> showing(robot, "#restoreKeysPage"));
        assertThat(showing(robot, "#walletKeyBox"))
                .as("a folder needs no wallet key")
                .isFalse();
        type(robot, "#recoveryPhrase", phrase());
        assertThat(text(robot, "#phraseCount")).isEqualTo("24 words");
        robot.clickOn("#recoverButton");

        await("the summary", () -> showing(robot, "#restoreSummaryPage"));
        assertThat(showing(robot, "#summaryTitleComplete")).isTrue();
        assertThat(text(robot, "#summaryText"))
                .startsWith("Backup " + machineA.created().repositoryId().substring(0, 8)
                        + " is set up on this computer, with 1 snapshot.");
        assertThat(showing(robot, "#gapsBox")).isFalse();
        assertThat(text(robot, "#recoverStep4")).isEqualTo("Rebuilt the index from 1 snapshot");
        robot.clickOn("#summaryPassphraseButton");

        await("the passphrase page", () -> showing(robot, "#restorePassphrasePage"));
        type(robot, "#newPassphrase", DAILY);
        type(robot, "#newPassphraseAgain", DAILY);
        robot.clickOn("#addPassphraseButton");

        await(
                "the Restore screen with A's snapshot",
                () -> showing(robot, "#snapshotList")
                        && robot.lookup("#snapshotList")
                                        .queryAs(ListView.class)
                                        .getItems()
                                        .size()
                                == 1);
        SnapshotItem snapshot = (SnapshotItem)
                robot.lookup("#snapshotList").queryAs(ListView.class).getItems().getFirst();
        assertThat(snapshot.detail()).startsWith("Documents — 1 file");
        Node selected = robot.from(robot.lookup("#navigation").queryAs(Node.class))
                .lookup((ListCell<?> c) -> c.isSelected())
                .query();
        assertThat(((ListCell<?>) selected).getText()).isEqualTo("Restore");
        assertThat(gateway.recoveredFrom()).isEqualTo(new RecoverySource.InFolder(machineA.store()));

        // The passphrase now opens the repository: the next start unlocks with it.
        WaitForAsyncUtils.asyncFx(flow::shutdown).get(10, TimeUnit.SECONDS);
        gateway.unlock(DAILY.toCharArray()).close();
    }

    @Test
    void aWrongPhraseIsNamedAndEverythingTypedStays(FxRobot robot) throws Exception {
        String key = Ed25519Keypair.generate(new SecureRandom()).toSuiPrivateKey();
        toKeysOnTestnet(robot, key);
        String other = String.join(
                " ",
                TestRepositories.init(dir.resolve("other-" + System.nanoTime()))
                        .created()
                        .recoveryWords());
        type(robot, "#recoveryPhrase", other);
        robot.clickOn("#recoverButton");

        await(
                "the error",
                () -> showing(robot, "#error") && !text(robot, "#error").isEmpty());
        assertThat(text(robot, "#error")).startsWith("These 24 words do not open the backup.");
        assertThat(showing(robot, "#restoreKeysPage")).isTrue();
        assertThat(field(robot, "#recoveryPhrase")).isEqualTo(other);
        assertThat(field(robot, "#walletKey")).isEqualTo(key);
        await(
                "the phrase focused",
                () -> robot.lookup("#recoveryPhrase").query().isFocused());
        assertThat(gateway.recoveredFrom()).isEqualTo(new RecoverySource.OnWalrus(Network.TESTNET, key));
        assertThat(gateway.exists()).isFalse();

        // Fixed, it works at once.
        type(robot, "#recoveryPhrase", phrase());
        robot.clickOn("#recoverButton");
        await("the summary", () -> showing(robot, "#restoreSummaryPage"));
    }

    @Test
    void aPhraseWithoutTwentyFourWordsIsRefusedBeforeAnythingRuns(FxRobot robot) throws Exception {
        toKeysOnTestnet(robot, Ed25519Keypair.generate(new SecureRandom()).toSuiPrivateKey());
        List<String> words = machineA.created().recoveryWords();
        type(robot, "#recoveryPhrase", String.join(" ", words.subList(0, 23)));
        assertThat(text(robot, "#phraseCount")).isEqualTo("23 of 24 words");
        // Tab leaves the phrase's text area for the next control, as from a field, and types no tab.
        robot.clickOn("#recoveryPhrase").type(KeyCode.TAB);
        await("Back focused", () -> robot.lookup("#restoreKeysBack").query().isFocused());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        await(
                "the phrase focused again",
                () -> robot.lookup("#recoveryPhrase").query().isFocused());
        assertThat(field(robot, "#recoveryPhrase")).doesNotContain("\t");
        robot.clickOn("#recoverButton");

        await(
                "the error",
                () -> showing(robot, "#error") && !text(robot, "#error").isEmpty());
        assertThat(text(robot, "#error"))
                .isEqualTo("The recovery phrase has 24 words, and 23 are typed: 1 word is missing. Check your paper"
                        + " for a line you skipped.");
        assertThat(showing(robot, "#restoreKeysPage")).isTrue();
        assertThat(gateway.recoveredFrom()).as("nothing ran").isNull();
        assertThat(field(robot, "#recoveryPhrase")).isEqualTo(String.join(" ", words.subList(0, 23)));
    }
}
