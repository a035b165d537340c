package dev.walrussync.engine.pack;

import static dev.walrussync.engine.pack.PackTestSupport.aead;
import static dev.walrussync.engine.pack.PackTestSupport.flip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.testing.Trees;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pack header: 50-byte entries, zero-padded to a Padmé size of at least 1 KiB, then sealed. */
class PackHeaderTest {
    private final Aead aead = aead(1);

    private static List<PackEntry> entries(int count) {
        List<PackEntry> out = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < count; i++) {
            ChunkType type = ChunkType.values()[i % ChunkType.values().length];
            int length = 28 + 1000 * i + i;
            out.add(new PackEntry(
                    type, i % 2, ChunkId.of(Trees.randomBytes(i, 32)), offset, length, Integer.MAX_VALUE - i));
            offset += length;
        }
        return out;
    }

    @Test
    void headerRoundTrips() throws Exception {
        List<PackEntry> entries = entries(7);

        assertThat(PackHeader.decrypt(PackHeader.encrypt(entries, aead), aead)).isEqualTo(entries);
    }

    @Test
    void anEmptyHeaderRoundTrips() throws Exception {
        assertThat(PackHeader.decrypt(PackHeader.encrypt(List.of(), aead), aead))
                .isEmpty();
    }

    @Test
    void offsetsBeyondFourGibibytesRoundTrip() throws Exception {
        PackEntry far = new PackEntry(ChunkType.DATA, 1, ChunkId.of(new byte[32]), 5L << 32, 12345, 99);

        assertThat(PackHeader.decrypt(PackHeader.encrypt(List.of(far), aead), aead))
                .containsExactly(far);
    }

    @Test
    void headerIsPaddedToAPadmeSizeOfAtLeastOneKibibyte() {
        assertThat(PackHeader.encrypt(entries(1), aead)).hasSize(1024 + Aead.OVERHEAD);
        assertThat(PackHeader.encrypt(entries(20), aead)).hasSize(1024 + Aead.OVERHEAD);
        // 5 + 21 * 50 = 1055 bytes of entries.
        assertThat(PackHeader.encrypt(entries(21), aead)).hasSize((int) Padme.pad(1055) + Aead.OVERHEAD);
        // 5 + 1000 * 50 = 50005 bytes of entries.
        assertThat(PackHeader.encrypt(entries(1000), aead)).hasSize((int) Padme.pad(50_005) + Aead.OVERHEAD);
    }

    @Test
    void headersWithSimilarCountsHaveTheSameSize() {
        // 5 + 50 * 1000 = 50005 and 50055 bytes of entries both pad to 51200.
        assertThat(PackHeader.encrypt(entries(1000), aead).length)
                .isEqualTo(PackHeader.encrypt(entries(1001), aead).length)
                .isEqualTo(51_200 + Aead.OVERHEAD);
    }

    @Test
    void aFlippedBitAnywhereInTheHeaderIsDetected() {
        byte[] sealed = PackHeader.encrypt(entries(3), aead);
        int n = sealed.length;
        for (int index : new int[] {0, 5, 11, 12, 13, 100, n - 17, n - 16, n - 1}) {
            assertThatThrownBy(() -> PackHeader.decrypt(flip(sealed, index), aead))
                    .as("flipped byte %d of %d", index, n)
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void aHeaderOfAnotherRepositoryDoesNotDecrypt() {
        byte[] sealed = PackHeader.encrypt(entries(3), aead);

        assertThatThrownBy(() -> PackHeader.decrypt(sealed, aead(2))).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aChunkSealedWithTheSameKeyIsNotAcceptedAsAHeader() {
        ChunkCodec codec = new ChunkCodec(aead, new dev.walrussync.engine.crypto.ChunkIdHasher(new byte[32]), 3);
        byte[] plain = new byte[2000];
        byte[] sealedChunk =
                codec.encode(ChunkType.DATA, codec.idOf(plain), plain).sealed();

        assertThatThrownBy(() -> PackHeader.decrypt(sealedChunk, aead))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void lengthFromTrailerReadsTheLastFourBytesLittleEndian() {
        assertThat(PackHeader.lengthFromTrailer(new byte[] {9, 9, 0x1c, 0x04, 0, 0}))
                .isEqualTo(0x041c);
    }
}
