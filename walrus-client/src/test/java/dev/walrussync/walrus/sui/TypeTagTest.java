package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests parsing, printing and BCS of {@link TypeTag} and {@link StructTag}. */
class TypeTagTest {
    private static final String WAL = "0x356a26eb9e012a68958082340d4c4116e7f55615cf27affcff209cf0ae544f59::wal::WAL";
    private static final String FRAMEWORK = "0x" + "0".repeat(63) + "2";

    @Test
    void walTypeParsesAndPrintsCanonically() {
        StructTag wal = StructTag.parse(WAL);

        assertThat(wal.address()).isEqualTo(SuiAddress.parse(WAL.substring(0, 66)));
        assertThat(wal.module()).isEqualTo("wal");
        assertThat(wal.name()).isEqualTo("WAL");
        assertThat(wal.typeParams()).isEmpty();
        assertThat(wal.toString()).isEqualTo(WAL);
    }

    @Test
    void coinOfWalUsesFullAddressesInItsCanonicalForm() {
        TypeTag coin = TypeTag.parse("0x2::coin::Coin<" + WAL + ">");

        assertThat(coin.toString()).isEqualTo(FRAMEWORK + "::coin::Coin<" + WAL + ">");
        assertThat(coin).isEqualTo(StructTag.coin(TypeTag.parse(WAL)).toTypeTag());
    }

    @Test
    void spacesAreAcceptedAndDroppedAndArgumentsAreCommaSeparated() {
        TypeTag tag = TypeTag.parse(" 0x2::dynamic_field::Field< u64 , vector< 0x1::string::String > > ");

        assertThat(tag.toString())
                .isEqualTo(FRAMEWORK + "::dynamic_field::Field<u64,vector<0x" + "0".repeat(63) + "1::string::String>>");
        assertThat(TypeTag.parse(tag.toString())).isEqualTo(tag);
    }

    @Test
    void primitivesAndVectorsParse() {
        for (TypeTag.Primitive p : TypeTag.Primitive.values()) {
            assertThat(TypeTag.parse(p.toString())).isSameAs(p);
        }
        assertThat(TypeTag.parse("vector<vector<u8>>")).isEqualTo(TypeTag.vector(TypeTag.vector(TypeTag.Primitive.U8)));
    }

    @Test
    void bcsOfWalStructTypeTagMatchesTheVectorLayout() {
        byte[] bytes = BcsWriter.encode(TypeTag.parse(WAL), (w, t) -> t.writeTo(w));

        assertThat(HexFormat.of().formatHex(bytes))
                .isEqualTo("07" + WAL.substring(2, 66) + "03" + "77616c" + "03" + "57414c" + "00");
        TypeTag decoded = BcsReader.decode(bytes, TypeTag::readFrom);
        assertThat(decoded).isEqualTo(TypeTag.parse(WAL));
    }

    @Test
    void everyPrimitiveHasItsVariantIndexAndRoundTrips() {
        TypeTag nested = TypeTag.parse("0x2::m::T<bool,u8,u16,u32,u64,u128,u256,address,signer,vector<" + WAL + ">>");

        byte[] bytes = BcsWriter.encode(nested, (w, t) -> t.writeTo(w));

        TypeTag decoded = BcsReader.decode(bytes, TypeTag::readFrom);
        assertThat(decoded).isEqualTo(nested);
        assertThat(TypeTag.Primitive.U16.variant()).isEqualTo(8);
        assertThat(TypeTag.Primitive.U256.variant()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "u7",
                "0x2::coin",
                "0x2::coin::",
                "vector<u8",
                "vector<>",
                "0x2::1coin::Coin",
                "2::coin::Coin",
                "0x2::coin::Coin<>",
                "0x2::coin::Coin<u8>x",
                "0x2:coin::Coin",
                "0xzz::coin::Coin",
                "0x2::coin::Coin<u8,>"
            })
    void rejectsMalformedTypes(String text) {
        assertThatThrownBy(() -> TypeTag.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Move type");
    }

    @Test
    void rejectsTypesNestedTooDeeply() {
        String deep = "vector<".repeat(TypeTag.MAX_DEPTH + 2) + "u8" + ">".repeat(TypeTag.MAX_DEPTH + 2);
        byte[] bytes = new byte[TypeTag.MAX_DEPTH + 3];
        Arrays.fill(bytes, (byte) 6);
        bytes[bytes.length - 1] = 1;

        assertThatThrownBy(() -> TypeTag.parse(deep)).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> BcsReader.decode(bytes, TypeTag::readFrom))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void decodingRejectsUnknownVariantsAndInvalidIdentifiers() {
        assertThatThrownBy(() -> BcsReader.decode(new byte[] {11}, TypeTag::readFrom))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("unknown TypeTag variant 11");
        byte[] badModule = new BcsWriter()
                .variant(7)
                .fixedBytes(new byte[32])
                .string("1bad")
                .string("T")
                .vector(List.of(), (w, t) -> {})
                .toByteArray();
        assertThatThrownBy(() -> BcsReader.decode(badModule, TypeTag::readFrom))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid Move identifier for module at offset 33");
    }

    @Test
    void structTagParseRejectsNonStructTypes() {
        assertThatThrownBy(() -> StructTag.parse("vector<u8>")).hasMessageContaining("not a struct type");
    }
}
