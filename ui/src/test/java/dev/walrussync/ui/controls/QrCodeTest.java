package dev.walrussync.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QR codes of wallet addresses: what is drawn reads back as the address, with a quiet zone and square modules. */
class QrCodeTest {
    static final String ADDRESS = "0x8a1d3c7e5b9f20416e2d8c0b7a5f3e1d9c4b2a0f8e6d4c2b0a9f7e5d3c1b0a99";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void theDrawnPixelsReadBackAsTheAddressAtEveryScale(int scale) throws Exception {
        QrCode code = QrCode.encode(ADDRESS);
        int side = code.pixelSize(scale);

        assertThat(QrDecoding.decode(code.argb(scale), side, side)).isEqualTo(ADDRESS);
    }

    @Test
    void aSuiAddressIsAVersion5CodeAtLevelM() {
        QrCode code = QrCode.encode(ADDRESS);

        // 66 bytes need version 5 at level M (84 bytes); version 4 holds 62. Version v is 17 + 4v modules wide.
        assertThat(code.size()).isEqualTo(37);
        assertThat(code.text()).isEqualTo(ADDRESS);
        assertThat(code.pixelSize(4)).isEqualTo((37 + 2 * QrCode.QUIET_ZONE) * 4);
    }

    @Test
    void theQuietZoneIsWhiteAndEveryModuleIsOneSolidSquare() {
        QrCode code = QrCode.encode(ADDRESS);
        int scale = 3;
        int side = code.pixelSize(scale);
        int[] px = code.argb(scale);
        int quiet = QrCode.QUIET_ZONE * scale;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean inQuietZone = x < quiet || y < quiet || x >= side - quiet || y >= side - quiet;
                int expected;
                if (inQuietZone) {
                    expected = QrCode.LIGHT;
                } else {
                    expected = code.isDark((x - quiet) / scale, (y - quiet) / scale) ? QrCode.DARK : QrCode.LIGHT;
                }
                assertThat(px[y * side + x]).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
        // The finder pattern's corner module is dark, and the module beside the pattern (the separator) light.
        assertThat(code.isDark(0, 0)).isTrue();
        assertThat(code.isDark(7, 0)).isFalse();
    }

    @Test
    void theScaleToFitIsTheLargestWholeNumberOfPixelsPerModule() {
        QrCode code = QrCode.encode(ADDRESS); // 37 modules + 8 of quiet zone = 45

        assertThat(code.scaleToFit(184)).isEqualTo(4);
        assertThat(code.scaleToFit(180)).isEqualTo(4);
        assertThat(code.scaleToFit(179.9)).isEqualTo(3);
        assertThat(code.scaleToFit(20)).isEqualTo(1);
    }

    @Test
    void modulesAreACopyAndCodesOfTheSameTextAreEqual() {
        QrCode code = QrCode.encode(ADDRESS);
        boolean[][] modules = code.modules();
        modules[0][0] = !modules[0][0];

        assertThat(code.isDark(0, 0)).isTrue();
        assertThat(code).isEqualTo(QrCode.encode(ADDRESS)).isNotEqualTo(QrCode.encode("0x1"));
    }

    @Test
    void nothingOrTooMuchCannotBeEncoded() {
        assertThatThrownBy(() -> QrCode.encode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCode.encode("x".repeat(3000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCode.encode(ADDRESS).argb(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
