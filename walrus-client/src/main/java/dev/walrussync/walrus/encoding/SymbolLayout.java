package dev.walrussync.walrus.encoding;

/**
 * Converts a symbol's bytes to and from GF(2^16) elements in the layout of reed-solomon-simd: each 64-byte block
 * holds 32 low bytes then 32 high bytes, and a shorter tail holds its low bytes in its first half and its high bytes
 * in its second half.
 */
final class SymbolLayout {
    private SymbolLayout() {}

    /** Reads {@code symbolSize / 2} elements of the symbol at {@code src[off..]} into {@code dst[dstOff..]}. */
    static void toElements(byte[] src, int off, int symbolSize, char[] dst, int dstOff) {
        int p = off;
        int q = dstOff;
        for (int block = symbolSize >>> 6; block > 0; block--) {
            for (int i = 0; i < 32; i++) {
                dst[q + i] = (char) ((src[p + i] & 0xFF) | (src[p + 32 + i] & 0xFF) << 8);
            }
            p += 64;
            q += 32;
        }
        int half = (symbolSize & 63) >>> 1;
        for (int i = 0; i < half; i++) {
            dst[q + i] = (char) ((src[p + i] & 0xFF) | (src[p + half + i] & 0xFF) << 8);
        }
    }

    /** Writes {@code symbolSize / 2} elements from {@code src[srcOff..]} as the symbol at {@code dst[off..]}. */
    static void fromElements(char[] src, int srcOff, int symbolSize, byte[] dst, int off) {
        int p = off;
        int q = srcOff;
        for (int block = symbolSize >>> 6; block > 0; block--) {
            for (int i = 0; i < 32; i++) {
                char e = src[q + i];
                dst[p + i] = (byte) e;
                dst[p + 32 + i] = (byte) (e >>> 8);
            }
            p += 64;
            q += 32;
        }
        int half = (symbolSize & 63) >>> 1;
        for (int i = 0; i < half; i++) {
            char e = src[q + i];
            dst[p + i] = (byte) e;
            dst[p + half + i] = (byte) (e >>> 8);
        }
    }
}
