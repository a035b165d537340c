package dev.walrussync.walrus.encoding;

import static dev.walrussync.walrus.encoding.ReferenceData.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rebuilding single slivers from recovery symbols, and rejecting forged or too few symbols. */
class SliverRecoveryTest {
    private final BlobEncoder encoder = new BlobEncoder();

    private static byte[] randomBlob(int size, long seed) {
        byte[] blob = new byte[size];
        new Random(seed).nextBytes(blob);
        return blob;
    }

    private static SliverType other(SliverType type) {
        return type == SliverType.PRIMARY ? SliverType.SECONDARY : SliverType.PRIMARY;
    }

    /** Recovery symbols for sliver {@code target} of {@code type} from {@code count} random slivers of the other type. */
    private static List<RecoverySymbol> symbolsFromRandomSlivers(
            List<Sliver> sources, int target, int count, Random random) {
        List<Sliver> shuffled = new ArrayList<>(sources);
        Collections.shuffle(shuffled, random);
        List<RecoverySymbol> out = new ArrayList<>();
        for (Sliver source : shuffled.subList(0, count)) {
            out.add(SliverRecovery.recoverySymbol(source, sources.size(), target));
        }
        return out;
    }

    private static List<Sliver> slivers(EncodedBlob encoded, SliverType type) {
        return type == SliverType.PRIMARY ? encoded.primarySlivers() : encoded.secondarySlivers();
    }

    static Stream<Arguments> blobs() {
        return Stream.of(
                Arguments.of(4, 0),
                Arguments.of(4, 100),
                Arguments.of(7, 5000),
                Arguments.of(10, 1),
                Arguments.of(10, 100_003),
                Arguments.of(13, 4097),
                Arguments.of(100, 300_001));
    }

    @ParameterizedTest(name = "n={0}, {1} B")
    @MethodSource("blobs")
    void everySliverIsRebuiltFromRandomRecoverySymbols(int n, int size) throws Exception {
        EncodedBlob encoded = encoder.encode(randomBlob(size, n + size), n);
        Random random = new Random(size);

        for (SliverType type : SliverType.values()) {
            int needed = SliverRecovery.symbolsNeeded(encoded.config(), type);
            for (int target = 0; target < n; target += n > 20 ? 7 : 1) {
                List<RecoverySymbol> symbols =
                        symbolsFromRandomSlivers(slivers(encoded, other(type)), target, needed, random);

                Sliver recovered = SliverRecovery.recover(encoded.metadata(), type, target, symbols);

                assertThat(recovered).as("%s %d", type, target).isEqualTo(encoded.sliver(type, target));
            }
        }
    }

    @Test
    void aRecoverySymbolIsTheSymbolWhereTheTwoSliversCross() {
        EncodedBlob encoded = encoder.encode(randomBlob(10_000, 1), 10);
        EncodingConfig config = encoded.config();

        for (int i = 0; i < 10; i++) {
            List<RecoverySymbol> fromPrimary = SliverRecovery.recoverySymbols(encoded.primarySliver(i), 10);
            List<RecoverySymbol> fromSecondary = SliverRecovery.recoverySymbols(encoded.secondarySliver(i), 10);
            for (int t = 0; t < 10; t++) {
                RecoverySymbol p = fromPrimary.get(t);
                assertThat(p).isEqualTo(SliverRecovery.recoverySymbol(encoded.primarySliver(i), 10, t));
                assertThat(p.targetType()).isEqualTo(SliverType.SECONDARY);
                assertThat(p.sourceIndex()).isEqualTo(i);
                assertThat(p.targetIndex()).isEqualTo(t);
                assertThat(p.verifies(encoded.metadata())).isTrue();
                if (i < config.primarySourceSymbols()) {
                    assertThat(p.data()).isEqualTo(encoded.secondarySliver(t).symbol(i));
                }
                RecoverySymbol s = fromSecondary.get(t);
                assertThat(s.targetType()).isEqualTo(SliverType.PRIMARY);
                assertThat(s.verifies(encoded.metadata())).isTrue();
                if (i < config.secondarySourceSymbols()) {
                    assertThat(s.data()).isEqualTo(encoded.primarySliver(t).symbol(i));
                }
            }
        }
    }

    /**
     * The reference encoder's slivers (n = 10 vectors): symbols computed from its secondary slivers rebuild its
     * primary slivers and the other way round, and verify against its metadata.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.walrussync.walrus.encoding.ReferenceData#vectorsWithInlineSlivers")
    void referenceSliversAreRebuiltFromSymbolsOfOtherReferenceSlivers(String label, JsonNode v) throws Exception {
        BlobMetadata metadata = BlobMetadata.fromBcs(hex(v.get("metadata_bcs_hex")));
        int n = metadata.nShards();
        List<Sliver> primary = new ArrayList<>();
        List<Sliver> secondary = new ArrayList<>();
        for (int pair = 0; pair < n; pair++) {
            primary.add(Sliver.fromBcs(
                    SliverType.PRIMARY, hex(v.get("primary_slivers_bcs").get(pair))));
            secondary.add(Sliver.fromBcs(
                    SliverType.SECONDARY, hex(v.get("secondary_slivers_bcs").get(n - 1 - pair))));
        }
        EncodingConfig config = EncodingConfig.forShards(n);
        Random random = new Random(label.hashCode());

        for (int target = 0; target < n; target++) {
            List<RecoverySymbol> forPrimary = symbolsFromRandomSlivers(
                    secondary, target, SliverRecovery.symbolsNeeded(config, SliverType.PRIMARY), random);
            List<RecoverySymbol> forSecondary = symbolsFromRandomSlivers(
                    primary, target, SliverRecovery.symbolsNeeded(config, SliverType.SECONDARY), random);
            assertThat(forPrimary).allMatch(s -> s.verifies(metadata));
            assertThat(forSecondary).allMatch(s -> s.verifies(metadata));

            assertThat(SliverRecovery.recover(metadata, SliverType.PRIMARY, target, forPrimary)
                            .toBcs())
                    .isEqualTo(primary.get(target).toBcs());
            assertThat(SliverRecovery.recover(metadata, SliverType.SECONDARY, target, forSecondary)
                            .toBcs())
                    .isEqualTo(secondary.get(target).toBcs());
        }
    }

    @Test
    void aForgedSymbolOrProofDoesNotVerifyAndIsLeftOut() throws Exception {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 2), 10);
        BlobMetadata metadata = encoded.metadata();
        List<RecoverySymbol> symbols = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            symbols.add(SliverRecovery.recoverySymbol(encoded.secondarySliver(j), 10, 3));
        }
        RecoverySymbol genuine = symbols.get(2);
        byte[] data = genuine.data();
        data[1] ^= 0x40;
        RecoverySymbol forgedData =
                RecoverySymbol.of(SliverType.PRIMARY, 3, genuine.sourceIndex(), data, genuine.proof());
        List<byte[]> path = genuine.proof().path();
        path.get(1)[0] ^= 1;
        RecoverySymbol forgedProof =
                RecoverySymbol.of(SliverType.PRIMARY, 3, genuine.sourceIndex(), genuine.data(), MerkleProof.of(path));
        RecoverySymbol wrongSource =
                RecoverySymbol.of(SliverType.PRIMARY, 3, genuine.sourceIndex() + 1, genuine.data(), genuine.proof());
        RecoverySymbol wrongLeaf =
                RecoverySymbol.of(SliverType.PRIMARY, 4, genuine.sourceIndex(), genuine.data(), genuine.proof());

        assertThat(genuine.verifies(metadata)).isTrue();
        assertThat(forgedData.verifies(metadata)).isFalse();
        assertThat(forgedProof.verifies(metadata)).isFalse();
        assertThat(wrongSource.verifies(metadata)).isFalse();
        assertThat(wrongLeaf.verifies(metadata)).isFalse();

        // Seven genuine symbols are needed; with one forged among eight, the other seven rebuild the sliver.
        List<RecoverySymbol> oneForged = new ArrayList<>(symbols);
        oneForged.set(2, forgedData);
        assertThat(SliverRecovery.recover(metadata, SliverType.PRIMARY, 3, oneForged))
                .isEqualTo(encoded.primarySliver(3));
        // With only seven, the forged one leaves too few, and the error says which and why.
        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.PRIMARY, 3, oneForged.subList(0, 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("need 7 genuine recovery symbols to recover primary sliver 3, got 6;")
                .hasMessageContaining("the symbol from secondary sliver 2 (its Merkle proof does not lead to the"
                        + " metadata's hash of secondary sliver 2)");
        List<RecoverySymbol> forgedProofs = new ArrayList<>(symbols.subList(0, 7));
        forgedProofs.set(2, forgedProof);
        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.PRIMARY, 3, forgedProofs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secondary sliver 2 (its Merkle proof");
    }

    @Test
    void tooFewRepeatedOrMisdirectedSymbolsGiveAClearError() {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 3), 10);
        BlobMetadata metadata = encoded.metadata();
        List<RecoverySymbol> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(SliverRecovery.recoverySymbol(encoded.primarySliver(i), 10, 5));
        }
        List<RecoverySymbol> repeated = List.of(three.get(0), three.get(1), three.get(2), three.get(2));
        List<RecoverySymbol> otherTarget = new ArrayList<>(three);
        otherTarget.add(SliverRecovery.recoverySymbol(encoded.primarySliver(3), 10, 6));

        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.SECONDARY, 5, three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 4 genuine recovery symbols to recover secondary sliver 5, got 3");
        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.SECONDARY, 5, repeated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primary sliver 2 (its source was given before)");
        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.SECONDARY, 5, otherTarget))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primary sliver 3 (it is for secondary sliver 6)");
        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.PRIMARY, 5, three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 7 genuine recovery symbols");
        assertThatThrownBy(() -> SliverRecovery.recoverySymbol(encoded.primarySliver(0), 13, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRebuiltSliverThatDoesNotMatchItsHashMeansTheBlobIsInconsistent() {
        EncodedBlob encoded = encoder.encode(randomBlob(5000, 4), 10);
        // Metadata whose hash for primary sliver 2 is wrong, while every other sliver's hash is genuine.
        List<SliverPairMetadata> pairs = new ArrayList<>(encoded.metadata().hashes());
        byte[] wrong = pairs.get(2).primaryHash();
        wrong[0] ^= 1;
        pairs.set(2, SliverPairMetadata.of(wrong, pairs.get(2).secondaryHash()));
        BlobMetadata metadata = BlobMetadata.of(5000, pairs);
        List<RecoverySymbol> symbols = new ArrayList<>();
        for (int j = 0; j < 7; j++) {
            symbols.add(SliverRecovery.recoverySymbol(encoded.secondarySliver(j), 10, 2));
        }

        assertThatThrownBy(() -> SliverRecovery.recover(metadata, SliverType.PRIMARY, 2, symbols))
                .isInstanceOf(InconsistentBlobException.class)
                .hasMessageContaining("primary sliver 2");
    }
}
