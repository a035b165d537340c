package dev.walrussync.engine.internal;

import java.util.HexFormat;

/** Lower-case hexadecimal encoding, the one text form of binary IDs in this project. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Decodes hex; throws {@link IllegalArgumentException} naming the input when it is not hex. */
    public static byte[] decode(String hex) {
        try {
            return FORMAT.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hexadecimal string: '" + hex + "'", e);
        }
    }
}
