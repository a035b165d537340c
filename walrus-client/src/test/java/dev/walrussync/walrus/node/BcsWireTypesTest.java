package dev.walrussync.walrus.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BCS wire types encode exactly the byte layouts of protocol.md §2.3. */
class BcsWireTypesTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static String repeat(String hexByte) {
        return hexByte.repeat(32);
    }

    private static final BlobMetadata TWO_PAIRS = new BlobMetadata(
            EncodingType.RS2,
            300,
            List.of(
                    new SliverPairMetadata(MerkleNode.digest(filled(0x11)), MerkleNode.empty()),
                    new SliverPairMetadata(MerkleNode.digest(filled(0x22)), MerkleNode.digest(filled(0x33)))));

    private static final String TWO_PAIRS_HEX = "00" // BlobMetadata::V1
            + "01" // EncodingType::RS2
            + "2c01000000000000" // unencoded_length = 300, u64 LE
            + "02" // two sliver pairs
            + "01" + repeat("11") + "00" // Digest, Empty
            + "01" + repeat("22") + "01" + repeat("33");

    @Test
    void blobMetadataIsTheV1VariantWithEncodingTypeLengthAndVariantTaggedMerkleNodes() {
        assertThat(HEX.formatHex(TWO_PAIRS.toBcs())).isEqualTo(TWO_PAIRS_HEX);
        assertThat(BlobMetadata.fromBcs(HEX.parseHex(TWO_PAIRS_HEX))).isEqualTo(TWO_PAIRS);
    }

    @Test
    void blobMetadataParsesTheRetiredRaptorQEncodingTypeSoThatANodeCanRejectIt() {
        String raptorQ = "00" + "00" + TWO_PAIRS_HEX.substring(4);
        assertThat(BlobMetadata.fromBcs(HEX.parseHex(raptorQ)).encodingType())
                .isEqualTo(EncodingType.RED_STUFF_RAPTORQ);
    }

    @Test
    void blobMetadataRejectsUnknownVersionsEncodingTypesNodeVariantsTruncationAndTrailingBytes() {
        assertThatThrownBy(() -> BlobMetadata.fromBcs(HEX.parseHex("01" + TWO_PAIRS_HEX.substring(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> BlobMetadata.fromBcs(HEX.parseHex("0002" + TWO_PAIRS_HEX.substring(4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoding type");
        String badNode = TWO_PAIRS_HEX.substring(0, 22) + "02" + TWO_PAIRS_HEX.substring(24);
        assertThatThrownBy(() -> BlobMetadata.fromBcs(HEX.parseHex(badNode)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Merkle node");
        assertThatThrownBy(() -> BlobMetadata.fromBcs(HEX.parseHex(TWO_PAIRS_HEX.substring(0, 40))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> BlobMetadata.fromBcs(HEX.parseHex(TWO_PAIRS_HEX + "00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void blobMetadataWithIdIsTheRawBlobIdFollowedByTheMetadata() {
        BlobId id = BlobId.of(filled(0x44));
        BlobMetadataWithId withId = new BlobMetadataWithId(id, TWO_PAIRS);

        assertThat(HEX.formatHex(withId.toBcs())).isEqualTo(repeat("44") + TWO_PAIRS_HEX);
        assertThat(BlobMetadataWithId.fromBcs(withId.toBcs())).isEqualTo(withId);
    }

    @Test
    void sliverDataIsTheSymbolVectorThenSymbolSizeThenIndexAsU16() {
        SliverData sliver = SliverData.of(5, 2, HEX.parseHex("aabbccdd"));

        assertThat(HEX.formatHex(sliver.toBcs())).isEqualTo("04" + "aabbccdd" + "0200" + "0500");
        assertThat(SliverData.fromBcs(sliver.toBcs())).isEqualTo(sliver);
        assertThat(sliver.symbolCount()).isEqualTo(2);
    }

    @Test
    void sliverDataRejectsZeroSymbolSizeAndPartialSymbols() {
        assertThatThrownBy(() -> SliverData.fromBcs(HEX.parseHex("04aabbccdd00000500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol size");
        assertThatThrownBy(() -> SliverData.fromBcs(HEX.parseHex("03aabbcc02000500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number");
    }

    @Test
    void permanentStorageConfirmationMessageIsIntentEpochBlobIdAndVariantZero() {
        ProtocolMessage message =
                ProtocolMessage.storageConfirmation(42, BlobId.of(filled(7)), BlobPersistenceType.permanent());

        String expected = "010003" + "2a000000" + repeat("07") + "00";
        assertThat(HEX.formatHex(message.toBcs())).isEqualTo(expected);
        assertThat(ProtocolMessage.fromBcs(HEX.parseHex(expected))).isEqualTo(message);
    }

    @Test
    void deletableStorageConfirmationMessageCarriesTheObjectIdAfterVariantOne() {
        ProtocolMessage message = ProtocolMessage.storageConfirmation(
                0x01020304L, BlobId.of(filled(7)), BlobPersistenceType.deletable(filled(0xab)));

        String expected = "010003" + "04030201" + repeat("07") + "01" + repeat("ab");
        assertThat(HEX.formatHex(message.toBcs())).isEqualTo(expected);
        assertThat(ProtocolMessage.fromBcs(HEX.parseHex(expected))).isEqualTo(message);
    }

    @Test
    void protocolMessageDecodingRejectsOtherIntentsAsWalrusDoes() {
        String body = "2a000000" + repeat("07") + "00";
        assertThatThrownBy(() -> ProtocolMessage.fromBcs(HEX.parseHex("020003" + body)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intent");
        assertThatThrownBy(() -> ProtocolMessage.fromBcs(HEX.parseHex("016303" + body)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolMessage.fromBcs(HEX.parseHex("01002c" + body)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void objectIdsParseWithOrWithoutPrefixAndPadShortForms() {
        byte[] expected = new byte[32];
        expected[31] = 0x2a;
        assertThat(BlobPersistenceType.parseObjectId("0x2a")).isEqualTo(expected);
        assertThat(BlobPersistenceType.parseObjectId("0".repeat(62) + "2A")).isEqualTo(expected);
        assertThatThrownBy(() -> BlobPersistenceType.parseObjectId("0xzz"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobPersistenceType.parseObjectId("1".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
