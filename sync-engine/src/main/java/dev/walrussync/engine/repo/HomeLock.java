package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on the app home, so that two processes never change one repository at once. Readers take
 * a shared lock, writers an exclusive one.
 */
final class HomeLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static HomeLock acquire(Path home, boolean exclusive) throws SyncException {
        Path file = home.resolve("lock");
        try {
            FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock(0, Long.MAX_VALUE, !exclusive);
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new SyncException("another Walrus Sync process is using " + home
                        + (exclusive ? "; wait for it to finish" : " and is changing the repository; try again later"));
            }
            return new HomeLock(ch, l);
        } catch (IOException e) {
            throw new SyncException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS releases the lock when the process ends in any case.
        }
    }
}
