package dev.walrussync.walrus.encoding;

import java.util.Arrays;
import java.util.Objects;

/**
 * Systematic Reed-Solomon erasure code over GF(2^16) that turns k source symbols into n symbols (the first k equal
 * the input) and recovers the source from any k of them, computing the same repair symbols as the Rust crate
 * reed-solomon-simd 3.1.0 (Leopard-RS construction). The n - k symbols the code adds are repair symbols
 * (walrus-core's word; the crate calls them recovery shards), not to be confused with the {@link RecoverySymbol}s
 * that rebuild a sliver.
 *
 * <p>Codeword layout, as in that crate: with {@code r = n - k} repair symbols, the "high rate" code (used when
 * {@code nextPow2(r) <= nextPow2(k)}) puts repair symbol j at FFT point j and source symbol i at point
 * {@code nextPow2(r) + i}, and is a shortened Reed-Solomon code; the "low rate" code puts source symbol i at point i
 * and repair symbol j at point {@code nextPow2(k) + j}, and evaluates the interpolating polynomial of degree below
 * {@code nextPow2(k)}. Symbols must have an even, non-zero size; each position holds GF(2^16) elements laid out as
 * {@link SymbolLayout} describes. Instances are immutable and thread-safe.
 */
public final class ReedSolomon {
    private final int k;
    private final int n;
    private final int r;
    private final boolean highRate;
    /** nextPow2(r) for the high-rate code, nextPow2(k) for the low-rate code. */
    private final int chunk;

    /**
     * Creates a code with {@code sourceSymbols} source symbols and {@code totalSymbols} symbols in all.
     *
     * @throws IllegalArgumentException if {@code 1 <= sourceSymbols < totalSymbols} does not hold or the counts
     *     exceed what GF(2^16) supports
     */
    public ReedSolomon(int sourceSymbols, int totalSymbols) {
        if (sourceSymbols < 1 || totalSymbols <= sourceSymbols) {
            throw new IllegalArgumentException(
                    "need 1 <= source symbols < total symbols, got " + sourceSymbols + " and " + totalSymbols);
        }
        int repair = totalSymbols - sourceSymbols;
        int kPow2 = nextPow2(sourceSymbols);
        int rPow2 = nextPow2(repair);
        if ((long) Math.min(kPow2, rPow2) + Math.max(sourceSymbols, repair) > Gf16.ORDER) {
            throw new IllegalArgumentException(
                    "unsupported symbol counts for GF(2^16): " + sourceSymbols + " of " + totalSymbols);
        }
        this.k = sourceSymbols;
        this.n = totalSymbols;
        this.r = repair;
        this.highRate = rPow2 <= kPow2;
        this.chunk = highRate ? rPow2 : kPow2;
    }

    public int sourceSymbols() {
        return k;
    }

    public int totalSymbols() {
        return n;
    }

    /**
     * Encodes k source symbols of equal, even size into n symbols; the first k are copies of the input.
     *
     * @throws IllegalArgumentException if there are not k symbols or their sizes differ or are odd or zero
     */
    public byte[][] encode(byte[][] source) {
        Objects.requireNonNull(source, "source");
        if (source.length != k) {
            throw new IllegalArgumentException("expected " + k + " source symbols, got " + source.length);
        }
        int symbolSize = checkSymbolSize(source);
        char[][] elements = new char[k][symbolSize / 2];
        for (int i = 0; i < k; i++) {
            SymbolLayout.toElements(source[i], 0, symbolSize, elements[i], 0);
        }
        char[][] repair = encodeElements(elements, true);
        byte[][] out = new byte[n][];
        for (int i = 0; i < k; i++) {
            out[i] = source[i].clone();
        }
        for (int j = 0; j < r; j++) {
            out[k + j] = new byte[symbolSize];
            SymbolLayout.fromElements(repair[j], 0, symbolSize, out[k + j], 0);
        }
        return out;
    }

    /**
     * Recovers the k source symbols from at least k of the n symbols.
     *
     * @param indices the codeword index (0 to n-1) of each given symbol, all distinct
     * @param symbols the symbols, of equal, even size
     * @throws IllegalArgumentException if fewer than k symbols are given, an index repeats or is out of range
     */
    public byte[][] decode(int[] indices, byte[][] symbols) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(symbols, "symbols");
        if (indices.length != symbols.length) {
            throw new IllegalArgumentException("indices and symbols differ in number");
        }
        int symbolSize = checkSymbolSize(symbols);
        Decoder decoder = decoder(indices);
        char[][] received = new char[symbols.length][symbolSize / 2];
        for (int i = 0; i < symbols.length; i++) {
            SymbolLayout.toElements(symbols[i], 0, symbolSize, received[i], 0);
        }
        char[][] source = decoder.decode(received);
        byte[][] out = new byte[k][symbolSize];
        for (int i = 0; i < k; i++) {
            SymbolLayout.fromElements(source[i], 0, symbolSize, out[i], 0);
        }
        return out;
    }

    private static int checkSymbolSize(byte[][] symbols) {
        if (symbols.length == 0) {
            throw new IllegalArgumentException("no symbols");
        }
        int size = symbols[0].length;
        if (size == 0 || size % 2 != 0) {
            throw new IllegalArgumentException("symbol size must be even and non-zero, got " + size);
        }
        for (byte[] s : symbols) {
            if (s.length != size) {
                throw new IllegalArgumentException("symbols differ in size");
            }
        }
        return size;
    }

    /**
     * Computes the n - k repair symbols, as element vectors, from k source element vectors of equal length. The
     * input is not modified.
     */
    char[][] encodeElements(char[][] source) {
        return encodeElements(source, false);
    }

    /**
     * As {@link #encodeElements(char[][])}; if {@code consume} is true, the source vectors are used as work space
     * (overwritten) instead of being copied.
     */
    char[][] encodeElements(char[][] source, boolean consume) {
        int len = source[0].length;
        char[][] work;
        if (highRate) {
            int workCount = roundUp(k, chunk);
            work = new char[workCount][];
            for (int i = 0; i < workCount; i++) {
                work[i] = i < k ? (consume ? source[i] : source[i].clone()) : new char[len];
            }
            LeopardFft.ifft(work, 0, chunk, Math.min(k, chunk), chunk);
            for (int start = chunk; start < k; start += chunk) {
                LeopardFft.ifft(work, start, chunk, Math.min(chunk, k - start), start + chunk);
                for (int i = 0; i < chunk; i++) {
                    LeopardFft.xor(work[i], work[start + i]);
                }
            }
            LeopardFft.fft(work, 0, chunk, r, 0);
        } else {
            int workCount = roundUp(r, chunk);
            work = new char[workCount][];
            for (int i = 0; i < chunk; i++) {
                work[i] = i < k ? (consume ? source[i] : source[i].clone()) : new char[len];
            }
            LeopardFft.ifft(work, 0, chunk, k, 0);
            for (int start = chunk; start < r; start += chunk) {
                for (int i = 0; i < chunk; i++) {
                    work[start + i] = work[i].clone();
                }
            }
            for (int start = 0; start < r; start += chunk) {
                LeopardFft.fft(work, start, chunk, Math.min(chunk, r - start), start + chunk);
            }
        }
        return Arrays.copyOf(work, r);
    }

    /** FFT point of codeword index i (source symbols first, then repair symbols). */
    private int point(int index) {
        if (highRate) {
            return index < k ? chunk + index : index - k;
        }
        return index < k ? index : chunk + index - k;
    }

    /** Prepares the decoding of all codewords received at the same indices. */
    Decoder decoder(int[] indices) {
        if (indices.length < k) {
            throw new IllegalArgumentException("need at least " + k + " symbols to decode, got " + indices.length);
        }
        boolean[] seen = new boolean[n];
        for (int index : indices) {
            if (index < 0 || index >= n) {
                throw new IllegalArgumentException("symbol index " + index + " out of range 0.." + (n - 1));
            }
            if (seen[index]) {
                throw new IllegalArgumentException("symbol index " + index + " given twice");
            }
            seen[index] = true;
        }
        return new Decoder(indices.clone(), seen);
    }

    /**
     * Erasure decoder for a fixed set of received indices: multiplies the received values by the erasure locator
     * E, interpolates, takes the formal derivative and evaluates it, then divides by E' at the erased source
     * points.
     */
    final class Decoder {
        private final int[] indices;
        private final int[] sourceSlot;
        private final boolean allSourcePresent;
        private final int size;
        /** Log of E at received points and of E' at erased points. */
        private final char[] locator;

        private Decoder(int[] indices, boolean[] seen) {
            this.indices = indices;
            this.sourceSlot = new int[k];
            Arrays.fill(sourceSlot, -1);
            boolean all = true;
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < k) {
                    sourceSlot[indices[i]] = i;
                }
            }
            for (int i = 0; i < k; i++) {
                all &= sourceSlot[i] >= 0;
            }
            this.allSourcePresent = all;
            int codeEnd = highRate ? chunk + k : chunk + r;
            this.size = nextPow2(codeEnd);
            if (all) {
                this.locator = null;
                return;
            }
            char[] erasures = new char[Gf16.ORDER];
            if (highRate) {
                // Repair points [0, chunk) beyond r are unknown; points from chunk + k on are known zeros.
                for (int p = 0; p < chunk + k; p++) {
                    erasures[p] = 1;
                }
            } else {
                // Source points [k, chunk) are known zeros; everything from chunk + r on is unknown.
                for (int p = 0; p < size; p++) {
                    erasures[p] = (char) (p < k || p >= chunk ? 1 : 0);
                }
            }
            for (int index = 0; index < n; index++) {
                if (seen[index]) {
                    erasures[point(index)] = 0;
                }
            }
            Gf16.fwht(erasures);
            for (int i = 0; i < Gf16.ORDER; i++) {
                erasures[i] = (char) ((erasures[i] * (long) Gf16.LOG_WALSH[i]) % Gf16.MODULUS);
            }
            Gf16.fwht(erasures);
            this.locator = Arrays.copyOf(erasures, size);
        }

        /**
         * Returns the k source element vectors given the received vectors in the order of the indices. Source
         * vectors that were received are returned as they are (not copied).
         */
        char[][] decode(char[][] received) {
            char[][] out = new char[k][];
            for (int i = 0; i < k; i++) {
                if (sourceSlot[i] >= 0) {
                    out[i] = received[sourceSlot[i]];
                }
            }
            if (allSourcePresent) {
                return out;
            }
            int len = received[0].length;
            char[][] work = new char[size][];
            for (int i = 0; i < indices.length; i++) {
                int p = point(indices[i]);
                work[p] = received[i].clone();
                LeopardFft.mul(work[p], locator[p]);
            }
            for (int p = 0; p < size; p++) {
                if (work[p] == null) {
                    work[p] = new char[len];
                }
            }
            LeopardFft.ifft(work, 0, size, size, 0);
            LeopardFft.formalDerivative(work, size);
            int lastSourcePoint = highRate ? chunk + k : k;
            LeopardFft.fft(work, 0, size, lastSourcePoint, 0);
            for (int i = 0; i < k; i++) {
                if (out[i] == null) {
                    int p = point(i);
                    char[] v = work[p];
                    LeopardFft.mul(v, Gf16.MODULUS - locator[p]);
                    out[i] = v;
                }
            }
            return out;
        }
    }

    static int nextPow2(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
