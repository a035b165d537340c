package dev.walrussync.app.desktop;

import static dev.walrussync.app.desktop.DesktopWindow.await;
import static dev.walrussync.app.desktop.DesktopWindow.text;
import static dev.walrussync.app.desktop.DesktopWindow.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.app.watch.WatchTesting;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.ui.folders.FolderItem;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.nodes.NodeItem;
import dev.walrussync.ui.restore.EntryItem;
import dev.walrussync.ui.restore.SnapshotItem;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.storage.BlobItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
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
 * The desktop app's journey, driven by the robot against the real {@link DesktopGateway} and the embedded local Walrus
 * network (real HTTP servers on loopback): onboarding on the local network (passphrase, the 24 words, three of them
 * asked back), a folder added on the Folders screen and its backup finishing on the dashboard, a deleted file
 * restored in place from the Restore screen byte for byte, and the Storage, Nodes and Wallet screens reading the
 * network.
 *
 * <p>It runs headless on Monocle in {@code ./mvnw verify}. With {@code -Dscreenshots.dir=DIR} it also saves the
 * README's screenshots there, which are best taken from a real window: {@code xvfb-run -a ./mvnw -pl app test
 * -Dtest=DesktopJourneyUiTest -Dtestfx.headless=false -Dscreenshots.dir=$PWD/docs/screenshots}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DesktopJourneyUiTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;

    private final Screenshots screenshots = new Screenshots();
    private final Map<String, byte[]> photos = new LinkedHashMap<>();
    private Path run;
    private Path documents;
    private Path pictures;
    private Stage stage;
    private AppFlow flow;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        run = dir; // short paths read better in the screenshots
        documents = Files.createDirectories(run.resolve("Documents"));
        Random random = new Random(42);
        for (String name : List.of("Taxes 2025.pdf", "Holiday plan.odt", "Recipes.md", "Budget.ods")) {
            Files.write(documents.resolve(name), bytes(random, 20_000 + random.nextInt(20_000)));
        }
        pictures = Files.createDirectories(run.resolve("Pictures"));
        for (int i = 1; i <= 3; i++) {
            String name = String.format("IMG_%04d.jpg", 2040 + i);
            byte[] data = bytes(random, 40_000 + random.nextInt(40_000));
            Files.write(pictures.resolve(name), data);
            photos.put(name, data);
        }
        Repositories engine = WatchTesting.embeddedEngine();
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        // Documents is chosen during onboarding, Pictures later on the Folders screen.
        Deque<Path> chosen = new ArrayDeque<>(List.of(documents, pictures));
        UiContext context = new UiContext(
                new DesktopGateway(engine, run.resolve("home"), () -> {}),
                background,
                scheduler,
                new Random(7),
                new WindowBesideTray(),
                (owner, title) -> chosen.poll(),
                StartAtLogin.unavailable("not in tests"));
        flow = new AppFlow(context, stage);
        flow.begin();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] data = new byte[n];
        random.nextBytes(data);
        return data;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(flow::shutdown).get(30, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.shutdownNow();
    }

    @Test
    void onboardAddAFolderWatchItsBackupRestoreAFileAndReadTheNetwork(FxRobot robot) throws Exception {
        // Onboarding: the local network, a passphrase, the recovery phrase and three of its words asked back.
        shoot("onboarding-welcome");
        robot.clickOn("#createOption");
        assertThat(robot.lookup("#localOption").queryAs(RadioButton.class).isSelected())
                .as("the local network is the default")
                .isTrue();
        shoot("onboarding-network");
        robot.clickOn("#networkNext");
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#passphraseAgain").write(PASSPHRASE);
        robot.clickOn("#createButton");
        await("the recovery phrase", () -> visible(robot, "#recoveryPage") && visible(robot, "#word24"));
        shoot("onboarding-recovery");
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            words.add(text(robot, "#word" + i));
        }
        assertThat(words).allMatch(w -> w.matches("[a-z]+"));
        robot.clickOn("#writtenButton");
        for (int i = 0; i < 3; i++) {
            int n = Integer.parseInt(text(robot, "#confirmLabel" + i).replace("Word ", ""));
            robot.clickOn("#confirmWord" + i).write(words.get(n - 1));
        }
        robot.clickOn("#confirmButton");
        await("the folders page", () -> visible(robot, "#foldersPage"));
        assertThat(Repositories.exists(run.resolve("home"))).isTrue();
        robot.clickOn("#addFolderButton");
        await(
                "Documents in the list",
                () -> robot.lookup("#folderList").queryListView().getItems().size() == 1);
        shoot("onboarding-folders");
        robot.clickOn("#finishButton");

        // The dashboard shows Documents backed up; Pictures is added on the Folders screen.
        await("Documents saved", () -> saved(robot, "Documents"));
        navigate(robot, "Folders");
        await("the folders screen", () -> visible(robot, ".folder-list"));
        assertThat(robot.lookup(".folder-list").queryListView().getItems()).hasSize(1);
        robot.clickOn("#addButton");
        await(
                "Pictures in the list",
                () -> robot.lookup(".folder-list").queryListView().getItems().size() == 2);
        assertThat(robot.lookup(".folder-list").queryListView().getItems().toString())
                .contains(pictures.toString());
        // Cells stay while the list refreshes their content, so the robot clicks cells, not the labels inside.
        Node documentsRow = robot.from(node(robot, ".folder-list"))
                .lookup((ListCell<?> c) ->
                        c.getItem() instanceof FolderItem f && f.path().equals(documents.toString()))
                .query();
        robot.clickOn(documentsRow);
        robot.clickOn("#excludes")
                .write("*.tmp")
                .type(KeyCode.ENTER)
                .write(".cache/")
                .type(KeyCode.ENTER)
                .write("node_modules/");
        robot.clickOn("#saveExcludesButton");
        await("the excludes saved", () -> text(robot, "#message").startsWith("Saved 3 exclude patterns"));
        shoot("folders");

        navigate(robot, "Dashboard");
        await(
                "Pictures saved, nothing else to do, and the balances read",
                () -> saved(robot, "Pictures")
                        && text(robot, ".headline").equals("Everything is backed up")
                        && !text(robot, ".tile-value").equals("—"));
        shoot("dashboard");

        // A picture is lost on disk and restored in place from the snapshot that has it.
        String lost = "IMG_2042.jpg";
        Files.delete(pictures.resolve(lost));
        navigate(robot, "Restore");
        await(
                "the Pictures snapshot",
                () -> visible(robot, "#snapshotList") && snapshotCell(robot, "Pictures — 3 files") != null);
        robot.clickOn(snapshotCell(robot, "Pictures — 3 files"));
        await("the snapshot's top level", () -> entryCell(robot, "Pictures/") != null);
        robot.doubleClickOn(entryCell(robot, "Pictures/"));
        await("the Pictures folder", () -> entryCell(robot, lost) != null);
        assertThat(robot.lookup("#entryTable").queryTableView().getItems()).hasSize(3);
        robot.clickOn(entryCell(robot, lost));
        robot.clickOn("#versionsButton");
        await(
                "its one version",
                () -> robot.lookup("#versionList").queryListView().getItems().size() == 1);
        robot.clickOn("#originalButton");
        await("the restore report", () -> !text(robot, "#reportText").isEmpty());
        assertThat(text(robot, "#reportText")).startsWith("Restored 1 file (").contains(run.toString());
        assertThat(text(robot, "#message")).isEqualTo("Restore finished.");
        for (var photo : photos.entrySet()) {
            assertThat(pictures.resolve(photo.getKey())).hasBinaryContent(photo.getValue());
        }
        shoot("restore");

        // Storage, Nodes and Wallet read the local network through the app's session.
        navigate(robot, "Storage");
        await("the blobs", () -> visible(robot, "#blobTable") && !blobs(robot).isEmpty());
        List<BlobItem> blobs = blobs(robot);
        assertThat(blobs).allSatisfy(b -> {
            assertThat(b.objectId()).matches("0x[0-9a-f]{64}");
            assertThat(b.blobId()).matches("[A-Za-z0-9_-]{43}");
            assertThat(b.endEpoch()).matches("\\d+");
        });
        assertThat(new HashSet<>(blobs.stream().map(BlobItem::objectId).toList()))
                .hasSameSizeAs(blobs);
        shoot("storage");

        navigate(robot, "Nodes");
        await("the nodes", () -> visible(robot, "#nodeTable") && nodes(robot).size() == EmbeddedNetworks.NODES);
        List<NodeItem> nodes = nodes(robot);
        assertThat(nodes).allMatch(NodeItem::up);
        assertThat(nodes.stream().mapToInt(NodeItem::shards).sum()).isEqualTo(EmbeddedNetworks.SHARDS);
        shoot("nodes");

        navigate(robot, "Wallet");
        await(
                "the wallet",
                () -> visible(robot, ".wallet-address")
                        && !text(robot, ".wallet-address").isEmpty());
        assertThat(text(robot, ".wallet-address")).matches("0x[0-9a-f]{64}");
        assertThat(text(robot, "#network")).isEqualTo("local");
        assertThat(text(robot, "#wal")).matches("[0-9][0-9.,]* WAL").isNotEqualTo("0 WAL");
        assertThat(text(robot, "#sui")).matches("[0-9][0-9.,]* SUI").isNotEqualTo("0 SUI");
        String address = text(robot, ".wallet-address");
        shoot("wallet");

        navigate(robot, "Settings");
        await(
                "the settings' network card",
                () -> visible(robot, "#walletAddress")
                        && !text(robot, "#walletAddress").isEmpty());
        assertThat(text(robot, "#walletAddress")).isEqualTo(address);
        assertThat(text(robot, "#publishers")).startsWith("http://127.0.0.1:");
        shoot("settings");
    }

    /** Clicks the navigation's entry for a screen. */
    private static void navigate(FxRobot robot, String screen) {
        Node entry = robot.from(node(robot, "#navigation"))
                .lookup((ListCell<?> c) -> screen.equals(c.getText()))
                .query();
        robot.clickOn(entry);
    }

    /** Whether the dashboard's card of {@code folder} says when it was saved. */
    private static boolean saved(FxRobot robot, String folder) {
        return robot.lookup(".folder-card").queryAll().stream()
                .filter(card -> robot.from(card)
                        .lookup((Label l) -> folder.equals(l.getText()))
                        .tryQuery()
                        .isPresent())
                .anyMatch(card -> robot.from(card)
                        .lookup((Label l) -> l.getText() != null && l.getText().startsWith("Saved "))
                        .tryQuery()
                        .isPresent());
    }

    private static @Nullable Node snapshotCell(FxRobot robot, String detail) {
        return robot.from(node(robot, "#snapshotList"))
                .lookup((ListCell<?> c) ->
                        c.getItem() instanceof SnapshotItem i && i.detail().startsWith(detail))
                .tryQuery()
                .orElse(null);
    }

    private static @Nullable Node entryCell(FxRobot robot, String name) {
        return robot.from(node(robot, "#entryTable"))
                .lookup((TableRow<?> r) ->
                        r.getItem() instanceof EntryItem e && name.equals(e.folder() ? e.name() + "/" : e.name()))
                .tryQuery()
                .orElse(null);
    }

    private static List<BlobItem> blobs(FxRobot robot) {
        TableView<?> table = robot.lookup("#blobTable").queryTableView();
        return table.getItems().stream().map(BlobItem.class::cast).toList();
    }

    private static List<NodeItem> nodes(FxRobot robot) {
        TableView<?> table = robot.lookup("#nodeTable").queryTableView();
        return table.getItems().stream().map(NodeItem.class::cast).toList();
    }

    private static Node node(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Node.class);
    }

    /** Saves the window as {@code <screenshots.dir>/<name>.png}, if screenshots were asked for. */
    private void shoot(String name) throws Exception {
        screenshots.shoot(stage, name);
    }
}
