package dev.walrussync.engine.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one folder recursively with the directory-watcher library (native FSEvents on macOS, the JDK's watch
 * service elsewhere) and reports every changed path. It reports; it never reads files. Events may be lost (an
 * overflow, a sleeping machine, a network drive): the listener then hears {@link Listener#overflow()}, and the
 * daemon's periodic rescan catches the rest.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    /** Hears a folder's changes, on the watcher's own thread. */
    public interface Listener {
        /** {@code path} (under the folder) was created, modified or deleted. */
        void changed(Path path);

        /** Events were lost; the whole folder must be looked at again. */
        void overflow();

        /** Watching stopped because of an error (the folder was removed, the OS ran out of watches...). */
        void failed(Exception error);
    }

    private final Path folder;
    private final DirectoryWatcher watcher;
    private final ExecutorService thread;
    private final CompletableFuture<Void> running;

    private FolderWatcher(Path folder, DirectoryWatcher watcher, ExecutorService thread, CompletableFuture<Void> run) {
        this.folder = folder;
        this.watcher = watcher;
        this.thread = thread;
        this.running = run;
    }

    /**
     * Starts watching {@code folder} and everything below it. Returns once every existing subfolder is registered,
     * so changes made after the return are reported.
     *
     * @throws IOException if the folder cannot be watched (missing, unreadable, too many folders for the OS)
     */
    public static FolderWatcher start(Path folder, Listener listener) throws IOException {
        DirectoryWatcher watcher = DirectoryWatcher.builder()
                .path(folder)
                // The backup decides what changed, from size, times and file ID: hashing every file here would
                // read the whole folder at start and again on every event.
                .fileHashing(false)
                .logger(LOG)
                .listener(event -> deliver(event, listener))
                .build();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "folder-watcher " + folder.getFileName());
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> run = watcher.watchAsync(thread);
        run.whenComplete((ok, error) -> {
            if (error != null && !watcher.isClosed()) {
                listener.failed(error instanceof Exception e ? e : new IOException(error));
            }
        });
        return new FolderWatcher(folder, watcher, thread, run);
    }

    private static void deliver(DirectoryChangeEvent event, Listener listener) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            listener.overflow();
        } else if (event.path() != null) {
            listener.changed(event.path());
        }
    }

    public Path folder() {
        return folder;
    }

    /** Whether the watcher still runs (it stops on close or on an error). */
    public boolean isRunning() {
        return !running.isDone();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watcher of {}: {}", folder, e.getMessage());
        }
        thread.shutdownNow();
    }
}
