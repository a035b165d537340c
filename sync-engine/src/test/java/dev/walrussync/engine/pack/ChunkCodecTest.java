package dev.walrussync.engine.pack;

import static dev.walrussync.engine.pack.PackTestSupport.codec;
import static dev.walrussync.engine.pack.PackTestSupport.flip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.testing.Trees;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Chunks are compressed when that helps, sealed with their ID, type and compression, and verified. */
class ChunkCodecTest {
    private final ChunkCodec codec = codec(1);

    private static PackEntry entryOf(EncodedChunk c) {
        return new PackEntry(c.type(), c.compression(), c.id(), 0, c.sealed().length, c.plainLength());
    }

    private EncodedChunk encode(ChunkType type, byte[] plain) {
        return codec.encode(type, codec.idOf(plain), plain);
    }

    @Test
    void incompressibleDataIsStoredRawAndRoundTrips() throws Exception {
        byte[] plain = Trees.randomBytes(1, 100_000);

        EncodedChunk c = encode(ChunkType.DATA, plain);

        assertThat(c.compression()).isEqualTo(ChunkCodec.RAW);
        assertThat(c.plainLength()).isEqualTo(100_000);
        assertThat(c.sealed()).hasSize(Aead.OVERHEAD + 100_000);
        assertThat(codec.decode(entryOf(c), c.sealed())).isEqualTo(plain);
    }

    @Test
    void compressibleDataIsStoredWithZstdAndRoundTrips() throws Exception {
        byte[] plain = "the same line again and again\n".repeat(5000).getBytes(StandardCharsets.UTF_8);

        EncodedChunk c = encode(ChunkType.TREE, plain);

        assertThat(c.compression()).isEqualTo(ChunkCodec.ZSTD);
        assertThat(c.sealed().length).isLessThan(plain.length / 10);
        assertThat(codec.decode(entryOf(c), c.sealed())).isEqualTo(plain);
    }

    @Test
    void tinyChunksAreNeverCompressed() throws Exception {
        byte[] plain = new byte[64];

        EncodedChunk c = encode(ChunkType.SNAPSHOT, plain);

        assertThat(c.compression()).isEqualTo(ChunkCodec.RAW);
        assertThat(codec.decode(entryOf(c), c.sealed())).isEqualTo(plain);
    }

    @Test
    void anEmptyChunkRoundTrips() throws Exception {
        EncodedChunk c = encode(ChunkType.DATA, new byte[0]);

        assertThat(codec.decode(entryOf(c), c.sealed())).isEmpty();
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        byte[] plain = Trees.randomBytes(2, 1000);

        assertThat(encode(ChunkType.DATA, plain).sealed())
                .isNotEqualTo(encode(ChunkType.DATA, plain).sealed());
    }

    @Test
    void aFlippedBitInTheNonceCiphertextOrTagIsDetected() {
        for (byte[] plain : new byte[][] {Trees.randomBytes(3, 5000), new byte[5000]}) {
            EncodedChunk c = encode(ChunkType.DATA, plain);
            PackEntry e = entryOf(c);
            int n = c.sealed().length;
            for (int index : new int[] {0, 11, 12, n / 2, n - 17, n - 16, n - 1}) {
                assertThatThrownBy(() -> codec.decode(e, flip(c.sealed(), index)))
                        .as("flipped byte %d of %d", index, n)
                        .isInstanceOf(AuthenticationFailedException.class);
            }
        }
    }

    @Test
    void aTruncatedChunkIsDetected() {
        EncodedChunk c = encode(ChunkType.DATA, Trees.randomBytes(4, 100));
        byte[] cut = java.util.Arrays.copyOf(c.sealed(), c.sealed().length - 1);

        assertThatThrownBy(() -> codec.decode(entryOf(c), cut)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> codec.decode(entryOf(c), new byte[27]))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    /** The reusable zstd context makes the same frame as the one-shot API used before, so old packs and new agree. */
    @Test
    void compressedBodyIsTheFrameTheOneShotZstdApiMakes() throws Exception {
        byte[] plain = "walrus sync ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        EncodedChunk c = encode(ChunkType.DATA, plain);
        byte[] aad = new byte[4 + 2 + ChunkId.LENGTH];
        System.arraycopy("wsc1".getBytes(StandardCharsets.US_ASCII), 0, aad, 0, 4);
        aad[4] = (byte) ChunkType.DATA.code();
        aad[5] = (byte) ChunkCodec.ZSTD;
        System.arraycopy(c.id().bytes(), 0, aad, 6, ChunkId.LENGTH);

        byte[] body = PackTestSupport.aead(1).decrypt(c.sealed(), aad);

        assertThat(c.compression()).isEqualTo(ChunkCodec.ZSTD);
        assertThat(body).isEqualTo(com.github.luben.zstd.Zstd.compress(plain, 3));
    }

    @Test
    void oneScratchDecodesChunksOfEverySizeAndCompressionInTurn() throws Exception {
        byte[][] plains = {
            Trees.randomBytes(10, 300_000),
            "abc".repeat(200_000).getBytes(StandardCharsets.UTF_8),
            new byte[0],
            Trees.randomBytes(11, 5),
            "xyz".repeat(1000).getBytes(StandardCharsets.UTF_8),
            Trees.randomBytes(12, 2_000_000)
        };
        try (ChunkCodec.Scratch scratch = codec.scratch()) {
            for (byte[] plain : plains) {
                EncodedChunk c = codec.encode(ChunkType.DATA, codec.idOf(plain), plain, scratch);
                int n = codec.decode(entryOf(c), c.sealed(), scratch);
                assertThat(n).isEqualTo(plain.length);
                assertThat(java.util.Arrays.copyOf(scratch.plain(), n)).isEqualTo(plain);
            }
        }
    }

    @Test
    void aChunkReadUnderAnotherIdFails() {
        EncodedChunk c = encode(ChunkType.DATA, Trees.randomBytes(5, 1000));
        ChunkId other = codec.idOf(Trees.randomBytes(6, 1000));

        PackEntry moved = new PackEntry(c.type(), c.compression(), other, 0, c.sealed().length, c.plainLength());

        assertThatThrownBy(() -> codec.decode(moved, c.sealed())).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aChunkReadAsAnotherTypeFails() {
        EncodedChunk c = encode(ChunkType.TREE, "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8));

        for (ChunkType wrong : new ChunkType[] {ChunkType.DATA, ChunkType.SNAPSHOT, ChunkType.TOMBSTONE}) {
            PackEntry e = new PackEntry(wrong, c.compression(), c.id(), 0, c.sealed().length, c.plainLength());
            assertThatThrownBy(() -> codec.decode(e, c.sealed()))
                    .as("read as %s", wrong)
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void aChunkReadWithAnotherCompressionFlagFails() {
        EncodedChunk raw = encode(ChunkType.DATA, Trees.randomBytes(7, 1000));
        PackEntry asZstd =
                new PackEntry(raw.type(), ChunkCodec.ZSTD, raw.id(), 0, raw.sealed().length, raw.plainLength());

        assertThatThrownBy(() -> codec.decode(asZstd, raw.sealed())).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aChunkWhosePlaintextDoesNotHashToItsIdIsRejectedAfterDecryption() {
        byte[] plain = Trees.randomBytes(8, 1000);
        ChunkId lie = codec.idOf(Trees.randomBytes(9, 1000));
        EncodedChunk c = codec.encode(ChunkType.DATA, lie, plain);

        assertThatThrownBy(() -> codec.decode(entryOf(c), c.sealed()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("does not match its ID");
    }

    @Test
    void aWrongPlainLengthIsRejected() {
        EncodedChunk c = encode(ChunkType.DATA, Trees.randomBytes(10, 1000));
        PackEntry e = new PackEntry(c.type(), c.compression(), c.id(), 0, c.sealed().length, 999);

        assertThatThrownBy(() -> codec.decode(e, c.sealed())).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aChunkSealedUnderAnotherRepositorysKeysDoesNotOpen() {
        EncodedChunk c = encode(ChunkType.DATA, Trees.randomBytes(11, 1000));

        assertThatThrownBy(() -> codec(2).decode(entryOf(c), c.sealed()))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void chunkIdsAreKeyedPerRepository() {
        byte[] plain = Trees.randomBytes(12, 100);

        assertThat(codec.idOf(plain)).isEqualTo(codec(1).idOf(plain)).isNotEqualTo(codec(2).idOf(plain));
    }
}
