package dev.walrussync.engine.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints the chunker's single-core throughput on random data; run with {@code -Pslow}. */
@Tag("slow")
class ChunkerThroughputTest {
    private static final int DATA_SIZE = 256 * 1024 * 1024;
    private static final int ROUNDS = 8;

    @Test
    void printsThroughputOfCutPointAndChunkReaderOnRandomData() throws IOException {
        byte[] data = new byte[DATA_SIZE];
        new Random(1).nextBytes(data);
        FastCdcChunker chunker = new FastCdcChunker(GearTable.derive(new byte[32]), ChunkerParams.DEFAULT);

        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            int chunks = 0;
            for (int off = 0; off < data.length; chunks++) {
                off += chunker.cutPoint(data, off, data.length - off);
            }
            long cutNanos = System.nanoTime() - start;

            start = System.nanoTime();
            ChunkReader reader = chunker.open(wrap(data));
            long total = 0;
            for (byte[] chunk; (chunk = reader.next()) != null; ) {
                total += chunk.length;
            }
            long readerNanos = System.nanoTime() - start;
            assertThat(total).isEqualTo(data.length);

            System.out.printf(
                    "round %d: cutPoint %.0f MB/s (%d chunks, average %.0f bytes), ChunkReader %.0f MB/s (incl. copies)%n",
                    round,
                    data.length * 1e3 / cutNanos,
                    chunks,
                    (double) data.length / chunks,
                    data.length * 1e3 / readerNanos);
        }
    }

    private static ReadableByteChannel wrap(byte[] data) {
        ByteBuffer source = ByteBuffer.wrap(data);
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) {
                if (!source.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(dst.remaining(), source.remaining());
                dst.put(dst.position(), source, source.position(), n);
                dst.position(dst.position() + n);
                source.position(source.position() + n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
