package dev.walrussync.app.desktop;

import static dev.walrussync.app.desktop.DesktopWindow.PATIENCE_SECONDS;
import static dev.walrussync.app.desktop.DesktopWindow.await;
import static dev.walrussync.app.desktop.DesktopWindow.text;
import static dev.walrussync.app.desktop.DesktopWindow.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.app.watch.WatchTesting;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.settings.KeySlotItem;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Onboarding's restore path against the real {@link DesktopGateway}: machine A backs up three times, then machine B's
 * first run (a fresh app home) restores it, watching the index being rebuilt step by step, and lands on the Restore
 * screen with A's snapshots. On a local Walrus network shared by both machines (as testnet would be), with A's
 * wallet key; and from a folder that lost one of its packs, where the summary names what cannot be recovered.
 *
 * <p>The rebuild is held after its first snapshot until the progress page is photographed. With {@code
 * -Dscreenshots.dir=DIR} the pages are saved there: {@code xvfb-run -a ./mvnw -pl app test
 * -Dtest=RestoreFromAnotherMachineDesktopUiTest -Dtestfx.headless=false -Dscreenshots.dir=DIR}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RestoreFromAnotherMachineDesktopUiTest {
    private static final String DAILY = "a daily passphrase for this computer";

    @TempDir
    static Path dir;

    private static LocalWalrusNetwork net;
    private static Repositories engine;

    private final Screenshots screenshots = new Screenshots();
    private Path run;
    private Stage stage;
    private HeldGateway gateway;
    private AppFlow flow;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;

    @BeforeAll
    static void startNetwork() throws Exception {
        net = LocalWalrusNetwork.start(EmbeddedNetworks.options(dir.resolve("net")), Clock.systemUTC());
        engine = WatchTesting.engineOn(net);
    }

    @AfterAll
    static void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        run = Files.createTempDirectory(dir, "run");
        background = Executors.newFixedThreadPool(2);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        gateway = new HeldGateway(new DesktopGateway(engine, run.resolve("b"), () -> {}));
        UiContext context = new UiContext(
                gateway,
                background,
                scheduler,
                new Random(7),
                new WindowBesideTray(),
                (owner, title) -> run.resolve("a-store"),
                StartAtLogin.unavailable("not in tests"));
        flow = new AppFlow(context, stage);
        flow.begin();
    }

    @AfterEach
    void tearDown() throws Exception {
        gateway.release.countDown();
        WaitForAsyncUtils.asyncFx(flow::shutdown).get(30, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.shutdownNow();
    }

    /** Machine A: three backups of two folders, so that the rebuild has three snapshots to walk. */
    private void backUpThreeTimes(Path home) throws Exception {
        Path documents = Files.createDirectories(run.resolve("Documents"));
        Path pictures = Files.createDirectories(run.resolve("Pictures"));
        Random random = new Random(42);
        for (String name : List.of("Taxes 2025.pdf", "Holiday plan.odt", "Recipes.md")) {
            Files.write(documents.resolve(name), bytes(random, 700_000));
        }
        for (int i = 1; i <= 3; i++) {
            Files.write(pictures.resolve(String.format("IMG_%04d.jpg", 2040 + i)), bytes(random, 900_000));
        }
        try (RepositorySession a = engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), true)) {
            TestRepositories.backup(a, documents);
            TestRepositories.backup(a, pictures);
            Files.write(documents.resolve("Budget.ods"), bytes(random, 300_000));
            TestRepositories.backup(a, documents);
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] data = new byte[n];
        random.nextBytes(data);
        return data;
    }

    @Test
    void restoresFromWalrusWithTheWalletKeyAndThePhrase(FxRobot robot) throws Exception {
        String walletKey = Ed25519Keypair.generate(new SecureRandom()).toSuiPrivateKey();
        Path homeA = run.resolve("a");
        Repositories.Created created = engine.init(
                homeA,
                "walrus:" + WalrusSettings.LOCAL,
                TestRepositories.PASSPHRASE.toCharArray(),
                1L << 20,
                WalrusSettings.of(WalrusSettings.LOCAL, 53),
                walletKey);
        backUpThreeTimes(homeA);

        robot.clickOn("#restoreOption");
        await("the network page", () -> visible(robot, "#restoreNetworkTitle"));
        shoot("recover-network");
        robot.clickOn("#localOption");
        robot.clickOn("#networkNext");
        await("the keys page", () -> visible(robot, "#restoreKeysPage"));
        robot.clickOn("#walletKey").write(walletKey);
        set(robot, "#recoveryPhrase", String.join(" ", created.recoveryWords()));
        shoot("recover-keys");
        robot.clickOn("#recoverButton");

        assertThat(gateway.held.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        await(
                "the fourth step running",
                () -> text(robot, "#recoverStep4").startsWith("Rebuilding the index from the snapshots: 1 of 3"));
        assertThat(text(robot, "#recoverStep1")).startsWith("Listed the blobs: ");
        shoot("recover-progress");
        gateway.release.countDown();

        await("the summary", () -> visible(robot, "#restoreSummaryPage"));
        assertThat(text(robot, "#summaryText"))
                .startsWith("Backup " + created.repositoryId().substring(0, 8)
                        + " is set up on this computer, with 3 snapshots.")
                .contains("Its wallet: " + Repositories.walletAddressOf(walletKey));
        assertThat(visible(robot, "#gapsBox")).isFalse();
        shoot("recover-summary");
        robot.clickOn("#summaryPassphraseButton");

        await("the passphrase page", () -> visible(robot, "#restorePassphrasePage"));
        robot.clickOn("#newPassphrase").write(DAILY);
        robot.clickOn("#newPassphraseAgain").write(DAILY);
        shoot("recover-passphrase");
        robot.clickOn("#addPassphraseButton");

        await("the Restore screen with A's three snapshots", () -> snapshots(robot) == 3);
        assertThat(gateway.from).isEqualTo(new RecoverySource.OnWalrus(Network.LOCAL, walletKey));
        shoot("recover-restore-screen");

        // The Keys settings: A's passphrase, the phrase that unlocked this session, and the passphrase just added.
        Node settings = robot.from(robot.lookup("#navigation").queryAs(Node.class))
                .lookup((ListCell<?> c) -> "Settings".equals(c.getText()))
                .query();
        robot.clickOn(settings);
        TableView<?> keys = robot.lookup("#keySlotTable").queryAs(TableView.class);
        await(
                "the key slots",
                () -> visible(robot, "#keySlotTable") && keys.getItems().size() == 3);
        assertThat(keys.getItems().stream().map(k -> (KeySlotItem) k).toList())
                .filteredOn(k -> !k.inUse().isEmpty())
                .singleElement()
                .extracting(KeySlotItem::kind)
                .isEqualTo("Recovery phrase");
        robot.interact(() -> robot.lookup("#newPassphrase").query().requestFocus());
        shoot("settings-keys");

        // The recovery phrase shown again: the 24 words machine A's init showed.
        robot.interact(
                () -> robot.lookup("#showPhraseButton").queryAs(Button.class).fire());
        await("the recovery phrase", () -> visible(robot, "#shownPhrase"));
        List<String> words = created.recoveryWords();
        for (int i = 0; i < words.size(); i++) {
            assertThat(text(robot, "#shownPhrase")).contains((i + 1) + ". " + words.get(i));
        }
        await(
                "the focus on Hide",
                () -> robot.lookup("#hidePhraseButton").query().isFocused());
        shoot("settings-recovery-phrase");
    }

    @Test
    void restoresFromAFolderThatLostAPackAndNamesWhatIsGone(FxRobot robot) throws Exception {
        Path homeA = run.resolve("a");
        Path store = run.resolve("a-store");
        Repositories.Created created =
                engine.init(homeA, "dir:" + store, TestRepositories.PASSPHRASE.toCharArray(), 1L << 20);
        backUpThreeTimes(homeA);
        Path lost = unmarkedPack(new TestRepo(engine, homeA, store, created));
        Files.delete(lost);

        robot.clickOn("#restoreOption");
        robot.clickOn("#folderOption");
        robot.clickOn("#chooseFolderButton");
        await("the folder", () -> text(robot, "#folderPath").equals(store.toString()));
        robot.clickOn("#networkNext");
        await("the keys page", () -> visible(robot, "#restoreKeysPage"));
        robot.clickOn("#passphraseOption");
        robot.clickOn("#existingPassphrase").write("not the passphrase");
        robot.clickOn("#recoverButton");
        await(
                "the refusal",
                () -> visible(robot, "#error") && !text(robot, "#error").isEmpty());
        assertThat(text(robot, "#error")).startsWith("This passphrase does not open the backup. ");
        assertThat(text(robot, "#existingPassphrase")).isEqualTo("not the passphrase");
        assertThat(Repositories.exists(gateway.home())).isFalse();
        shoot("recover-folder-wrong-passphrase");

        set(robot, "#existingPassphrase", TestRepositories.PASSPHRASE);
        robot.clickOn("#recoverButton");

        assertThat(gateway.held.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        gateway.release.countDown();
        await("the summary", () -> visible(robot, "#restoreSummaryPage"));
        assertThat(visible(robot, "#summaryTitleGaps")).isTrue();
        List<String> gaps = List.of(text(robot, "#unrecoverableText").split("\n"));
        assertThat(gaps.getFirst()).startsWith("• Blob " + lost.getFileName() + ": no longer in the store; it held ");
        assertThat(gaps).hasSizeGreaterThan(1);
        shoot("recover-folder-summary");
        robot.clickOn("#summaryOpenButton");

        await("the Restore screen with A's three snapshots", () -> snapshots(robot) == 3);
    }

    /** A pack no mark names: one that an index record lists, so that losing it loses data, not the index. */
    private static Path unmarkedPack(TestRepo repo) throws Exception {
        List<String> marked;
        try (Stream<Path> marks = Files.list(repo.store().resolve("marks"))) {
            marked = marks.map(p -> p.getFileName().toString()).toList();
        }
        return repo.packFiles().stream()
                .filter(p -> !marked.contains(p.getFileName().toString()))
                .findFirst()
                .orElseThrow();
    }

    private static int snapshots(FxRobot robot) {
        if (!visible(robot, "#snapshotList")) {
            return -1;
        }
        Node selected = robot.from(robot.lookup("#navigation").queryAs(Node.class))
                .lookup((ListCell<?> c) -> c.isSelected())
                .tryQuery()
                .orElse(null);
        if (selected == null || !"Restore".equals(((ListCell<?>) selected).getText())) {
            return -2;
        }
        return robot.lookup("#snapshotList").queryAs(ListView.class).getItems().size();
    }

    private static void set(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private void shoot(String name) throws Exception {
        screenshots.shoot(stage, name);
    }

    /**
     * The app's gateway, with the index rebuild held after its first snapshot (when there is more than one) until the
     * test releases it: so that the progress page can be seen mid-way.
     */
    private static final class HeldGateway implements RepositoryGateway {
        final RepositoryGateway inner;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile @Nullable RecoverySource from;

        HeldGateway(RepositoryGateway inner) {
            this.inner = inner;
        }

        @Override
        public Path home() {
            return inner.home();
        }

        @Override
        public boolean exists() {
            return inner.exists();
        }

        @Override
        public Repositories.Created create(Network network, char[] passphrase) throws SyncException {
            return inner.create(network, passphrase);
        }

        @Override
        public RunningSync unlock(char[] passphrase) throws SyncException {
            return inner.unlock(passphrase);
        }

        @Override
        public Recovered recover(
                RecoverySource source, @Nullable String phrase, char @Nullable [] passphrase, RebuildListener l)
                throws SyncException {
            from = source;
            return inner.recover(source, phrase, passphrase, new RebuildListener() {
                @Override
                public void blobsListed(int blobs) {
                    l.blobsListed(blobs);
                }

                @Override
                public void recordPackRead(int done, int total) {
                    l.recordPackRead(done, total);
                }

                @Override
                public void blobRead(int done, int total) {
                    l.blobRead(done, total);
                }

                @Override
                public void snapshotIndexed(int done, int total) {
                    l.snapshotIndexed(done, total);
                    if (done == 1 && total > 1) {
                        held.countDown();
                        try {
                            release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });
        }
    }
}
