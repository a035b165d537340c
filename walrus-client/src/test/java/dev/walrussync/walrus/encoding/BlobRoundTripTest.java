package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding then decoding blobs from subsets of primary slivers, and the consistency checks. */
class BlobRoundTripTest {
    private static final int MIB = 1 << 20;

    private final BlobEncoder encoder = new BlobEncoder();
    private final BlobDecoder decoder = new BlobDecoder();

    static Stream<Arguments> sizes() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {4, 7, 10, 100}) {
            long max = EncodingConfig.forShards(n).maxBlobSize();
            for (long size : new long[] {0, 1, 3, 17, 1001, 65_537, MIB, max}) {
                if (size <= max && size <= 2 * MIB) {
                    out.add(Arguments.of(n, (int) size));
                }
            }
        }
        return out.stream();
    }

    private static byte[] randomBlob(int size, long seed) {
        byte[] blob = new byte[size];
        new Random(seed).nextBytes(blob);
        return blob;
    }

    private static List<Sliver> randomPrimarySlivers(EncodedBlob encoded, int count, Random random) {
        List<Sliver> slivers = new ArrayList<>(encoded.primarySlivers());
        Collections.shuffle(slivers, random);
        return new ArrayList<>(slivers.subList(0, count));
    }

    @ParameterizedTest(name = "n={0}, {1} B")
    @MethodSource("sizes")
    void blobDecodesFromAnyRandomSetOfEnoughPrimarySlivers(int n, int size) throws Exception {
        byte[] blob = randomBlob(size, 1000L * n + size);
        EncodedBlob encoded = encoder.encode(blob, n);
        Random random = new Random(size);
        int k = encoded.config().sliversForReconstruction();

        for (int trial = 0; trial < 3; trial++) {
            List<Sliver> subset = randomPrimarySlivers(encoded, k, random);
            assertThat(decoder.decode(encoded.metadata(), subset)).isEqualTo(blob);
        }
    }

    @ParameterizedTest(name = "n={0}, {1} B")
    @MethodSource("sizes")
    void blobDecodesFromAnyRandomSetOfEnoughSecondarySlivers(int n, int size) throws Exception {
        byte[] blob = randomBlob(size, 2000L * n + size);
        EncodedBlob encoded = encoder.encode(blob, n);
        Random random = new Random(size + 1);
        int needed = encoded.config().secondarySourceSymbols();

        for (int trial = 0; trial < 3; trial++) {
            List<Sliver> subset = new ArrayList<>(encoded.secondarySlivers());
            Collections.shuffle(subset, random);
            subset = subset.subList(0, needed);
            assertThat(decoder.decode(encoded.metadata(), subset)).isEqualTo(blob);
        }
        List<Sliver> sourceColumns = encoded.secondarySlivers().subList(0, needed);
        List<Sliver> lastColumns = encoded.secondarySlivers().subList(n - needed, n);
        assertThat(decoder.decode(encoded.metadata(), sourceColumns, ConsistencyCheck.STRICT))
                .isEqualTo(blob);
        assertThat(decoder.decode(encoded.metadata(), lastColumns, ConsistencyCheck.STRICT))
                .isEqualTo(blob);
    }

    @ParameterizedTest(name = "n={0}, {1} B")
    @MethodSource("sizes")
    void encodedSliversHaveTheConfiguredShape(int n, int size) {
        EncodedBlob encoded = encoder.encode(randomBlob(size, size), n);
        EncodingConfig config = encoded.config();

        assertThat(encoded.symbolSize()).isEqualTo(config.symbolSize(size));
        assertThat(encoded.metadata().nShards()).isEqualTo(n);
        assertThat(encoded.metadata().unencodedLength()).isEqualTo(size);
        for (int i = 0; i < n; i++) {
            assertThat(encoded.primarySliver(i).length()).isEqualTo(config.primarySliverSize(size));
            assertThat(encoded.secondarySliver(i).length()).isEqualTo(config.secondarySliverSize(size));
            assertThat(encoded.sliverPair(i).secondary().index()).isEqualTo(n - 1 - i);
        }
        // Source entries appear in both axes.
        Sliver primary = encoded.primarySliver(config.primarySourceSymbols() - 1);
        Sliver secondary = encoded.secondarySliver(config.secondarySourceSymbols() - 1);
        assertThat(secondary.symbol(config.primarySourceSymbols() - 1))
                .isEqualTo(primary.symbol(config.secondarySourceSymbols() - 1));
    }

    @Test
    void blobDecodesFromOnlyRepairPrimarySliversWithTheStrictCheck() throws Exception {
        byte[] blob = randomBlob(12_345, 7);
        EncodedBlob encoded = encoder.encode(blob, 100);
        List<Sliver> last = new ArrayList<>(encoded.primarySlivers().subList(100 - 34, 100));

        assertThat(decoder.decode(encoded.blobId(), encoded.metadata(), last, ConsistencyCheck.STRICT))
                .isEqualTo(blob);
    }

    @Test
    void everyEncodedSliverVerifiesAndAChangedOneDoesNot() {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 3), 10);

        for (int i = 0; i < 10; i++) {
            assertThat(decoder.verifySliver(encoded.metadata(), encoded.primarySliver(i)))
                    .isTrue();
            assertThat(decoder.verifySliver(encoded.metadata(), encoded.secondarySliver(i)))
                    .isTrue();
        }
        Sliver changed = flipped(encoded.secondarySliver(8), 5);
        assertThat(decoder.verifySliver(encoded.metadata(), changed)).isFalse();
    }

    private static Sliver flipped(Sliver sliver, int byteIndex) {
        byte[] data = sliver.data();
        data[byteIndex] ^= 1;
        return Sliver.of(sliver.type(), sliver.index(), sliver.symbolSize(), data);
    }

    @Test
    void aChangedSliverFailsTheDefaultCheck() {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 4), 10);
        List<Sliver> slivers = new ArrayList<>(encoded.primarySlivers().subList(6, 10));
        slivers.set(1, flipped(slivers.get(1), 0));

        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), slivers))
                .isInstanceOf(InconsistentBlobException.class);
        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), slivers, ConsistencyCheck.STRICT))
                .isInstanceOf(InconsistentBlobException.class);
    }

    @Test
    void aChangedSourceSliverFailsTheDefaultCheck() {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 5), 10);
        List<Sliver> slivers = new ArrayList<>(encoded.primarySlivers().subList(0, 4));
        slivers.set(2, flipped(slivers.get(2), 3));

        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), slivers))
                .isInstanceOf(InconsistentBlobException.class);
    }

    @Test
    void aChangedSecondarySliverFailsTheDefaultAndStrictChecks() {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 14), 10);
        List<Sliver> slivers = new ArrayList<>(encoded.secondarySlivers().subList(3, 10));
        slivers.set(4, flipped(slivers.get(4), 2));

        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), slivers))
                .isInstanceOf(InconsistentBlobException.class)
                .hasMessageContaining("does not match the metadata");
        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), slivers, ConsistencyCheck.STRICT))
                .isInstanceOf(InconsistentBlobException.class);
    }

    @Test
    void tooFewOrMixedSecondarySliversAreRejectedWithTheCountNeeded() {
        EncodedBlob encoded = encoder.encode(randomBlob(1000, 15), 10);
        BlobMetadata metadata = encoded.metadata();
        List<Sliver> six = encoded.secondarySlivers().subList(4, 10);
        List<Sliver> mixed = new ArrayList<>(encoded.secondarySlivers().subList(0, 7));
        mixed.add(encoded.primarySliver(0));
        List<Sliver> duplicate = new ArrayList<>(six);
        duplicate.add(encoded.secondarySliver(9));

        assertThatThrownBy(() -> decoder.decode(metadata, six))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 7 distinct secondary slivers to decode, got 6");
        assertThatThrownBy(() -> decoder.decode(metadata, duplicate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SECONDARY sliver 9 given twice");
        assertThatThrownBy(() -> decoder.decode(metadata, mixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> decoder.decode(metadata, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 4 primary or 7 secondary slivers to decode, got none");
    }

    @Test
    void metadataOfAnotherBlobIdIsRejected() {
        EncodedBlob encoded = encoder.encode(randomBlob(100, 6), 10);
        BlobId other = encoder.blobId(randomBlob(100, 7), 10);

        assertThatThrownBy(() ->
                        decoder.decode(other, encoded.metadata(), encoded.primarySlivers(), ConsistencyCheck.DEFAULT))
                .isInstanceOf(InconsistentBlobException.class);
    }

    @Test
    void tooFewDuplicateOrMisshapenSliversAreRejected() {
        EncodedBlob encoded = encoder.encode(randomBlob(100, 8), 10);
        BlobMetadata metadata = encoded.metadata();
        List<Sliver> three = encoded.primarySlivers().subList(0, 3);
        List<Sliver> duplicate = List.of(
                encoded.primarySliver(1), encoded.primarySliver(1), encoded.primarySliver(2), encoded.primarySliver(3));
        List<Sliver> secondary = encoded.secondarySlivers().subList(0, 4);
        Sliver wrongSize = Sliver.of(SliverType.PRIMARY, 5, 2, new byte[14]);

        assertThatThrownBy(() -> decoder.decode(metadata, three)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decoder.decode(metadata, duplicate)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decoder.decode(metadata, secondary)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decoder.decode(metadata, List.of(wrongSize, three.get(0), three.get(1), three.get(2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blobsAboveTheMaximumSizeAreRejected() {
        assertThatThrownBy(() -> encoder.encode(new byte[MIB], 4)).isInstanceOf(BlobTooLargeException.class);
        assertThatThrownBy(() -> encoder.encode(new byte[MIB], 7)).isInstanceOf(BlobTooLargeException.class);
    }

    @Test
    void parallelAndSequentialEncodingAgree() {
        byte[] blob = randomBlob(300_001, 9);

        assertThat(new BlobEncoder(false).encode(blob, 100).metadata())
                .isEqualTo(new BlobEncoder(true).encode(blob, 100).metadata());
    }
}
