package dev.walrussync.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A blob being written before it is stored: a new staging file that the caller appends to and then
 * hands to {@link BlobStore#put(StagedBlob)}. Get one from {@link BlobStore#stage(Path)}: a store may
 * return a subclass that looks at the bytes as they pass (the directory store hashes them, so that it
 * need not read the file again to name the blob). Bytes can only be appended, in order; not thread-safe.
 */
public class StagedBlob implements WritableByteChannel {
    private final Path file;
    private final FileChannel channel;
    private long size;
    private boolean finished;

    /** Creates {@code file}, which must not exist. */
    protected StagedBlob(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** A plain staged file, for stores that have nothing to compute while it is written. */
    public static StagedBlob create(Path file) throws IOException {
        return new StagedBlob(file);
    }

    public Path file() {
        return file;
    }

    /** Bytes appended so far. */
    public long size() {
        return size;
    }

    /** Appends some of {@code src}, like {@link FileChannel#write(ByteBuffer)}; see {@link #appended}. */
    @Override
    public final int write(ByteBuffer src) throws IOException {
        if (finished) {
            throw new IOException("the staged blob " + file + " is finished");
        }
        ByteBuffer view = src.duplicate();
        int n = channel.write(src);
        view.limit(view.position() + n);
        appended(view);
        size += n;
        return n;
    }

    /** Appends all of {@code src}. */
    public final void writeFully(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            write(src);
        }
    }

    /** Called with exactly the bytes each write appended, in file order; does nothing by default. */
    protected void appended(ByteBuffer bytes) {}

    /** Forces the file to disk and closes it; no more bytes can be appended. Repeated calls do nothing. */
    public final void finish() throws IOException {
        if (!finished) {
            finished = true;
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }

    /** Whether {@link #finish()} has run. */
    public final boolean isFinished() {
        return finished;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the file without forcing it; what was written stays, unless {@link #discard()} deletes it. */
    @Override
    public void close() throws IOException {
        finished = true;
        channel.close();
    }

    /** Closes and deletes the staging file. */
    public void discard() throws IOException {
        close();
        Files.deleteIfExists(file);
    }
}
