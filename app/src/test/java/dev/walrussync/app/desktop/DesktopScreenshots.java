package dev.walrussync.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.fx.UiContext;
import dev.walrussync.ui.main.AppFlow;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.tray.TrayIntegration;
import dev.walrussync.ui.tray.TrayMenuItem;
import dev.walrussync.ui.tray.TrayState;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes the README's screenshots from the real window on a real display, with a repository on the embedded local
 * network: {@code xvfb-run -a ./mvnw -pl app test -Dtest=DesktopScreenshots -Dscreenshots.dir=$PWD/docs/screenshots}.
 * Skipped unless {@code screenshots.dir} is set.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class DesktopScreenshots {
    @TempDir
    Path dir;

    private Stage stage;

    private static <T> T fx(Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!fx(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private Node node(String selector) {
        return stage.getScene().getRoot().lookup(selector);
    }

    private boolean showing(String selector) {
        Node n = node(selector);
        return n != null && n.isVisible();
    }

    private void click(String selector) throws Exception {
        fx(() -> {
            ((ButtonBase) node(selector)).fire();
            return null;
        });
    }

    private void type(String selector, String text) throws Exception {
        fx(() -> {
            ((TextInputControl) node(selector)).setText(text);
            return null;
        });
    }

    private void shoot(Path out, String name) throws Exception {
        Thread.sleep(500); // let layout and CSS settle
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(out);
        ImageIO.write(b, "png", out.resolve(name).toFile());
    }

    @Test
    void takeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Path docs = Files.createDirectories(dir.resolve("Documents"));
        Random random = new Random(42);
        for (String name : List.of("Taxes 2025.pdf", "Holiday plan.odt", "Recipes.md", "Budget.ods")) {
            byte[] data = new byte[200_000 + random.nextInt(800_000)];
            random.nextBytes(data);
            Files.write(docs.resolve(name), data);
        }
        Path photos = Files.createDirectories(docs.resolve("Photos"));
        for (int i = 1; i <= 12; i++) {
            byte[] data = new byte[1_000_000 + random.nextInt(2_000_000)];
            random.nextBytes(data);
            Files.write(photos.resolve(String.format("IMG_%04d.jpg", 2040 + i)), data);
        }
        Clock clock = Clock.systemUTC();
        Repositories engine =
                new Repositories(clock, new SecureRandom(), TestRepositories.CHEAP_KDF, new EmbeddedNetworks(clock));
        ExecutorService background = Executors.newFixedThreadPool(2);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        TrayIntegration tray = new TrayIntegration() {
            // Xvfb has no tray; the screenshots show the window as it looks beside one.
            @Override
            public boolean install(List<TrayMenuItem> menu) {
                return true;
            }

            @Override
            public void update(TrayState state, double progress, String tooltip, List<TrayMenuItem> menu) {}

            @Override
            public boolean notify(String title, String message, boolean warning) {
                return false;
            }

            @Override
            public void close() {}
        };
        UiContext context = new UiContext(
                new DesktopGateway(engine, dir.resolve("home"), () -> {}),
                background,
                scheduler,
                new Random(7),
                tray,
                (owner, title) -> docs,
                StartAtLogin.of(
                        StartAtLogin.Flavour.XDG,
                        dir.resolve("autostart").resolve("walrus-sync.desktop"),
                        List.of("/opt/walrus-sync/bin/Walrus Sync"),
                        Map.of()));
        Platform.startup(() -> {});
        AppFlow[] flow = new AppFlow[1];
        try {
            fx(() -> {
                stage = new Stage();
                flow[0] = new AppFlow(context, stage);
                flow[0].begin();
                return null;
            });
            shoot(out, "onboarding-welcome.png");
            click("#createOption");
            shoot(out, "onboarding-network.png");
            click("#networkNext");
            type("#passphrase", "correct horse battery staple");
            type("#passphraseAgain", "correct horse battery staple");
            click("#createButton");
            await("the recovery phrase", () -> showing("#recoveryPage") && showing("#word24"));
            shoot(out, "onboarding-recovery.png");
            List<String> words = new ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                String id = "#word" + i;
                words.add(fx(() -> ((Label) node(id)).getText()));
            }
            click("#writtenButton");
            for (int i = 0; i < 3; i++) {
                String id = "#confirmLabel" + i;
                int n = Integer.parseInt(fx(() -> ((Label) node(id)).getText()).replace("Word ", ""));
                type("#confirmWord" + i, words.get(n - 1));
            }
            click("#confirmButton");
            await("the folders page", () -> showing("#foldersPage"));
            click("#addFolderButton");
            await(
                    "the folder added",
                    () -> ((ListView<?>) node("#folderList")).getItems().size() == 1);
            shoot(out, "onboarding-folders.png");
            click("#finishButton");
            await("the folder saved and the balances read", () -> {
                Label wal = (Label) node(".tile-value");
                return stage.getScene().getRoot().lookupAll(".folder-card").stream()
                                .anyMatch(card -> card.lookupAll(".label").stream()
                                        .anyMatch(l -> ((Label) l).getText().startsWith("Saved ")))
                        && wal != null
                        && !wal.getText().equals("—");
            });
            Thread.sleep(1500);
            shoot(out, "dashboard.png");
            fx(() -> {
                ((ListView<?>) node("#navigation")).getSelectionModel().select(1);
                return null;
            });
            await("the folders screen", () -> showing(".folder-list"));
            fx(() -> {
                ((ListView<?>) node(".folder-list")).getSelectionModel().select(0);
                return null;
            });
            type("#excludes", "*.tmp\n.cache/\nnode_modules/");
            click("#saveExcludesButton");
            Thread.sleep(800);
            shoot(out, "folders.png");

            // A second snapshot with another version of Recipes.md, then Recipes.md lost and restored.
            Files.writeString(docs.resolve("Recipes.md"), "# Recipes\n\nPancakes: flour, milk, eggs.\n");
            click("#syncNowButton");
            fx(() -> {
                ((ListView<?>) node("#navigation")).getSelectionModel().select(2);
                return null;
            });
            await("the restore screen", () -> showing("#snapshotList"));
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (fx(() -> ((ListView<?>) node("#snapshotList")).getItems().size()) < 2) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the second snapshot never came");
                }
                Thread.sleep(1000);
                click("#refreshButton");
            }
            Files.delete(docs.resolve("Recipes.md"));
            await(
                    "the snapshot's top level",
                    () -> ((TableView<?>) node("#entryTable")).getItems().size() == 1);
            fx(() -> {
                TableView<?> table = (TableView<?>) node("#entryTable");
                table.getSelectionModel().select(0);
                table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                return null;
            });
            await(
                    "the Documents folder",
                    () -> ((TableView<?>) node("#entryTable")).getItems().size() > 3);
            fx(() -> {
                TableView<?> table = (TableView<?>) node("#entryTable");
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).toString().contains("name=Recipes.md")) {
                        table.getSelectionModel().select(i);
                        table.requestFocus();
                    }
                }
                return null;
            });
            click("#versionsButton");
            await(
                    "two versions",
                    () -> ((ListView<?>) node("#versionList")).getItems().size() == 2);
            click("#originalButton");
            await(
                    "the restore report",
                    () -> !((Label) node("#reportText")).getText().isEmpty());
            assertThat(docs.resolve("Recipes.md")).exists();
            Thread.sleep(800);
            shoot(out, "restore.png");

            // Storage, nodes and wallet read the local network through the daemon's session.
            fx(() -> {
                ((ListView<?>) node("#navigation")).getSelectionModel().select(3);
                return null;
            });
            await(
                    "the blobs",
                    () -> showing("#blobTable")
                            && ((TableView<?>) node("#blobTable")).getItems().size() > 1);
            Thread.sleep(800);
            shoot(out, "storage.png");
            fx(() -> {
                ((ListView<?>) node("#navigation")).getSelectionModel().select(4);
                return null;
            });
            await(
                    "the nodes",
                    () -> showing("#nodeTable")
                            && ((TableView<?>) node("#nodeTable")).getItems().size() == 4);
            Thread.sleep(800);
            shoot(out, "nodes.png");
            fx(() -> {
                ((ListView<?>) node("#navigation")).getSelectionModel().select(5);
                return null;
            });
            await(
                    "the wallet",
                    () -> showing(".wallet-address")
                            && !((Label) node(".wallet-address")).getText().isEmpty());
            Thread.sleep(800);
            shoot(out, "wallet.png");
            try (var files = Files.list(out)) {
                assertThat(files.count()).isGreaterThanOrEqualTo(10);
            }
        } finally {
            fx(() -> {
                if (flow[0] != null) {
                    flow[0].shutdown();
                }
                stage.close();
                return null;
            });
            scheduler.shutdownNow();
            background.shutdownNow();
            Platform.exit();
        }
    }
}
