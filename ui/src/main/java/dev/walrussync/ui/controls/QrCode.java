package dev.walrussync.ui.controls;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A QR code's modules, without the quiet zone: what a view model holds so that it stays free of nodes, and what {@link
 * QrCodeView} draws. Immutable.
 *
 * <p>Encoded with ZXing at error correction level M (15% of the code may be damaged), the level wallets use for
 * addresses: a Sui address (66 characters) fits a 37 × 37 code.
 */
public final class QrCode {
    /** The blank border a reader needs around the code, in modules (ISO/IEC 18004 asks for 4). */
    public static final int QUIET_ZONE = 4;

    /** Opaque black and white, as ARGB. */
    static final int DARK = 0xFF000000;

    static final int LIGHT = 0xFFFFFFFF;

    private final String text;
    private final boolean[][] dark;

    private QrCode(String text, boolean[][] dark) {
        this.text = text;
        this.dark = dark;
    }

    /**
     * Encodes {@code text} (UTF-8) as the smallest QR code that holds it.
     *
     * @throws IllegalArgumentException if the text is empty or too long for a QR code
     */
    public static QrCode encode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode");
        }
        BitMatrix m;
        try {
            // Width and height 0 ask for one pixel per module; the quiet zone is added when drawing.
            m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name(),
                                    EncodeHintType.MARGIN,
                                    0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
        boolean[][] modules = new boolean[m.getHeight()][m.getWidth()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                modules[y][x] = m.get(x, y);
            }
        }
        return new QrCode(text, modules);
    }

    /** The text it encodes. */
    public String text() {
        return text;
    }

    /** Modules on a side, without the quiet zone. */
    public int size() {
        return dark.length;
    }

    /** Whether the module in column {@code x} and row {@code y} is dark. */
    public boolean isDark(int x, int y) {
        return dark[y][x];
    }

    /** A copy of the modules, row by row: {@code [y][x]}, true for dark. */
    public boolean[][] modules() {
        boolean[][] copy = new boolean[dark.length][];
        for (int y = 0; y < dark.length; y++) {
            copy[y] = dark[y].clone();
        }
        return copy;
    }

    /** Pixels on a side when each module is {@code scale} pixels wide and the quiet zone is drawn. */
    public int pixelSize(int scale) {
        return (size() + 2 * QUIET_ZONE) * scale;
    }

    /**
     * The code as opaque ARGB pixels, row by row, each module {@code scale} × {@code scale} pixels, inside a white
     * quiet zone of {@link #QUIET_ZONE} modules: {@link #pixelSize(int)} squared pixels.
     */
    public int[] argb(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, not " + scale);
        }
        int side = pixelSize(scale);
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, LIGHT);
        int offset = QUIET_ZONE * scale;
        for (int y = 0; y < size(); y++) {
            for (int x = 0; x < size(); x++) {
                if (!dark[y][x]) {
                    continue;
                }
                for (int dy = 0; dy < scale; dy++) {
                    int row = (offset + y * scale + dy) * side + offset + x * scale;
                    Arrays.fill(pixels, row, row + scale, DARK);
                }
            }
        }
        return pixels;
    }

    /** The largest whole number of pixels per module for which the code and its quiet zone fit {@code pixels}. */
    public int scaleToFit(double pixels) {
        return Math.max(1, (int) Math.floor(pixels / (size() + 2 * QUIET_ZONE)));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof QrCode q && q.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "QrCode[" + size() + "×" + size() + ", " + text + "]";
    }
}
