package dev.walrussync.walrus.encoding;

/**
 * The additive FFT and inverse FFT of Lin, Han and Chung in the "novel polynomial basis" over GF(2^16), on vectors
 * of field elements (one vector per codeword position), with the skew layout of Leopard-RS.
 *
 * <p>{@code fft(work, pos, size, truncated, skewDelta)} evaluates, at the points with index {@code skewDelta + i},
 * the polynomial whose novel-basis coefficients are {@code work[pos + i]}; {@code ifft} is its inverse. Only the
 * first {@code truncated} entries are computed (FFT) or taken as non-zero (IFFT).
 */
final class LeopardFft {
    private static final int MODULUS = Gf16.MODULUS;
    /** Vectors at least this long use per-constant product tables instead of log/exp lookups. */
    private static final int TABLE_THRESHOLD = 512;

    private LeopardFft() {}

    static void fft(char[][] work, int pos, int size, int truncated, int skewDelta) {
        char[] skew = Gf16.SKEW;
        int dist4 = size;
        int dist = size >> 2;
        while (dist != 0) {
            for (int r = 0; r < truncated; r += dist4) {
                int base = r + dist + skewDelta - 1;
                int logM01 = skew[base];
                int logM02 = skew[base + dist];
                int logM23 = skew[base + 2 * dist];
                for (int i = r; i < r + dist; i++) {
                    char[] s0 = work[pos + i];
                    char[] s1 = work[pos + i + dist];
                    char[] s2 = work[pos + i + 2 * dist];
                    char[] s3 = work[pos + i + 3 * dist];
                    if (logM02 == MODULUS) {
                        xor(s2, s0);
                        xor(s3, s1);
                    } else {
                        fftButterfly(s0, s2, logM02);
                        fftButterfly(s1, s3, logM02);
                    }
                    if (logM01 == MODULUS) {
                        xor(s1, s0);
                    } else {
                        fftButterfly(s0, s1, logM01);
                    }
                    if (logM23 == MODULUS) {
                        xor(s3, s2);
                    } else {
                        fftButterfly(s2, s3, logM23);
                    }
                }
            }
            dist4 = dist;
            dist >>= 2;
        }
        if (dist4 == 2) {
            for (int r = 0; r < truncated; r += 2) {
                int logM = skew[r + skewDelta];
                char[] x = work[pos + r];
                char[] y = work[pos + r + 1];
                if (logM == MODULUS) {
                    xor(y, x);
                } else {
                    fftButterfly(x, y, logM);
                }
            }
        }
    }

    static void ifft(char[][] work, int pos, int size, int truncated, int skewDelta) {
        char[] skew = Gf16.SKEW;
        int dist = 1;
        int dist4 = 4;
        while (dist4 <= size) {
            for (int r = 0; r < truncated; r += dist4) {
                int base = r + dist + skewDelta - 1;
                int logM01 = skew[base];
                int logM02 = skew[base + dist];
                int logM23 = skew[base + 2 * dist];
                for (int i = r; i < r + dist; i++) {
                    char[] s0 = work[pos + i];
                    char[] s1 = work[pos + i + dist];
                    char[] s2 = work[pos + i + 2 * dist];
                    char[] s3 = work[pos + i + 3 * dist];
                    if (logM01 == MODULUS) {
                        xor(s1, s0);
                    } else {
                        ifftButterfly(s0, s1, logM01);
                    }
                    if (logM23 == MODULUS) {
                        xor(s3, s2);
                    } else {
                        ifftButterfly(s2, s3, logM23);
                    }
                    if (logM02 == MODULUS) {
                        xor(s2, s0);
                        xor(s3, s1);
                    } else {
                        ifftButterfly(s0, s2, logM02);
                        ifftButterfly(s1, s3, logM02);
                    }
                }
            }
            dist = dist4;
            dist4 <<= 2;
        }
        if (dist < size) {
            int logM = skew[dist + skewDelta - 1];
            for (int i = 0; i < dist; i++) {
                char[] x = work[pos + i];
                char[] y = work[pos + i + dist];
                if (logM == MODULUS) {
                    xor(y, x);
                } else {
                    ifftButterfly(x, y, logM);
                }
            }
        }
    }

    /** Formal derivative in the novel polynomial basis, on the first {@code size} coefficients. */
    static void formalDerivative(char[][] work, int size) {
        for (int i = 1; i < size; i++) {
            int width = Integer.lowestOneBit(i);
            for (int j = 0; j < width; j++) {
                xor(work[i - width + j], work[i + j]);
            }
        }
    }

    /** x ^= y * m; y ^= x, in one pass. */
    private static void fftButterfly(char[] x, char[] y, int logM) {
        int len = x.length;
        if (len < TABLE_THRESHOLD) {
            mulAdd(x, y, logM);
            xor(y, x);
            return;
        }
        char[] table = productTable(logM);
        for (int t = 0; t < len; t++) {
            int v = y[t];
            int u = x[t] ^ table[v & 0xFF] ^ table[256 + (v >>> 8)];
            x[t] = (char) u;
            y[t] = (char) (u ^ v);
        }
    }

    /** y ^= x; x ^= y * m, in one pass. */
    private static void ifftButterfly(char[] x, char[] y, int logM) {
        int len = x.length;
        if (len < TABLE_THRESHOLD) {
            xor(y, x);
            mulAdd(x, y, logM);
            return;
        }
        char[] table = productTable(logM);
        for (int t = 0; t < len; t++) {
            int u = x[t];
            int v = y[t] ^ u;
            y[t] = (char) v;
            x[t] = (char) (u ^ table[v & 0xFF] ^ table[256 + (v >>> 8)]);
        }
    }

    /** y ^= x. */
    static void xor(char[] y, char[] x) {
        for (int t = 0; t < y.length; t++) {
            y[t] ^= x[t];
        }
    }

    /** x ^= y * m, where logM is the log of m (MODULUS and 0 both mean m = 1). */
    static void mulAdd(char[] x, char[] y, int logM) {
        int len = x.length;
        if (len >= TABLE_THRESHOLD) {
            char[] table = productTable(logM);
            for (int t = 0; t < len; t++) {
                int v = y[t];
                x[t] ^= (char) (table[v & 0xFF] ^ table[256 + (v >>> 8)]);
            }
        } else {
            char[] exp = Gf16.EXP;
            char[] log = Gf16.LOG;
            for (int t = 0; t < len; t++) {
                int v = y[t];
                if (v != 0) {
                    x[t] ^= exp[Gf16.addMod(log[v], logM)];
                }
            }
        }
    }

    /** x *= m, where logM is the log of m. */
    static void mul(char[] x, int logM) {
        if (x.length >= TABLE_THRESHOLD) {
            char[] table = productTable(logM);
            for (int t = 0; t < x.length; t++) {
                int v = x[t];
                x[t] = (char) (table[v & 0xFF] ^ table[256 + (v >>> 8)]);
            }
            return;
        }
        char[] exp = Gf16.EXP;
        char[] log = Gf16.LOG;
        for (int t = 0; t < x.length; t++) {
            int v = x[t];
            if (v != 0) {
                x[t] = exp[Gf16.addMod(log[v], logM)];
            }
        }
    }

    /**
     * The products of m (given by its log) with every low byte (entries 0-255) and every high byte (entries
     * 256-511) of an element. Multiplication by a constant is linear over GF(2), so 16 products of single bits
     * give all 512 entries by xors.
     */
    static char[] productTable(int logM) {
        char[] table = new char[512];
        for (int bit = 0; bit < 8; bit++) {
            table[1 << bit] = (char) Gf16.mul(1 << bit, logM);
            table[256 + (1 << bit)] = (char) Gf16.mul(1 << (bit + 8), logM);
        }
        for (int b = 3; b < 256; b++) {
            int low = b & -b;
            if (low != b) {
                table[b] = (char) (table[low] ^ table[b ^ low]);
                table[256 + b] = (char) (table[256 + low] ^ table[256 + (b ^ low)]);
            }
        }
        return table;
    }
}
