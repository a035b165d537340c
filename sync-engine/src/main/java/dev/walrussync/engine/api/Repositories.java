package dev.walrussync.engine.api;

import dev.walrussync.engine.crypto.Argon2Params;
import dev.walrussync.engine.crypto.InvalidRecoveryPhraseException;
import dev.walrussync.engine.crypto.RecoveryPhrase;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.repo.Repository;
import dev.walrussync.engine.repo.RepositoryConfig;
import dev.walrussync.engine.repo.StoreSpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The engine's entry point: creates and opens repositories. Time, randomness and the passphrase
 * KDF's cost are injected here, once, by the composition root.
 */
public final class Repositories {
    private final Clock clock;
    private final SecureRandom random;
    private final Argon2Params kdf;

    public Repositories(Clock clock, SecureRandom random, Argon2Params kdf) {
        this.clock = clock;
        this.random = random;
        this.kdf = kdf;
    }

    /** The default passphrase KDF cost: Argon2id with 46 MiB, 1 iteration. */
    public static Argon2Params defaultKdf() {
        return Argon2Params.DEFAULT;
    }

    /**
     * What {@link #init} made.
     *
     * @param recoveryWords the 24-word recovery phrase, to show the user once
     */
    public record Created(String repositoryId, List<String> recoveryWords, String store) {}

    /**
     * Creates a repository bound to the app home.
     *
     * @param store a store spec such as {@code dir:/mnt/backup}
     * @param packSize the target pack size in bytes, or 0 for the store's default
     */
    public Created init(Path home, String store, char[] passphrase, long packSize) throws SyncException {
        Repository.InitResult r =
                Repository.init(home, StoreSpec.parse(store), passphrase, kdf, packSize, random, clock);
        try (RecoveryPhrase phrase = r.recoveryPhrase()) {
            return new Created(r.repositoryId(), phrase.words(), r.store());
        }
    }

    /** Whether the app home holds a repository. */
    public static boolean exists(Path home) {
        return RepositoryConfig.existsIn(home);
    }

    /**
     * Unlocks the repository with its passphrase.
     *
     * @param exclusive whether the session will change the repository (backup, forget, prune, keys)
     */
    public RepositorySession openWithPassphrase(Path home, char[] passphrase, boolean exclusive) throws SyncException {
        Repository.Credential c = new Repository.Passphrase(passphrase.clone());
        return new RepositorySession(Repository.open(home, c, random, clock, exclusive), c, this);
    }

    /** Unlocks the repository with its 24-word recovery phrase. */
    public RepositorySession openWithRecoveryPhrase(Path home, String words, boolean exclusive) throws SyncException {
        RecoveryPhrase phrase;
        try {
            phrase = RecoveryPhrase.parse(words);
        } catch (InvalidRecoveryPhraseException e) {
            throw new SyncException(e.getMessage(), e);
        }
        Repository.Credential c = new Repository.Phrase(phrase);
        return new RepositorySession(Repository.open(home, c, random, clock, exclusive), c, this);
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }

    Argon2Params kdf() {
        return kdf;
    }
}
