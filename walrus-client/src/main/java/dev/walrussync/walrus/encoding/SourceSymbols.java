package dev.walrussync.walrus.encoding;

import java.util.Arrays;

/**
 * A blob read as the (n - 2f) × (n - f) matrix of source symbols, row-major and zero padded at the end, without
 * copying it: symbol (r, c) starts at byte {@code r × rowBytes + c × symbolSize} of the blob. Symbols that run past
 * the end of the blob are completed with zeros in a caller-supplied scratch buffer of one symbol.
 */
final class SourceSymbols {
    private final byte[] blob;
    private final int rowBytes;
    private final int symbolSize;

    SourceSymbols(byte[] blob, int cols, int symbolSize) {
        this.blob = blob;
        this.rowBytes = cols * symbolSize;
        this.symbolSize = symbolSize;
    }

    /** Bytes in one source row (a primary sliver). */
    int rowBytes() {
        return rowBytes;
    }

    /** The offset of symbol (r, c) in the blob, or -1 after copying it, zero padded, into {@code scratch}. */
    private int locate(int r, int c, byte[] scratch) {
        long start = (long) r * rowBytes + (long) c * symbolSize;
        if (start + symbolSize <= blob.length) {
            return (int) start;
        }
        Arrays.fill(scratch, 0, symbolSize, (byte) 0);
        if (start < blob.length) {
            System.arraycopy(blob, (int) start, scratch, 0, blob.length - (int) start);
        }
        return -1;
    }

    /** Reads symbol (r, c) as {@code symbolSize / 2} elements into {@code dst[dstOff..]}. */
    void toElements(int r, int c, char[] dst, int dstOff, byte[] scratch) {
        int at = locate(r, c, scratch);
        if (at >= 0) {
            SymbolLayout.toElements(blob, at, symbolSize, dst, dstOff);
        } else {
            SymbolLayout.toElements(scratch, 0, symbolSize, dst, dstOff);
        }
    }

    /** Writes the Merkle leaf hash of symbol (r, c) into {@code out[outOff..]}. */
    void leafHash(int r, int c, Blake2b256 hasher, byte[] out, int outOff, byte[] scratch) {
        int at = locate(r, c, scratch);
        if (at >= 0) {
            hasher.hash(MerkleTree.LEAF_PREFIX, blob, at, symbolSize, out, outOff);
        } else {
            hasher.hash(MerkleTree.LEAF_PREFIX, scratch, 0, symbolSize, out, outOff);
        }
    }

    /** Copies symbol (r, c), zero padded, into {@code dst[off..]}. */
    void copy(int r, int c, byte[] dst, int off) {
        long start = (long) r * rowBytes + (long) c * symbolSize;
        int available = (int) Math.max(0, Math.min(symbolSize, blob.length - start));
        if (available > 0) {
            System.arraycopy(blob, (int) start, dst, off, available);
        }
        Arrays.fill(dst, off + available, off + symbolSize, (byte) 0);
    }

    /** Source row {@code r} (primary sliver r), zero padded, as a new array. */
    byte[] row(int r) {
        byte[] out = new byte[rowBytes];
        long start = (long) r * rowBytes;
        if (start < blob.length) {
            System.arraycopy(blob, (int) start, out, 0, (int) Math.min(rowBytes, blob.length - start));
        }
        return out;
    }
}
