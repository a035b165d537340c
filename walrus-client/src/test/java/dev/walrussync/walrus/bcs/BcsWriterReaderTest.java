package dev.walrussync.walrus.bcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link BcsWriter} and {@link BcsReader}: known encodings, round trips and strict rejection. */
class BcsWriterReaderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String hex(BcsWriter w) {
        return HEX.formatHex(w.toByteArray());
    }

    private static BcsReader reader(String hex) {
        return new BcsReader(HEX.parseHex(hex));
    }

    @Test
    void integersAreLittleEndianWithFixedWidths() {
        assertThat(hex(new BcsWriter().u8(0xab))).isEqualTo("ab");
        assertThat(hex(new BcsWriter().u16(0x1234))).isEqualTo("3412");
        assertThat(hex(new BcsWriter().u32(5))).isEqualTo("05000000");
        assertThat(hex(new BcsWriter().u32(52))).isEqualTo("34000000");
        assertThat(hex(new BcsWriter().u64(1_000_000_000L))).isEqualTo("00ca9a3b00000000");
        assertThat(hex(new BcsWriter().u64(-1L))).isEqualTo("ffffffffffffffff");
        assertThat(hex(new BcsWriter().u128(BigInteger.ONE.shiftLeft(127))))
                .isEqualTo("00000000000000000000000000000080");
        assertThat(hex(new BcsWriter().u256(BigInteger.ONE))).isEqualTo("01" + "00".repeat(31));
    }

    @Test
    void boolStringBytesOptionAndVectorHaveTheirBcsShapes() {
        assertThat(hex(new BcsWriter().bool(true).bool(false))).isEqualTo("0100");
        assertThat(hex(new BcsWriter().string("content-type"))).isEqualTo("0c636f6e74656e742d74797065");
        assertThat(hex(new BcsWriter().bytes(new byte[] {1, 2, 3}))).isEqualTo("03010203");
        assertThat(hex(new BcsWriter().fixedBytes(new byte[] {1, 2, 3}))).isEqualTo("010203");
        assertThat(hex(new BcsWriter().option(Optional.<Long>empty(), BcsWriter::u64)))
                .isEqualTo("00");
        assertThat(hex(new BcsWriter().option(Optional.of(7L), BcsWriter::u64))).isEqualTo("010700000000000000");
        assertThat(hex(new BcsWriter().vector(List.of(1, 2), BcsWriter::u16))).isEqualTo("0201000200");
        assertThat(hex(new BcsWriter().fixedArray(List.of(1, 2), 2, BcsWriter::u8)))
                .isEqualTo("0102");
    }

    @ParameterizedTest
    @CsvSource({"0,00", "1,01", "127,7f", "128,8001", "300,ac02", "16383,ff7f", "16384,808001", "4294967295,ffffffff0f"
    })
    void uleb128HasKnownMinimalEncodings(long value, String encoded) {
        assertThat(hex(new BcsWriter().uleb128(value))).isEqualTo(encoded);
        BcsReader r = reader(encoded);
        assertThat(r.uleb128()).isEqualTo(value);
        r.finish();
    }

    @Test
    void everyTypeRoundTrips() {
        BigInteger u128Max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        BigInteger u256Max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        byte[] bytes = new BcsWriter()
                .u8(255)
                .u16(65535)
                .u32(0xFFFF_FFFFL)
                .u64(Long.MIN_VALUE)
                .u128(u128Max)
                .u256(u256Max)
                .u256(BigInteger.valueOf(0x1234))
                .bool(true)
                .string("héllo ✓")
                .bytes(new byte[0])
                .option(Optional.of("x"), BcsWriter::string)
                .vector(List.of(List.of(1L), List.<Long>of()), (w, l) -> w.vector(l, BcsWriter::u64))
                .fixedArray(List.of(true, false, true), 3, BcsWriter::bool)
                .toByteArray();

        BcsReader r = new BcsReader(bytes);
        assertThat(r.u8()).isEqualTo(255);
        assertThat(r.u16()).isEqualTo(65535);
        assertThat(r.u32()).isEqualTo(0xFFFF_FFFFL);
        assertThat(r.u64()).isEqualTo(Long.MIN_VALUE);
        assertThat(r.u128()).isEqualTo(u128Max);
        assertThat(r.u256()).isEqualTo(u256Max);
        assertThat(r.u256()).isEqualTo(BigInteger.valueOf(0x1234));
        assertThat(r.bool()).isTrue();
        assertThat(r.string()).isEqualTo("héllo ✓");
        assertThat(r.bytes()).isEmpty();
        assertThat(r.option(BcsReader::string)).contains("x");
        assertThat(r.vector(x -> x.vector(BcsReader::u64))).containsExactly(List.of(1L), List.of());
        assertThat(r.fixedArray(3, BcsReader::bool)).containsExactly(true, false, true);
        assertThat(r.remaining()).isZero();
        r.finish();
    }

    @Test
    void randomU64AndU128ValuesRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            long v64 = random.nextLong();
            BigInteger v128 = new BigInteger(128, random);
            byte[] bytes = new BcsWriter().u64(v64).u128(v128).toByteArray();
            BcsReader r = new BcsReader(bytes);
            assertThat(r.u64()).isEqualTo(v64);
            assertThat(r.u128()).isEqualTo(v128);
            r.finish();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"u8", "u16", "u32", "u64", "u128", "u256", "bool", "uleb", "bytes", "string", "option"})
    void readerRejectsTruncatedInput(String type) {
        String full = switch (type) {
            case "u8", "bool" -> "01";
            case "u16" -> "0102";
            case "u32" -> "01020304";
            case "u64" -> "0102030405060708";
            case "u128" -> "01".repeat(16);
            case "u256" -> "01".repeat(32);
            case "uleb" -> "ac02";
            case "bytes", "string" -> "03616263";
            default -> "010700000000000000";
        };
        for (int cut = 0; cut < full.length() / 2; cut++) {
            BcsReader r = reader(full.substring(0, 2 * cut));
            assertThatThrownBy(() -> read(r, type))
                    .as("%s cut to %d bytes", type, cut)
                    .isInstanceOf(BcsException.class)
                    .hasMessageContaining("truncated");
        }
        BcsReader whole = reader(full);
        read(whole, type);
        whole.finish();
    }

    private static void read(BcsReader r, String type) {
        switch (type) {
            case "u8" -> r.u8();
            case "u16" -> r.u16();
            case "u32" -> r.u32();
            case "u64" -> r.u64();
            case "u128" -> r.u128();
            case "u256" -> r.u256();
            case "bool" -> r.bool();
            case "uleb" -> r.uleb128();
            case "bytes" -> r.bytes();
            case "string" -> r.string();
            default -> r.option(BcsReader::u64);
        }
    }

    @Test
    void decodeRejectsTrailingBytes() {
        byte[] bytes = HEX.parseHex("0500000000");

        assertThatThrownBy(() -> BcsReader.decode(bytes, BcsReader::u32))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("trailing bytes: 1 byte(s) left after offset 4");
        assertThat(BcsReader.decode(HEX.parseHex("05000000"), BcsReader::u32)).isEqualTo(5L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000", "ff00", "808000", "8080808000"})
    void uleb128RejectsOverlongEncodings(String encoded) {
        assertThatThrownBy(() -> reader(encoded).uleb128())
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("non-canonical");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080808010", "ffffffff1f", "808080808001"})
    void uleb128RejectsValuesAboveU32(String encoded) {
        assertThatThrownBy(() -> reader(encoded).uleb128())
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("does not fit in u32");
    }

    @Test
    void boolRejectsBytesOtherThanZeroAndOne() {
        assertThatThrownBy(() -> reader("02").bool())
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid bool 0x02 at offset 0");
    }

    @Test
    void optionRejectsTagsOtherThanZeroAndOne() {
        assertThatThrownBy(() -> reader("0207").option(BcsReader::u8))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid Option tag 0x02");
    }

    @Test
    void stringRejectsInvalidUtf8() {
        assertThatThrownBy(() -> reader("02c328").string())
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid UTF-8");
    }

    @Test
    void lengthLargerThanTheRemainingBytesIsRejectedBeforeAllocating() {
        assertThatThrownBy(() -> reader("ffffffff0f00").vector(BcsReader::u8))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("length 4294967295 at offset 0 exceeds the 1 byte(s) left");
    }

    @Test
    void variantRejectsUnknownTagsWithTheTypeName() {
        assertThat(reader("02").variant("Argument", 4)).isEqualTo(2);
        assertThatThrownBy(() -> reader("04").variant("Argument", 4))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("unknown Argument variant 4 at offset 0");
    }

    @Test
    void writerRejectsValuesOutOfRange() {
        BcsWriter w = new BcsWriter();
        assertThatThrownBy(() -> w.u8(256)).isInstanceOf(BcsException.class).hasMessageContaining("u8 out of range");
        assertThatThrownBy(() -> w.u16(-1)).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> w.u32(1L << 32)).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> w.u128(BigInteger.ONE.shiftLeft(128))).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> w.u256(BigInteger.ONE.negate())).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> w.uleb128(1L << 32)).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> w.fixedArray(List.of(1), 2, BcsWriter::u8))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("exactly 2 elements");
        assertThat(w.size()).isZero();
    }
}
