package dev.walrussync.engine.pack;

import static dev.walrussync.engine.pack.PackTestSupport.RANDOM;
import static dev.walrussync.engine.pack.PackTestSupport.flip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.pack.PackWriter.SealedPack;
import dev.walrussync.engine.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack is its chunks, random padding to a Padmé size, the sealed header and its length. */
class PackWriterTest {
    @TempDir
    Path tmp;

    private final Aead aead = PackTestSupport.aead(1);
    private final ChunkCodec codec =
            new ChunkCodec(aead, new dev.walrussync.engine.crypto.ChunkIdHasher(new byte[32]), 3);

    private record Written(SealedPack pack, byte[] bytes, List<byte[]> plains) {}

    private Written write(int... sizes) throws Exception {
        Path file = tmp.resolve("pack-" + Arrays.toString(sizes).hashCode() + "-" + System.nanoTime());
        List<byte[]> plains = new ArrayList<>();
        try (PackWriter w = new PackWriter(file)) {
            for (int i = 0; i < sizes.length; i++) {
                byte[] plain = Trees.randomBytes(i * 31L + sizes[i], sizes[i]);
                plains.add(plain);
                w.add(codec.encode(ChunkType.DATA, codec.idOf(plain), plain));
            }
            SealedPack sealed = w.seal(aead, RANDOM);
            return new Written(sealed, Files.readAllBytes(file), plains);
        }
    }

    private static long chunkBytes(SealedPack p) {
        return p.entries().stream().mapToLong(PackEntry::length).sum();
    }

    @Test
    void packSizeIsExactlyThePadmePaddingOfItsContent() throws Exception {
        for (int[] sizes : new int[][] {{10}, {5000, 7000}, {100_000, 3, 250_000}, {1 << 20}}) {
            Written w = write(sizes);
            long unpadded = chunkBytes(w.pack()) + w.pack().headerLength() + PackHeader.TRAILER_LENGTH;

            assertThat(w.pack().size())
                    .as("pack of %s", Arrays.toString(sizes))
                    .isEqualTo(Padme.pad(Math.max(unpadded, 4096)))
                    .isEqualTo(w.bytes().length)
                    .isEqualTo(Files.size(w.pack().file()));
        }
    }

    @Test
    void theSealedSizeOfAPackIsKnownBeforeItsLastChunkIsAdded() throws Exception {
        for (int[] sizes : new int[][] {{10}, {5000, 7000}, {100_000, 3, 250_000}, {1 << 20, 1 << 19}}) {
            Path file = tmp.resolve("predict-" + Arrays.toString(sizes).hashCode());
            try (PackWriter w = new PackWriter(file)) {
                long predicted = 0;
                for (int i = 0; i < sizes.length; i++) {
                    byte[] plain = Trees.randomBytes(i, sizes[i]);
                    var chunk = codec.encode(ChunkType.DATA, codec.idOf(plain), plain);
                    predicted = w.sealedSizeWith(chunk.sealed().length);
                    w.add(chunk);
                }

                assertThat(w.seal(aead, RANDOM).size())
                        .as(Arrays.toString(sizes))
                        .isEqualTo(predicted);
            }
        }
    }

    @Test
    void aTinyPackIsPaddedToFourKibibytes() throws Exception {
        assertThat(write(1).bytes()).hasSize(4096);
    }

    @Test
    void theTrailerLeadsToAHeaderThatListsEveryChunkWhereItIs() throws Exception {
        Written w = write(3000, 40_000, 17);
        byte[] bytes = w.bytes();
        int headerLength = PackHeader.lengthFromTrailer(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
        byte[] header = Arrays.copyOfRange(bytes, bytes.length - 4 - headerLength, bytes.length - 4);

        List<PackEntry> entries = PackHeader.decrypt(header, aead);

        assertThat(headerLength).isEqualTo(w.pack().headerLength());
        assertThat(entries).isEqualTo(w.pack().entries());
        long offset = 0;
        for (int i = 0; i < entries.size(); i++) {
            PackEntry e = entries.get(i);
            assertThat(e.offset()).isEqualTo(offset);
            byte[] sealed = Arrays.copyOfRange(bytes, (int) e.offset(), (int) e.offset() + e.length());
            assertThat(codec.decode(e, sealed)).isEqualTo(w.plains().get(i));
            offset += e.length();
        }
    }

    @Test
    void thePaddingIsRandomNotZeros() throws Exception {
        Written a = write(1000);
        Written b = write(1000);
        long start = chunkBytes(a.pack());
        long end = a.bytes().length - PackHeader.TRAILER_LENGTH - a.pack().headerLength();
        assertThat(end - start).as("padding length").isGreaterThan(1000);

        byte[] padA = Arrays.copyOfRange(a.bytes(), (int) start, (int) end);
        byte[] padB = Arrays.copyOfRange(b.bytes(), (int) start, (int) end);
        long zeros = 0;
        for (byte x : padA) {
            zeros += x == 0 ? 1 : 0;
        }
        assertThat(zeros).as("zero bytes in %d bytes of padding", padA.length).isLessThan(padA.length / 50);
        assertThat(padA).isNotEqualTo(padB);
    }

    @Test
    void paddingHidesSmallDifferencesInContent() throws Exception {
        assertThat(write(2_000_000).bytes().length).isEqualTo(write(2_010_000).bytes().length);
    }

    @Test
    void tamperingWithAChunksNonceCiphertextOrTagInThePackIsDetected() throws Exception {
        Written w = write(20_000);
        PackEntry e = w.pack().entries().get(0);
        long start = e.offset();
        long end = e.offset() + e.length();
        for (long index : new long[] {start, start + 11, start + 12, start + 5000, end - 16, end - 1}) {
            byte[] damaged = flip(w.bytes(), index);
            byte[] sealed = Arrays.copyOfRange(damaged, (int) start, (int) end);
            assertThatThrownBy(() -> codec.decode(e, sealed))
                    .as("flipped byte %d", index)
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void tamperingWithThePackHeaderIsDetected() throws Exception {
        Written w = write(20_000);
        int n = w.bytes().length;
        int headerStart = n - 4 - w.pack().headerLength();
        for (int index : new int[] {headerStart, headerStart + 12, headerStart + 500, n - 5}) {
            byte[] damaged = flip(w.bytes(), index);
            byte[] header = Arrays.copyOfRange(damaged, headerStart, n - 4);
            assertThatThrownBy(() -> PackHeader.decrypt(header, aead))
                    .as("flipped byte %d", index)
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void aDamagedTrailerPointsAtBytesThatAreNoHeader() throws Exception {
        Written w = write(20_000);
        byte[] damaged = flip(w.bytes(), w.bytes().length - 4);
        int n = damaged.length;
        int headerLength = PackHeader.lengthFromTrailer(Arrays.copyOfRange(damaged, n - 4, n));

        assertThat(headerLength).isNotEqualTo(w.pack().headerLength());
        byte[] header = Arrays.copyOfRange(damaged, n - 4 - headerLength, n - 4);
        assertThatThrownBy(() -> PackHeader.decrypt(header, aead)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void chunksOfEveryTypeShareAPack() throws Exception {
        Path file = tmp.resolve("mixed");
        try (PackWriter w = new PackWriter(file)) {
            for (ChunkType t : ChunkType.values()) {
                byte[] plain = ("{\"type\":\"" + t + "\"}").getBytes(StandardCharsets.UTF_8);
                w.add(codec.encode(t, codec.idOf(plain), plain));
            }
            SealedPack p = w.seal(aead, RANDOM);
            assertThat(p.entries()).extracting(PackEntry::type).containsExactly(ChunkType.values());
        }
    }

    @Test
    void aSealedPackTakesNoMoreChunks() throws Exception {
        Path file = tmp.resolve("sealed");
        try (PackWriter w = new PackWriter(file)) {
            byte[] plain = {1, 2, 3};
            EncodedChunk c = codec.encode(ChunkType.DATA, codec.idOf(plain), plain);
            w.add(c);
            w.seal(aead, RANDOM);

            assertThatThrownBy(() -> w.add(c)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> w.seal(aead, RANDOM)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(file).exists();
    }

    @Test
    void closingAnUnsealedPackDeletesItsStagingFile() throws Exception {
        Path file = tmp.resolve("abandoned");
        try (PackWriter w = new PackWriter(file)) {
            byte[] plain = {1, 2, 3};
            w.add(codec.encode(ChunkType.DATA, codec.idOf(plain), plain));
            assertThat(w.count()).isEqualTo(1);
            assertThat(w.size()).isEqualTo(3 + Aead.OVERHEAD);
        }
        assertThat(file).doesNotExist();
    }
}
