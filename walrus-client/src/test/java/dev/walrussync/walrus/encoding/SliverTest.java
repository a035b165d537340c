package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Sliver values and their BCS form. */
class SliverTest {

    @Test
    void bcsFormIsLengthDataSymbolSizeAndIndex() {
        Sliver sliver = Sliver.of(SliverType.PRIMARY, 0x0102, 2, new byte[] {1, 2, 3, 4});

        assertThat(HexFormat.of().formatHex(sliver.toBcs())).isEqualTo("040102030402000201");
        assertThat(Sliver.fromBcs(SliverType.PRIMARY, sliver.toBcs())).isEqualTo(sliver);
    }

    @Test
    void longDataUsesAMultiByteLength() {
        Sliver sliver = Sliver.of(SliverType.SECONDARY, 3, 2, new byte[200]);
        byte[] bcs = sliver.toBcs();

        assertThat(bcs[0]).isEqualTo((byte) 0xC8);
        assertThat(bcs[1]).isEqualTo((byte) 0x01);
        assertThat(Sliver.fromBcs(SliverType.SECONDARY, bcs)).isEqualTo(sliver);
    }

    @Test
    void malformedBcsIsRejected() {
        assertThatThrownBy(
                        () -> Sliver.fromBcs(SliverType.PRIMARY, HexFormat.of().parseHex("0401020304020000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Sliver.fromBcs(SliverType.PRIMARY, HexFormat.of().parseHex("04010203040200000000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Sliver.fromBcs(SliverType.PRIMARY, HexFormat.of().parseHex("8400010203040200000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataIsCopiedInAndOut() {
        byte[] data = {1, 2, 3, 4};
        Sliver sliver = Sliver.of(SliverType.PRIMARY, 0, 2, data);
        data[0] = 9;
        sliver.data()[1] = 9;

        assertThat(sliver.data()).containsExactly(1, 2, 3, 4);
        assertThat(sliver.symbol(1)).containsExactly(3, 4);
        assertThat(sliver.symbolCount()).isEqualTo(2);
    }

    @Test
    void dataThatIsNotWholeSymbolsIsRejected() {
        assertThatThrownBy(() -> Sliver.of(SliverType.PRIMARY, 0, 4, new byte[6]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
