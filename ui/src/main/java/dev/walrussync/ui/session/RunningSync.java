package dev.walrussync.ui.session;

import dev.walrussync.engine.api.SyncService;
import java.nio.file.Path;

/**
 * An unlocked repository whose sync service runs. Closing it stops the service, closes the session and releases the
 * instance lock, in that order.
 */
public interface RunningSync extends AutoCloseable {
    SyncService sync();

    /** The app home ({@code sync.json} lives there). */
    Path home();

    /** Whether the repository is on Walrus (balances and runway exist). */
    boolean onWalrus();

    @Override
    void close();
}
