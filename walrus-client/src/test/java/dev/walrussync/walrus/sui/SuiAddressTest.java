package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests parsing, normalising and printing {@link SuiAddress}. */
class SuiAddressTest {
    private static final String TWO = "0x0000000000000000000000000000000000000000000000000000000000000002";

    @ParameterizedTest
    @ValueSource(strings = {"0x2", "0x02", "0x0000000000002", "2", "0X2", TWO})
    void shortAndBareFormsNormaliseToSixtyFourDigits(String text) {
        SuiAddress address = SuiAddress.parse(text);

        assertThat(address.toString()).isEqualTo(TWO);
        assertThat(address).isEqualTo(SuiAddress.SUI_FRAMEWORK);
        assertThat(address.toShortString()).isEqualTo("0x2");
    }

    @Test
    void upperCaseHexIsPrintedInLowerCase() {
        String upper = "0x160179A1565EA7CFF27EAD23F54CC7F50893BF58155CD7285156E57AFA31C3AC";

        assertThat(SuiAddress.parse(upper).toString())
                .isEqualTo(upper.substring(0, 2) + upper.substring(2).toLowerCase());
    }

    @Test
    void zeroPrintsAsShortZero() {
        assertThat(SuiAddress.ZERO.toShortString()).isEqualTo("0x0");
        assertThat(SuiAddress.parse("0x0")).isEqualTo(SuiAddress.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0xg", "0x 2", "x2", "0x-1", "0x\u0662"})
    void rejectsTextThatIsNotHex(String text) {
        assertThatThrownBy(() -> SuiAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMoreThanSixtyFourDigits() {
        assertThatThrownBy(() -> SuiAddress.parse("0x" + "1".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 64 hex digits");
    }

    @Test
    void fromBytesNeedsExactlyThirtyTwoBytesAndCopiesThem() {
        byte[] bytes = new byte[32];
        bytes[31] = 2;
        SuiAddress address = SuiAddress.fromBytes(bytes);
        bytes[31] = 3;

        assertThat(address).isEqualTo(SuiAddress.SUI_FRAMEWORK);
        assertThatThrownBy(() -> SuiAddress.fromBytes(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByUnsignedBytes() {
        assertThat(SuiAddress.parse("0x1").compareTo(SuiAddress.parse("0x2"))).isNegative();
        assertThat(SuiAddress.parse("0xff").compareTo(SuiAddress.parse("0x7f"))).isPositive();
    }
}
