package dev.walrussync.walrus.bcs;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Appends BCS-encoded values to a growing buffer; not thread-safe. */
public final class BcsWriter {
    /** Largest ULEB128 value BCS allows for lengths and enum tags (u32). */
    static final long MAX_ULEB128 = 0xFFFF_FFFFL;

    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger U256_LIMIT = BigInteger.ONE.shiftLeft(256);

    /** Writes one value of type {@code T}. */
    @FunctionalInterface
    public interface Encoder<T> {
        void encode(BcsWriter writer, T value);
    }

    private final ByteArrayOutputStream out;

    public BcsWriter() {
        this.out = new ByteArrayOutputStream(256);
    }

    /** Returns a copy of everything written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Returns the number of bytes written so far. */
    public int size() {
        return out.size();
    }

    public BcsWriter u8(int value) {
        checkRange(value, 0xFF, "u8");
        out.write(value);
        return this;
    }

    public BcsWriter u16(int value) {
        checkRange(value, 0xFFFF, "u16");
        return littleEndian(value, 2);
    }

    public BcsWriter u32(long value) {
        checkRange(value, 0xFFFF_FFFFL, "u32");
        return littleEndian(value, 4);
    }

    /** Writes the 64 bits of {@code value}, read as unsigned: {@code -1} is {@code 2^64 - 1}. */
    public BcsWriter u64(long value) {
        return littleEndian(value, 8);
    }

    public BcsWriter u128(BigInteger value) {
        return bigLittleEndian(value, U128_LIMIT, 16, "u128");
    }

    public BcsWriter u256(BigInteger value) {
        return bigLittleEndian(value, U256_LIMIT, 32, "u256");
    }

    public BcsWriter bool(boolean value) {
        out.write(value ? 1 : 0);
        return this;
    }

    /** Writes a ULEB128 value (a length or an enum tag); BCS limits these to u32. */
    public BcsWriter uleb128(long value) {
        checkRange(value, MAX_ULEB128, "ULEB128");
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            if (v != 0) {
                b |= 0x80;
            }
            out.write(b);
        } while (v != 0);
        return this;
    }

    /** Writes an enum variant tag, a ULEB128 index. */
    public BcsWriter variant(int index) {
        return uleb128(index);
    }

    /** Writes {@code vector<u8>}: ULEB128 length, then the bytes. */
    public BcsWriter bytes(byte[] value) {
        uleb128(value.length);
        out.writeBytes(value);
        return this;
    }

    /** Writes the bytes with no length prefix: a fixed-size array {@code [u8; N]}, or already encoded BCS. */
    public BcsWriter fixedBytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    /** Writes a string: ULEB128 length of the UTF-8 bytes, then the bytes. */
    public BcsWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code vector<T>}: ULEB128 element count, then each element. */
    public <T> BcsWriter vector(List<? extends T> values, Encoder<T> encoder) {
        uleb128(values.size());
        for (T value : values) {
            encoder.encode(this, value);
        }
        return this;
    }

    /** Writes a fixed-size array {@code [T; N]}: the elements with no length prefix. */
    public <T> BcsWriter fixedArray(List<? extends T> values, int expectedLength, Encoder<T> encoder) {
        if (values.size() != expectedLength) {
            throw new BcsException("fixed array needs exactly " + expectedLength + " elements, got " + values.size());
        }
        for (T value : values) {
            encoder.encode(this, value);
        }
        return this;
    }

    /** Writes {@code Option<T>}: {@code 00} when empty, or {@code 01} followed by the value. */
    public <T> BcsWriter option(Optional<? extends T> value, Encoder<T> encoder) {
        if (value.isEmpty()) {
            out.write(0);
        } else {
            out.write(1);
            encoder.encode(this, value.get());
        }
        return this;
    }

    /** Writes any value with its encoder; handy in chains. */
    public <T> BcsWriter write(T value, Encoder<T> encoder) {
        encoder.encode(this, value);
        return this;
    }

    /** Encodes one value to a fresh byte array. */
    public static <T> byte[] encode(T value, Encoder<T> encoder) {
        BcsWriter writer = new BcsWriter();
        encoder.encode(writer, value);
        return writer.toByteArray();
    }

    private BcsWriter littleEndian(long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    private BcsWriter bigLittleEndian(BigInteger value, BigInteger limit, int width, String type) {
        if (value.signum() < 0 || value.compareTo(limit) >= 0) {
            throw new BcsException(type + " out of range: " + value);
        }
        byte[] bigEndian = value.toByteArray(); // may carry a leading 0x00 sign byte
        for (int i = 0; i < width; i++) {
            int index = bigEndian.length - 1 - i;
            out.write(index >= 0 ? bigEndian[index] & 0xFF : 0);
        }
        return this;
    }

    private static void checkRange(long value, long max, String type) {
        if (value < 0 || value > max) {
            throw new BcsException(type + " out of range: " + value);
        }
    }
}
