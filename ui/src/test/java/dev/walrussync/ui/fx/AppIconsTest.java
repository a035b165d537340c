package dev.walrussync.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.net.URL;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The app icon's PNGs are packaged (from installers/icons, through ui/pom.xml) and decode at their sizes. */
class AppIconsTest {
    @Test
    void theAppIconIsOnTheClasspathAtEverySizeTheDesktopAsksFor() throws Exception {
        for (int size : new int[] {16, 22, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            URL url = AppIcons.appIcon(size);
            BufferedImage png = ImageIO.read(url);
            assertThat(png).as(url.toString()).isNotNull();
            assertThat(png.getWidth()).as("width of %s", url).isEqualTo(size);
            assertThat(png.getHeight()).as("height of %s", url).isEqualTo(size);
            assertThat(png.getColorModel().hasAlpha()).as("alpha in %s", url).isTrue();
        }
    }

    @Test
    void everyWindowSizeIsPackaged() {
        assertThat(AppIcons.WINDOW_SIZES).containsExactly(16, 32, 48, 64, 128, 256);
        for (int size : AppIcons.WINDOW_SIZES) {
            assertThat(AppIcons.appIcon(size)).isNotNull();
        }
    }

    @Test
    void aMissingIconSaysWhereIconsComeFrom() {
        assertThatThrownBy(() -> AppIcons.appIcon(17))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("walrus-sync-17.png")
                .hasMessageContaining("render.sh");
    }
}
