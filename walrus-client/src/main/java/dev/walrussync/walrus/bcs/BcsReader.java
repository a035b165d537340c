package dev.walrussync.walrus.bcs;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads BCS values from a byte array, strictly: every read checks that enough bytes remain, ULEB128 values must
 * be minimal and fit in u32, booleans must be {@code 00} or {@code 01}, strings must be valid UTF-8, and
 * {@link #finish()} rejects trailing bytes. Not thread-safe.
 */
public final class BcsReader {
    /** Reads one value of type {@code T}. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(BcsReader reader);
    }

    private final byte[] data;
    private int position;

    /** Reads from {@code data}, which the reader does not copy; the caller must not change it while reading. */
    public BcsReader(byte[] data) {
        this.data = data;
        this.position = 0;
    }

    /**
     * Decodes exactly one value from {@code data}.
     *
     * @throws BcsException if the bytes are not one valid value, including when bytes are left over
     */
    public static <T> T decode(byte[] data, Decoder<T> decoder) {
        BcsReader reader = new BcsReader(data);
        T value = decoder.decode(reader);
        reader.finish();
        return value;
    }

    /** Returns the offset of the next byte to read. */
    public int position() {
        return position;
    }

    /** Returns how many bytes are left. */
    public int remaining() {
        return data.length - position;
    }

    /** Throws unless every byte has been read. */
    public void finish() {
        if (position != data.length) {
            throw new BcsException(
                    "trailing bytes: " + remaining() + " byte(s) left after offset " + position + " of " + data.length);
        }
    }

    public int u8() {
        require(1, "u8");
        return data[position++] & 0xFF;
    }

    public int u16() {
        return (int) littleEndian(2, "u16");
    }

    /** Reads a u32 as a non-negative {@code long}. */
    public long u32() {
        return littleEndian(4, "u32");
    }

    /** Reads a u64 as the 64 bits of a {@code long}; use {@link Long#toUnsignedString(long)} to print it. */
    public long u64() {
        return littleEndian(8, "u64");
    }

    public BigInteger u128() {
        return bigLittleEndian(16, "u128");
    }

    public BigInteger u256() {
        return bigLittleEndian(32, "u256");
    }

    public boolean bool() {
        int start = position;
        int b = u8();
        return switch (b) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new BcsException(String.format("invalid bool 0x%02x at offset %d", b, start));
        };
    }

    /** Reads a minimal ULEB128 value no larger than u32, as BCS requires for lengths and enum tags. */
    public long uleb128() {
        int start = position;
        long value = 0;
        int shift = 0;
        while (true) {
            if (position >= data.length) {
                throw new BcsException("truncated input: ULEB128 starting at offset " + start + " runs past the end ("
                        + data.length + " bytes)");
            }
            int b = data[position++] & 0xFF;
            long digit = b & 0x7F;
            if (shift == 28 && digit > 0x0F) {
                throw new BcsException("ULEB128 at offset " + start + " does not fit in u32");
            }
            value |= digit << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new BcsException("non-canonical ULEB128 at offset " + start + ": trailing zero byte");
                }
                return value;
            }
            shift += 7;
            if (shift > 28) {
                throw new BcsException("ULEB128 at offset " + start + " does not fit in u32");
            }
        }
    }

    /**
     * Reads an enum variant tag and checks that it names one of the {@code variantCount} known variants of
     * {@code typeName}.
     */
    public int variant(String typeName, int variantCount) {
        int start = position;
        long tag = uleb128();
        if (tag >= variantCount) {
            throw new BcsException("unknown " + typeName + " variant " + tag + " at offset " + start + " (known: 0.."
                    + (variantCount - 1) + ")");
        }
        return (int) tag;
    }

    /**
     * Reads a sequence length and checks that at least that many bytes remain. Every element type used with this
     * reader takes at least one byte, so a longer length can only be a lie; refusing it early avoids large
     * allocations.
     */
    public int length() {
        int start = position;
        long length = uleb128();
        if (length > remaining()) {
            throw new BcsException("truncated input: length " + length + " at offset " + start + " exceeds the "
                    + remaining() + " byte(s) left");
        }
        return (int) length;
    }

    /** Reads {@code vector<u8>}: ULEB128 length, then the bytes. */
    public byte[] bytes() {
        int length = length();
        return fixedBytes(length);
    }

    /** Reads exactly {@code count} raw bytes, a fixed-size array {@code [u8; N]}. */
    public byte[] fixedBytes(int count) {
        require(count, count + " bytes");
        byte[] out = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    /** Reads a string: ULEB128 length, then that many bytes of valid UTF-8. */
    public String string() {
        int start = position;
        byte[] raw = bytes();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BcsException("invalid UTF-8 in string at offset " + start, e);
        }
    }

    /** Reads {@code vector<T>}; the returned list is unmodifiable. */
    public <T> List<T> vector(Decoder<T> decoder) {
        int count = length();
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(decoder.decode(this));
        }
        return Collections.unmodifiableList(out);
    }

    /** Reads a fixed-size array {@code [T; count]}; the returned list is unmodifiable. */
    public <T> List<T> fixedArray(int count, Decoder<T> decoder) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(decoder.decode(this));
        }
        return Collections.unmodifiableList(out);
    }

    /** Reads {@code Option<T>}: tag {@code 00} is empty, {@code 01} is followed by a value. */
    public <T> Optional<T> option(Decoder<T> decoder) {
        int start = position;
        int tag = u8();
        return switch (tag) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(decoder.decode(this));
            default -> throw new BcsException(String.format("invalid Option tag 0x%02x at offset %d", tag, start));
        };
    }

    private long littleEndian(int width, String type) {
        require(width, type);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) (data[position + i] & 0xFF) << (8 * i);
        }
        position += width;
        return value;
    }

    private BigInteger bigLittleEndian(int width, String type) {
        require(width, type);
        byte[] bigEndian = new byte[width];
        for (int i = 0; i < width; i++) {
            bigEndian[width - 1 - i] = data[position + i];
        }
        position += width;
        return new BigInteger(1, bigEndian);
    }

    private void require(int count, String what) {
        if (count < 0 || count > remaining()) {
            throw new BcsException("truncated input: needed " + count + " byte(s) for " + what + " at offset "
                    + position + ", " + remaining() + " left");
        }
    }
}
