package dev.walrussync.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.ui.fx.AppIcons;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.net.URL;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tray's icons: every state has its PNG at every size on the classpath, the size follows the tray's, and a running
 * backup's progress is a white ring drawn clockwise from the top over the syncing badge.
 */
class TrayIconsTest {
    private static final int WHITE = 0xFFFFFFFF;
    /** The syncing badge's colour, {@code #2F6FDE}, opaque. */
    private static final int SYNCING_BLUE = 0xFF2F6FDE;

    @ParameterizedTest
    @EnumSource(TrayState.class)
    void everyStateHasAnOpaqueBadgeAtEverySize(TrayState state) throws Exception {
        for (int size : AwtTrayIntegration.SIZES) {
            URL url =
                    AppIcons.resource("tray-" + state.name().toLowerCase(java.util.Locale.ROOT) + "-" + size + ".png");
            BufferedImage png = ImageIO.read(url);
            assertThat(png).as(url.toString()).isNotNull();
            assertThat(png.getWidth()).as(url.toString()).isEqualTo(size);
            assertThat(png.getHeight()).as(url.toString()).isEqualTo(size);

            BufferedImage loaded = AwtTrayIntegration.load(state, size);
            assertThat(loaded.getWidth()).isEqualTo(size);
            // a round badge: solid in the middle ring, clear in the corners
            assertThat(loaded.getRGB(0, 0) >>> 24).as("corner alpha of " + url).isZero();
            assertThat(loaded.getRGB(size / 2, size / 16) >>> 24)
                    .as("alpha near the top edge of " + url)
                    .isEqualTo(0xFF);
        }
    }

    @Test
    void theIconIsTheSmallestRenderedSizeAtLeastAsLargeAsTheTrays() {
        assertThat(AwtTrayIntegration.iconSize(new Dimension(16, 16))).isEqualTo(16);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(20, 20))).isEqualTo(22);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(22, 22))).isEqualTo(22);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(24, 23))).isEqualTo(24);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(25, 25))).isEqualTo(32);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(40, 40))).isEqualTo(48);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(64, 64))).isEqualTo(64);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(128, 128))).isEqualTo(64);
        assertThat(AwtTrayIntegration.iconSize(new Dimension(0, 0))).isEqualTo(64);
    }

    @Test
    void halfwayTheRingCoversTheRightHalfOfTheBadgeInWhite() {
        int size = 64;
        BufferedImage plain = AwtTrayIntegration.load(TrayState.SYNCING, size);
        BufferedImage half = AwtTrayIntegration.withProgress(plain, 0.5);

        assertThat(half).isNotSameAs(plain);
        assertThat(half.getWidth()).isEqualTo(size);
        assertThat(differingPixels(plain, half)).isGreaterThan(100);

        // The ring runs on a circle of radius 27 around the centre (32, 32), 7 px wide.
        int c = size / 2;
        int r = 27;
        int[][] covered = {{c + r, c}, {c + 19, c - 19}, {c + 19, c + 19}, {c + 1, c - r}, {c + 1, c + r}};
        for (int[] p : covered) {
            assertThat(plain.getRGB(p[0], p[1]))
                    .as("plain at %s,%s", p[0], p[1])
                    .isEqualTo(SYNCING_BLUE);
            assertThat(half.getRGB(p[0], p[1])).as("ring at %s,%s", p[0], p[1]).isEqualTo(WHITE);
        }
        int[][] notYet = {{c - r, c}, {c - 19, c - 19}, {c - 19, c + 19}};
        for (int[] p : notYet) {
            assertThat(half.getRGB(p[0], p[1]))
                    .as("left half at %s,%s", p[0], p[1])
                    .isEqualTo(SYNCING_BLUE);
        }
        // the plain icon itself is untouched
        assertThat(differingPixels(plain, AwtTrayIntegration.load(TrayState.SYNCING, size)))
                .isZero();
    }

    @Test
    void theRingGrowsWithTheProgressAndFollowsTheIconsSize() {
        BufferedImage plain = AwtTrayIntegration.load(TrayState.SYNCING, 22);
        int none = differingPixels(plain, AwtTrayIntegration.withProgress(plain, 0));
        int quarter = differingPixels(plain, AwtTrayIntegration.withProgress(plain, 0.25));
        int full = differingPixels(plain, AwtTrayIntegration.withProgress(plain, 1));
        assertThat(none).isZero();
        assertThat(quarter).isPositive().isLessThan(full);
        // full circle at 22 px: the pixel at 3 o'clock on the ring (radius 27/64 of the size) is white
        BufferedImage ring = AwtTrayIntegration.withProgress(plain, 1);
        assertThat(ring.getRGB(11 + 9, 11)).isEqualTo(WHITE);
        assertThat(ring.getRGB(11 - 10, 11)).isEqualTo(WHITE);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
