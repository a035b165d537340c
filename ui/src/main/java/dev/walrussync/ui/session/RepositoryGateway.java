package dev.walrussync.ui.session;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.SyncException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

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

    /**
     * What {@link #recover} set up: the repository, unlocked and syncing, and what rebuilding its index found.
     *
     * @param repositoryId the repository's ID in hex
     * @param walletAddress the wallet's Sui address, for a repository on Walrus
     */
    record Recovered(
            RunningSync running,
            RebuildReport report,
            String repositoryId,
            @Nullable String walletAddress) {}

    /**
     * Sets up in the app home, which holds no repository, one made on another machine, rebuilds its index (telling
     * {@code listener} how far it came, from this thread), then takes the instance lock and starts its sync service as
     * {@link #unlock} does. Give the recovery phrase or a passphrase, not both. On failure nothing of the repository
     * stays in the home, so it can be tried again at once.
     *
     * @param passphrase not kept; the caller wipes it
     * @throws SyncException the engine's {@code NoRepositoryException} when the store (on Walrus, the wallet on that
     *     network) holds no repository; its {@code WrongCredentialException} when the phrase or passphrase opens none
     *     of the repository's keys; another when the store cannot be reached or read
     */
    Recovered recover(
            RecoverySource from,
            @Nullable String recoveryPhrase,
            char @Nullable [] passphrase,
            RebuildListener listener)
            throws SyncException;
}
