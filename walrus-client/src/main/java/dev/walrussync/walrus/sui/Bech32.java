package dev.walrussync.walrus.sui;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Bech32 (BIP-173, not Bech32m) encoding of bytes under a human-readable prefix, as used by {@code suiprivkey}. */
public final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int CHECKSUM_LENGTH = 6;
    /** BIP-173's length limit, which the Sui SDK (through {@code @scure/base}) also applies. */
    public static final int MAX_LENGTH = 90;

    /** A decoded Bech32 string: its human-readable part and its data bytes. */
    public record Decoded(String hrp, byte[] data) {
        public Decoded {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    private Bech32() {}

    /** Encodes {@code data} (8-bit bytes) under {@code hrp}; the result is lowercase. */
    public static String encode(String hrp, byte[] data) {
        checkHrp(hrp);
        if (!hrp.equals(hrp.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Bech32 prefix must be lowercase: " + hrp);
        }
        byte[] words = convertBits(data, 8, 5, true);
        int[] values = new int[words.length + CHECKSUM_LENGTH];
        for (int i = 0; i < words.length; i++) {
            values[i] = words[i];
        }
        int polymod = polymod(hrpExpand(hrp), values) ^ 1;
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length);
        sb.append(hrp).append('1');
        for (byte word : words) {
            sb.append(CHARSET.charAt(word));
        }
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            sb.append(CHARSET.charAt((polymod >>> (5 * (5 - i))) & 31));
        }
        if (sb.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Bech32 string would be longer than " + MAX_LENGTH + " characters");
        }
        return sb.toString();
    }

    /**
     * Decodes a Bech32 string, checking its length, characters, case, checksum (Bech32, not Bech32m) and padding.
     *
     * @throws IllegalArgumentException when the string is not valid Bech32
     */
    public static Decoded decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Bech32 string is longer than " + MAX_LENGTH + " characters");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("invalid character in Bech32 string at index " + i);
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new IllegalArgumentException("Bech32 string mixes upper and lower case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int separator = s.lastIndexOf('1');
        if (separator < 1) {
            throw new IllegalArgumentException("Bech32 string has no prefix or no '1' separator");
        }
        if (s.length() - separator - 1 < CHECKSUM_LENGTH) {
            throw new IllegalArgumentException("Bech32 string is too short to hold a checksum");
        }
        String hrp = s.substring(0, separator);
        int[] values = new int[s.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(s.charAt(separator + 1 + i));
            if (v < 0) {
                throw new IllegalArgumentException(
                        "invalid Bech32 data character '" + s.charAt(separator + 1 + i) + "'");
            }
            values[i] = v;
        }
        if (polymod(hrpExpand(hrp), values) != 1) {
            throw new IllegalArgumentException("invalid Bech32 checksum");
        }
        byte[] words = new byte[values.length - CHECKSUM_LENGTH];
        for (int i = 0; i < words.length; i++) {
            words[i] = (byte) values[i];
        }
        return new Decoded(hrp, convertBits(words, 5, 8, false));
    }

    private static void checkHrp(String hrp) {
        if (hrp.isEmpty()) {
            throw new IllegalArgumentException("Bech32 prefix must not be empty");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("invalid character in Bech32 prefix at index " + i);
            }
        }
    }

    private static int[] hrpExpand(String hrp) {
        int n = hrp.length();
        int[] out = new int[2 * n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = hrp.charAt(i) >> 5;
            out[n + 1 + i] = hrp.charAt(i) & 31;
        }
        return out;
    }

    private static int polymod(int[] prefix, int[] values) {
        int chk = 1;
        for (int[] part : new int[][] {prefix, values}) {
            for (int v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << toBits) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
        for (byte b : data) {
            int value = b & 0xFF;
            if ((value >>> fromBits) != 0) {
                throw new IllegalArgumentException("value out of range for " + fromBits + "-bit groups");
            }
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxValue);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (toBits - bits)) & maxValue);
            }
        } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0) {
            throw new IllegalArgumentException("invalid Bech32 padding");
        }
        return out.toByteArray();
    }
}
