package dev.walrussync.ui.session;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.SyncException;
import java.nio.file.Path;

/**
 * What the UI needs from the composition root: the app home's repository, created or unlocked, with its {@link
 * dev.walrussync.engine.api.SyncService} running. The app implements it (it knows the embedded network and the Walrus
 * settings); tests implement it on a directory store. Every method blocks and is called off the FX thread.
 */
public interface RepositoryGateway {
    /** The app home. */
    Path home();

    /** Whether the app home holds a repository. */
    boolean exists();

    /**
     * Creates the repository in the app home on {@code network}.
     *
     * @param passphrase not kept; the caller wipes it
     */
    Repositories.Created create(Network network, char[] passphrase) throws SyncException;

    /**
     * Unlocks the repository, takes the app home's instance lock and starts its sync service.
     *
     * @param passphrase not kept; the caller wipes it
     * @throws SyncException if the passphrase is wrong, or another process (a {@code watch} daemon) runs
     */
    RunningSync unlock(char[] passphrase) throws SyncException;
}
