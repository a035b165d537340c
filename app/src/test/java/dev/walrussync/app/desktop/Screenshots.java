package dev.walrussync.app.desktop;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's screenshots, taken only when {@code -Dscreenshots.dir=DIR} asks for them: best from a real window,
 * {@code xvfb-run -a ./mvnw -pl app test -Dtest=... -Dtestfx.headless=false -Dscreenshots.dir=DIR}.
 */
final class Screenshots {
    private final @Nullable Path dir;

    Screenshots() {
        String d = System.getProperty("screenshots.dir", "");
        this.dir = d.isBlank() ? null : Path.of(d);
    }

    /** Saves the stage's scene as {@code <screenshots.dir>/<name>.png}, if screenshots were asked for. */
    void shoot(Stage stage, String name) throws Exception {
        if (dir == null) {
            return;
        }
        Thread.sleep(800); // let layout, CSS and the status line settle
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img =
                WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(30, TimeUnit.SECONDS);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(dir);
        ImageIO.write(b, "png", dir.resolve(name + ".png").toFile());
    }
}
