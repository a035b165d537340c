package dev.walrussync.localnet.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, crash-safe record log: each record is {@code length (u32 BE) ‖ CRC-32C (u32 BE) ‖ payload}, and
 * every append is forced to disk before it returns. Opening the log reads every whole record and cuts off a torn or
 * corrupt tail (a crash during an append), so the state it holds is always a prefix of what was committed. The
 * file is locked while open, so one process at a time uses a data folder.
 */
final class ChainLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainLog.class);
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 256 * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private ChainLog(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens (or creates) the log file.
     *
     * @throws IOException if it cannot be opened or another process holds it
     */
    static ChainLog open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the chain log " + file + " is in use by another chain");
        }
        return new ChainLog(file, channel, lock);
    }

    /** Reads every whole record and truncates anything after the last one. */
    List<byte[]> readAll() throws IOException {
        List<byte[]> records = new ArrayList<>();
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            readFully(header, position);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length < 0 || length > MAX_RECORD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload, position + HEADER);
            byte[] bytes = payload.array();
            if (crc(bytes) != crc) {
                break;
            }
            records.add(bytes);
            position += HEADER + length;
        }
        if (position < size) {
            LOG.warn(
                    "chain log {}: dropping {} byte(s) of incomplete record at offset {}",
                    path,
                    size - position,
                    position);
            channel.truncate(position);
            channel.force(true);
        }
        channel.position(position);
        return records;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + path);
            }
            at += n;
        }
    }

    /** Appends one record and forces it to disk. */
    void append(byte[] payload) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        long start = channel.position();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            channel.truncate(start);
            channel.position(start);
            throw e;
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
