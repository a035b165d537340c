package dev.walrussync.engine.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Cuts one stream into content-defined chunks, holding at most twice the maximum chunk size; not thread-safe.
 *
 * <p>Create one per file with {@link FastCdcChunker#open}. The reader does not close the channel.
 * It reads until the channel reports end of stream, so short reads are fine, but the channel must
 * be blocking.
 */
public final class ChunkReader {
    private static final int INITIAL_BUFFER_SIZE = 64 * 1024;
    private static final int MAX_READ_SIZE = 1024 * 1024;

    private final FastCdcChunker chunker;
    private final ReadableByteChannel in;
    private final int maxSize;
    private final int bufferLimit;
    private byte[] buf;
    private ByteBuffer view;
    private int pos;
    private int limit;
    private boolean endOfStream;

    ChunkReader(FastCdcChunker chunker, ReadableByteChannel in) {
        this.chunker = chunker;
        this.in = in;
        this.maxSize = chunker.params().maxSize();
        this.bufferLimit = 2 * maxSize;
        this.buf = new byte[Math.min(bufferLimit, INITIAL_BUFFER_SIZE)];
        this.view = ByteBuffer.wrap(buf);
    }

    /**
     * Returns the next chunk as a new array of its exact length, or {@code null} at the end of the
     * stream. An empty stream has no chunks.
     */
    public byte[] next() throws IOException {
        fill();
        int available = limit - pos;
        if (available == 0) {
            return null;
        }
        int length = chunker.cutPoint(buf, pos, available);
        byte[] chunk = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return chunk;
    }

    /** The current buffer size, for tests of the memory bound. */
    int bufferSize() {
        return buf.length;
    }

    /** Reads until a maximum-size chunk is buffered or the stream ends. */
    private void fill() throws IOException {
        while (!endOfStream && limit - pos < maxSize) {
            if (limit == buf.length) {
                makeRoom();
            }
            view.limit(Math.min(buf.length, limit + MAX_READ_SIZE)).position(limit);
            int read = in.read(view);
            if (read < 0) {
                endOfStream = true;
            } else {
                limit += read;
            }
        }
    }

    /** Moves the unread bytes to the front, first doubling the buffer if they fill more than half. */
    private void makeRoom() {
        int available = limit - pos;
        if (available > buf.length / 2 && buf.length < bufferLimit) {
            byte[] larger = new byte[Math.min(bufferLimit, buf.length * 2)];
            System.arraycopy(buf, pos, larger, 0, available);
            buf = larger;
            view = ByteBuffer.wrap(larger);
        } else {
            System.arraycopy(buf, pos, buf, 0, available);
        }
        pos = 0;
        limit = available;
    }
}
