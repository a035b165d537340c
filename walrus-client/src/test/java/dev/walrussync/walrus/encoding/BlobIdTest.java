package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Blob ID derivation and its base64 and u256 forms. */
class BlobIdTest {
    /** The vector of protocol notes §3.7 (Walrus docs/examples/python/utils.py). */
    private static final String DECIMAL =
            "46269954626831698189342469164469112511517843773769981308926739591706762839432";

    private static final String TEXT = "iIWkkUTzPZx-d1E_A7LqUynnYFD-ztk39_tP8MLdS2Y";

    @Test
    void decimalU256ConvertsToTheBase64TextForm() {
        assertThat(BlobId.fromU256Decimal(DECIMAL).toString()).isEqualTo(TEXT);
    }

    @Test
    void base64TextFormConvertsToTheDecimalU256() {
        BlobId id = BlobId.parse(TEXT);

        assertThat(id.toU256Decimal()).isEqualTo(DECIMAL);
        assertThat(id.toU256()).isEqualTo(new BigInteger(DECIMAL));
    }

    @Test
    void u256IsTheBytesReadLittleEndian() {
        byte[] bytes = new byte[32];
        bytes[0] = 1;
        bytes[31] = (byte) 0x80;
        BlobId id = BlobId.of(bytes);

        assertThat(id.toU256()).isEqualTo(BigInteger.ONE.shiftLeft(255).add(BigInteger.ONE));
        assertThat(BlobId.fromU256(id.toU256())).isEqualTo(id);
        assertThat(BlobId.fromU256(BigInteger.ZERO).bytes()).isEqualTo(new byte[32]);
    }

    @Test
    void derivationHashesTypeLengthAndRoot() {
        byte[] root = new byte[32];
        root[5] = 7;
        byte[] input = new byte[41];
        input[0] = 1;
        input[1] = (byte) 0x39;
        input[2] = 0x30; // 12345 as u64 LE
        System.arraycopy(root, 0, input, 9, 32);

        assertThat(BlobId.derive(12345, root).bytes()).isEqualTo(new Blake2b256().hash(input));
    }

    @Test
    void textFormHasFortyThreeUrlSafeCharacters() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 0xFB);
        String text = BlobId.of(bytes).toString();

        assertThat(text).hasSize(43).doesNotContain("+", "/", "=").contains("-", "_");
        assertThat(BlobId.parse(text).bytes()).isEqualTo(bytes);
    }

    @Test
    void malformedTextIsRejected() {
        assertThatThrownBy(() -> BlobId.parse(TEXT + "=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobId.parse(TEXT.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobId.parse(TEXT.replace('-', '+'))).isInstanceOf(IllegalArgumentException.class);
        // The last character carries 4 unused bits, which must be zero.
        assertThatThrownBy(() -> BlobId.parse(TEXT.substring(0, 42) + "Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outOfRangeU256IsRejected() {
        assertThatThrownBy(() -> BlobId.fromU256(BigInteger.ONE.shiftLeft(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobId.fromU256(BigInteger.ONE.negate())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexRoundTripsAndEqualityFollowsTheBytes() {
        BlobId id = BlobId.parse(TEXT);

        assertThat(BlobId.fromHex(id.hex())).isEqualTo(id).hasSameHashCodeAs(id);
        assertThat(id.compareTo(BlobId.fromU256(BigInteger.ZERO))).isPositive();
    }
}
