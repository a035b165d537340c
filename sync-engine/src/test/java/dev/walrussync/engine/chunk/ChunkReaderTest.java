package dev.walrussync.engine.chunk;

import static dev.walrussync.engine.chunk.ChunkTestSupport.GOLDEN_KEY;
import static dev.walrussync.engine.chunk.ChunkTestSupport.chunker;
import static dev.walrussync.engine.chunk.ChunkTestSupport.cutLengths;
import static dev.walrussync.engine.chunk.ChunkTestSupport.lengths;
import static dev.walrussync.engine.chunk.ChunkTestSupport.randomBytes;
import static dev.walrussync.engine.chunk.ChunkTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Streaming, size bounds, short reads and memory use of {@link ChunkReader}. */
class ChunkReaderTest {
    private static final ChunkerParams DEFAULT = ChunkerParams.DEFAULT;
    private static final int MIN = DEFAULT.minSize();
    private static final int MAX = DEFAULT.maxSize();
    private static final FastCdcChunker CHUNKER = chunker(GOLDEN_KEY, DEFAULT);

    static Stream<Integer> inputSizes() {
        return Stream.of(0, 1, MIN - 1, MIN, MIN + 1, DEFAULT.avgSize(), MAX - 1, MAX, MAX + 1, 3 * MAX + 17, 50 << 20);
    }

    @ParameterizedTest
    @MethodSource("inputSizes")
    void chunksRespectTheSizeBoundsAndConcatenateToTheInput(int size) throws IOException {
        byte[] data = randomBytes(size, size);
        List<byte[]> chunks = readAll(CHUNKER, ChunkTestSupport.channel(data, 1 << 20));

        int off = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            assertThat(chunk.length).as("chunk %d", i).isBetween(i == chunks.size() - 1 ? 1 : MIN, MAX);
            assertThat(Arrays.equals(chunk, 0, chunk.length, data, off, off + chunk.length))
                    .as("content of chunk %d", i)
                    .isTrue();
            off += chunk.length;
        }
        assertThat(off).isEqualTo(size);
        assertThat(lengths(chunks)).isEqualTo(cutLengths(CHUNKER, data));
    }

    @Test
    void emptyInputGivesNoChunksAndKeepsReturningNull() throws IOException {
        ChunkReader reader = CHUNKER.open(ChunkTestSupport.channel(new byte[0], 100));
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void inputShorterThanTheMinimumIsOneChunk() throws IOException {
        byte[] data = randomBytes(8, MIN - 1);
        List<byte[]> chunks = readAll(CHUNKER, ChunkTestSupport.channel(data, 4096));
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0)).isEqualTo(data);
    }

    @Test
    void readsOfOneToSevenBytesGiveIdenticalChunks() throws IOException {
        byte[] data = randomBytes(9, 3 << 20);
        List<byte[]> whole = readAll(CHUNKER, ChunkTestSupport.channel(data, Integer.MAX_VALUE));
        List<byte[]> trickled = readAll(CHUNKER, ChunkTestSupport.trickleChannel(data, 9));
        assertThat(whole.size()).isGreaterThan(1);
        assertThat(trickled).usingElementComparator(Arrays::compare).isEqualTo(whole);

        FastCdcChunker small = chunker(GOLDEN_KEY, new ChunkerParams(1024, 4096, 16384));
        byte[] smallData = randomBytes(10, 1 << 20);
        List<byte[]> smallTrickled = readAll(small, ChunkTestSupport.trickleChannel(smallData, 10));
        assertThat(smallTrickled.size()).isGreaterThan(100);
        assertThat(lengths(smallTrickled)).isEqualTo(cutLengths(small, smallData));
    }

    @Test
    void bufferStaysWithinTwiceTheMaximumChunkSizeWhileStreaming() throws IOException {
        ReadableByteChannel in = ChunkTestSupport.randomChannel(11, 40L << 20);
        ChunkReader reader = CHUNKER.open(in);
        long total = 0;
        for (byte[] chunk; (chunk = reader.next()) != null; ) {
            total += chunk.length;
            assertThat(reader.bufferSize()).isLessThanOrEqualTo(2 * MAX);
        }
        assertThat(total).isEqualTo(40L << 20);
    }

    @Test
    void smallInputKeepsASmallBuffer() throws IOException {
        ChunkReader reader = CHUNKER.open(ChunkTestSupport.channel(randomBytes(12, 1000), 4096));
        assertThat(reader.next()).hasSize(1000);
        assertThat(reader.next()).isNull();
        assertThat(reader.bufferSize()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void averageChunkSizeOfRandomDataIsNearTheTarget() throws IOException {
        ChunkReader reader = CHUNKER.open(ChunkTestSupport.randomChannel(13, 64L << 20));
        long total = 0;
        int count = 0;
        for (byte[] chunk; (chunk = reader.next()) != null; ) {
            total += chunk.length;
            count++;
        }
        double average = (double) total / count;
        // Observed: 52 chunks, average 1,290,555 bytes (1.23 x avg); 256 MiB gave 1,225,733 (1.17 x).
        // Expected 1,248,473 (1.19 x): min 512 KiB, then a cut before 1 MiB only with probability
        // 1 - e^(-1/8) = 0.12 (small mask, 2^-22 per byte), otherwise 1 MiB plus about 256 KiB.
        assertThat(average).isBetween(0.6 * DEFAULT.avgSize(), 1.6 * DEFAULT.avgSize());
    }
}
