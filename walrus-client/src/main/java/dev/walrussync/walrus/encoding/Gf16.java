package dev.walrussync.walrus.encoding;

/**
 * Arithmetic in GF(2^16) in the Leopard representation: elements are coordinates in a Cantor basis, multiplication
 * goes through log/exp tables, and the FFT skew factors and the Walsh transform of the log table are precomputed.
 *
 * <p>The constants (field polynomial 0x1002D and the Cantor basis) are those of Leopard-RS and of the Rust crate
 * reed-solomon-simd, so the codewords computed here equal theirs.
 */
final class Gf16 {
    static final int BITS = 16;
    static final int ORDER = 1 << BITS;
    static final int MODULUS = ORDER - 1;
    static final int POLYNOMIAL = 0x1002D;

    private static final int[] CANTOR_BASIS = {
        0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E, 0x914C, 0x4012,
        0x6C98, 0x10D8, 0x6A72, 0xB900, 0xFDB8, 0xFB34, 0xFF38, 0x991E
    };

    /** exp[log] = element; exp[MODULUS] = exp[0]. */
    static final char[] EXP = new char[ORDER];
    /** log[element] = discrete log; log[0] = MODULUS, which marks "multiply by zero" in skew factors. */
    static final char[] LOG = new char[ORDER];
    /** FFT skew factors as logs (MODULUS where the factor is zero). */
    static final char[] SKEW = new char[MODULUS];
    /** Walsh-Hadamard transform of the log table with log[0] replaced by 0, for erasure locators. */
    static final char[] LOG_WALSH = new char[ORDER];

    static {
        initExpLog();
        initSkew();
        for (int i = 0; i < ORDER; i++) {
            LOG_WALSH[i] = LOG[i];
        }
        LOG_WALSH[0] = 0;
        fwht(LOG_WALSH);
    }

    private Gf16() {}

    private static void initExpLog() {
        // Discrete logs in the polynomial basis (temporarily kept in EXP).
        int state = 1;
        for (int i = 0; i < MODULUS; i++) {
            EXP[state] = (char) i;
            state <<= 1;
            if (state >= ORDER) {
                state ^= POLYNOMIAL;
            }
        }
        EXP[0] = (char) MODULUS;
        // LOG[j] = polynomial-basis value of the element with Cantor coordinates j.
        LOG[0] = 0;
        for (int i = 0; i < BITS; i++) {
            int width = 1 << i;
            for (int j = 0; j < width; j++) {
                LOG[j + width] = (char) (LOG[j] ^ CANTOR_BASIS[i]);
            }
        }
        for (int i = 0; i < ORDER; i++) {
            LOG[i] = EXP[LOG[i]];
        }
        for (int i = 0; i < ORDER; i++) {
            EXP[LOG[i]] = (char) i;
        }
        EXP[MODULUS] = EXP[0];
    }

    private static void initSkew() {
        int[] temp = new int[BITS - 1];
        for (int i = 1; i < BITS; i++) {
            temp[i - 1] = 1 << i;
        }
        int[] skew = new int[MODULUS];
        for (int m = 0; m < BITS - 1; m++) {
            int step = 1 << (m + 1);
            skew[(1 << m) - 1] = 0;
            for (int i = m; i < BITS - 1; i++) {
                int s = 1 << (i + 1);
                for (int j = (1 << m) - 1; j < s; j += step) {
                    skew[j + s] = skew[j] ^ temp[i];
                }
            }
            temp[m] = MODULUS - LOG[mul(temp[m], LOG[temp[m] ^ 1])];
            for (int i = m + 1; i < BITS - 1; i++) {
                int sum = addMod(LOG[temp[i] ^ 1], temp[m]);
                temp[i] = mul(temp[i], sum);
            }
        }
        for (int i = 0; i < MODULUS; i++) {
            SKEW[i] = LOG[skew[i]];
        }
    }

    /** Addition modulo 2^16 - 1 of two logs (the result may be MODULUS, which equals 0). */
    static int addMod(int x, int y) {
        int sum = x + y;
        return (sum + (sum >>> 16)) & 0xFFFF;
    }

    /** Subtraction modulo 2^16 - 1 of two logs. */
    static int subMod(int x, int y) {
        int dif = x - y;
        return (dif + (dif >>> 16)) & 0xFFFF;
    }

    /** Multiplies element x by the element whose log is logM. */
    static int mul(int x, int logM) {
        return x == 0 ? 0 : EXP[addMod(LOG[x], logM)];
    }

    /** In-place Walsh-Hadamard transform over the integers modulo 2^16 - 1, on all ORDER entries. */
    static void fwht(char[] data) {
        for (int dist = 1; dist < ORDER; dist <<= 2) {
            int dist4 = dist << 2;
            for (int r = 0; r < ORDER; r += dist4) {
                for (int i = r; i < r + dist; i++) {
                    int t0 = data[i];
                    int t1 = data[i + dist];
                    int t2 = data[i + 2 * dist];
                    int t3 = data[i + 3 * dist];
                    int s01 = addMod(t0, t1);
                    int d01 = subMod(t0, t1);
                    int s23 = addMod(t2, t3);
                    int d23 = subMod(t2, t3);
                    data[i] = (char) addMod(s01, s23);
                    data[i + 2 * dist] = (char) subMod(s01, s23);
                    data[i + dist] = (char) addMod(d01, d23);
                    data[i + 3 * dist] = (char) subMod(d01, d23);
                }
            }
        }
    }
}
