package dev.walrussync.engine.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test data, channels and helpers shared by the chunker tests. */
final class ChunkTestSupport {
    /** The key of the golden tests: bytes 0, 1, ..., 31. */
    static final byte[] GOLDEN_KEY = sequentialKey(0);

    private ChunkTestSupport() {}

    static byte[] sequentialKey(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    static byte[] randomBytes(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static FastCdcChunker chunker(byte[] key, ChunkerParams params) {
        return new FastCdcChunker(GearTable.derive(key), params);
    }

    /** Chunk lengths by calling {@link FastCdcChunker#cutPoint} over the whole array. */
    static List<Integer> cutLengths(FastCdcChunker chunker, byte[] data) {
        List<Integer> lengths = new ArrayList<>();
        for (int off = 0; off < data.length; ) {
            int length = chunker.cutPoint(data, off, data.length - off);
            lengths.add(length);
            off += length;
        }
        return lengths;
    }

    /** All chunks that a {@link ChunkReader} returns for the channel. */
    static List<byte[]> readAll(FastCdcChunker chunker, ReadableByteChannel in) throws IOException {
        ChunkReader reader = chunker.open(in);
        List<byte[]> chunks = new ArrayList<>();
        for (byte[] chunk; (chunk = reader.next()) != null; ) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static List<Integer> lengths(List<byte[]> chunks) {
        return chunks.stream().map(c -> c.length).toList();
    }

    /** A channel over {@code data} that returns at most {@code maxRead} bytes per read. */
    static ReadableByteChannel channel(byte[] data, int maxRead) {
        return new ArrayChannel(data, new Random(0), maxRead, maxRead);
    }

    /** A channel over {@code data} that returns a random 1 to 7 bytes per read. */
    static ReadableByteChannel trickleChannel(byte[] data, long seed) {
        return new ArrayChannel(data, new Random(seed), 1, 7);
    }

    /** A channel of {@code size} pseudo-random bytes generated on the fly, never held in full. */
    static ReadableByteChannel randomChannel(long seed, long size) {
        return new ReadableByteChannel() {
            private final Random random = new Random(seed);
            private final byte[] block = new byte[64 * 1024];
            private long remaining = size;

            @Override
            public int read(ByteBuffer dst) {
                if (remaining == 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(remaining, dst.remaining()), block.length);
                random.nextBytes(block);
                dst.put(block, 0, n);
                remaining -= n;
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

    private static final class ArrayChannel implements ReadableByteChannel {
        private final byte[] data;
        private final Random random;
        private final int minRead;
        private final int maxRead;
        private int pos;

        ArrayChannel(byte[] data, Random random, int minRead, int maxRead) {
            this.data = data;
            this.random = random;
            this.minRead = minRead;
            this.maxRead = maxRead;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (pos == data.length) {
                return -1;
            }
            int want = minRead + random.nextInt(maxRead - minRead + 1);
            int n = Math.min(Math.min(want, dst.remaining()), data.length - pos);
            dst.put(data, pos, n);
            pos += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
