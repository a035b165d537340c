package dev.walrussync.walrus.node;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * The BCS struct {@code SliverData { symbols: { data: vector<u8>, symbol_size: u16 }, index: u16 }}, the body of the
 * sliver GET and PUT routes; whether it is a primary or a secondary sliver comes from the route, not the body.
 */
public final class SliverData {
    private final int index;
    private final int symbolSize;
    private final byte[] data;

    private SliverData(int index, int symbolSize, byte[] data) {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("sliver index " + index + " is not a u16");
        }
        if (symbolSize < 1 || symbolSize > 0xFFFF) {
            throw new IllegalArgumentException("symbol size " + symbolSize + " is not a non-zero u16");
        }
        if (data.length % symbolSize != 0) {
            throw new IllegalArgumentException("sliver data of " + data.length + " bytes is not a whole number of "
                    + symbolSize + "-byte symbols");
        }
        this.index = index;
        this.symbolSize = symbolSize;
        this.data = data;
    }

    /** A sliver with the given sliver index (not pair index), symbol size and a copy of the symbol bytes. */
    public static SliverData of(int index, int symbolSize, byte[] data) {
        Objects.requireNonNull(data, "data");
        return new SliverData(index, symbolSize, data.clone());
    }

    /**
     * Parses BCS bytes.
     *
     * @throws IllegalArgumentException if the bytes are not exactly one well-formed {@code SliverData}
     */
    public static SliverData fromBcs(byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        byte[] data = in.bytes();
        int symbolSize = in.u16();
        int index = in.u16();
        in.finish();
        return new SliverData(index, symbolSize, data);
    }

    /** The BCS bytes. */
    public byte[] toBcs() {
        return new BcsWriter().bytes(data).u16(symbolSize).u16(index).toByteArray();
    }

    /** The sliver index on its axis (0 to n - 1). */
    public int index() {
        return index;
    }

    public int symbolSize() {
        return symbolSize;
    }

    public int symbolCount() {
        return data.length / symbolSize;
    }

    /** Length of the symbol data in bytes. */
    public int length() {
        return data.length;
    }

    /** A copy of the symbol data. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliverData other
                && other.index == index
                && other.symbolSize == symbolSize
                && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return (index * 31 + symbolSize) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SliverData[index " + index + ", " + symbolCount() + " × " + symbolSize + " B]";
    }
}
