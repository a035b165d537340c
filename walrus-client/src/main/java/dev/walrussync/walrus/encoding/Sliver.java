package dev.walrussync.walrus.encoding;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One primary or secondary sliver: its index on its axis and its symbols, stored as one immutable byte string.
 *
 * <p>Its BCS form (the body of the storage node sliver routes) is {@code { symbols: { data: vector<u8>,
 * symbol_size: u16 }, index: u16 }}; the type is not part of it.
 */
public final class Sliver {
    private final SliverType type;
    private final int index;
    private final int symbolSize;
    private final byte[] data;

    private Sliver(SliverType type, int index, int symbolSize, byte[] data) {
        this.type = Objects.requireNonNull(type, "type");
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("sliver index " + index + " is not a u16");
        }
        if (symbolSize <= 0 || symbolSize > 0xFFFF) {
            throw new IllegalArgumentException("symbol size " + symbolSize + " is not a positive u16");
        }
        if (data.length % symbolSize != 0) {
            throw new IllegalArgumentException("sliver data of " + data.length + " bytes is not a whole number of "
                    + symbolSize + "-byte symbols");
        }
        this.index = index;
        this.symbolSize = symbolSize;
        this.data = data;
    }

    /** A sliver holding a copy of {@code data}, which is a whole number of symbols. */
    public static Sliver of(SliverType type, int index, int symbolSize, byte[] data) {
        return new Sliver(type, index, symbolSize, data.clone());
    }

    /** Wraps {@code data} without copying; the caller must not change it afterwards. */
    static Sliver wrap(SliverType type, int index, int symbolSize, byte[] data) {
        return new Sliver(type, index, symbolSize, data);
    }

    /**
     * Parses the BCS form of a sliver of the given type.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed sliver
     */
    public static Sliver fromBcs(SliverType type, byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        byte[] data = in.bytes();
        int symbolSize = in.u16();
        int index = in.u16();
        in.finish();
        return new Sliver(type, index, symbolSize, data);
    }

    /** The BCS form: ULEB128 length, data, symbol size (u16 LE), index (u16 LE). */
    public byte[] toBcs() {
        return new BcsWriter()
                .uleb128(data.length)
                .fixedBytes(data)
                .u16(symbolSize)
                .u16(index)
                .toByteArray();
    }

    public SliverType type() {
        return type;
    }

    /** The sliver index on its axis (0 to n-1); not the sliver pair index. */
    public int index() {
        return index;
    }

    public int symbolSize() {
        return symbolSize;
    }

    public int symbolCount() {
        return data.length / symbolSize;
    }

    /** Length of the data in bytes. */
    public int length() {
        return data.length;
    }

    /** A copy of the data. */
    public byte[] data() {
        return data.clone();
    }

    /** A read-only view of the data. */
    public ByteBuffer dataBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of symbol {@code i}. */
    public byte[] symbol(int i) {
        Objects.checkIndex(i, symbolCount());
        return Arrays.copyOfRange(data, i * symbolSize, (i + 1) * symbolSize);
    }

    /** The internal array, for this package's encoder and decoder only. */
    byte[] rawData() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sliver other
                && other.type == type
                && other.index == index
                && other.symbolSize == symbolSize
                && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, index, symbolSize) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Sliver[" + type + " " + index + ", " + symbolCount() + " × " + symbolSize + " B]";
    }
}
