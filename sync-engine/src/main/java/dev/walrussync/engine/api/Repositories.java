package dev.walrussync.engine.api;

import dev.walrussync.engine.crypto.Argon2Params;
import dev.walrussync.engine.crypto.InvalidRecoveryPhraseException;
import dev.walrussync.engine.crypto.RecoveryPhrase;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.repo.Recovery;
import dev.walrussync.engine.repo.Repository;
import dev.walrussync.engine.repo.RepositoryConfig;
import dev.walrussync.engine.repo.StoreSpec;
import dev.walrussync.engine.store.walrus.PublicNetworks;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's entry point: creates and opens repositories. Time, randomness and the passphrase
 * KDF's cost are injected here, once, by the composition root.
 */
public final class Repositories {
    private final Clock clock;
    private final SecureRandom random;
    private final Argon2Params kdf;
    private final WalrusConnector connector;

    /** Repositories on directory stores and on public Walrus networks (not the embedded one). */
    public Repositories(Clock clock, SecureRandom random, Argon2Params kdf) {
        this(clock, random, kdf, new PublicNetworks());
    }

    /**
     * @param connector connects to Walrus networks; the app's also starts the embedded local network
     */
    public Repositories(Clock clock, SecureRandom random, Argon2Params kdf, WalrusConnector connector) {
        this.clock = clock;
        this.random = random;
        this.kdf = kdf;
        this.connector = connector;
    }

    /** The default passphrase KDF cost: Argon2id with 46 MiB, 1 iteration. */
    public static Argon2Params defaultKdf() {
        return Argon2Params.DEFAULT;
    }

    /**
     * What {@link #init} made.
     *
     * @param recoveryWords the 24-word recovery phrase, to show the user once
     * @param walletAddress the wallet's Sui address, for a repository on Walrus
     */
    public record Created(
            String repositoryId,
            List<String> recoveryWords,
            String store,
            @Nullable String walletAddress) {}

    /**
     * Creates a repository bound to the app home.
     *
     * @param store a store spec such as {@code dir:/mnt/backup}
     * @param packSize the target pack size in bytes, or 0 for the store's default
     */
    public Created init(Path home, String store, char[] passphrase, long packSize) throws SyncException {
        return init(home, store, passphrase, packSize, null, null);
    }

    /**
     * Creates a repository bound to the app home; on Walrus, with its settings and a wallet.
     *
     * @param store a store spec such as {@code dir:/mnt/backup} or {@code walrus:local}
     * @param walrus the Walrus settings, required for a {@code walrus:} store
     * @param walletKey a {@code suiprivkey1…} key to use as the wallet, or null to create a new wallet
     */
    public Created init(
            Path home,
            String store,
            char[] passphrase,
            long packSize,
            @Nullable WalrusSettings walrus,
            @Nullable String walletKey)
            throws SyncException {
        Ed25519Keypair wallet = walletKey == null ? null : parseWalletKey(walletKey);
        Repository.InitResult r = Repository.init(
                home, StoreSpec.parse(store), passphrase, kdf, packSize, random, clock, connector, walrus, wallet);
        try (RecoveryPhrase phrase = r.recoveryPhrase()) {
            return new Created(r.repositoryId(), phrase.words(), r.store(), r.walletAddress());
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
        return new RepositorySession(Repository.open(home, c, random, clock, exclusive, connector), c, this);
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
        return new RepositorySession(Repository.open(home, c, random, clock, exclusive, connector), c, this);
    }

    /**
     * What {@link #recover} set up: the repository, open, and what rebuilding its index found.
     *
     * @param walletAddress the wallet's address, for a repository on Walrus
     */
    public record Recovered(
            RepositorySession session,
            RebuildReport report,
            String repositoryId,
            @Nullable String walletAddress) {}

    /**
     * Sets up an existing repository in a new app home from what the user still holds, and rebuilds its index: on
     * Walrus, the network and the wallet key (the repository is found among the wallet's blobs); and the recovery
     * phrase or a passphrase. Nothing is written to the store; on failure nothing stays in the home.
     *
     * @param store {@code walrus:NETWORK} or {@code dir:PATH}
     * @param walrus the network's settings, for a {@code walrus:} store
     * @param walletKey the wallet's {@code suiprivkey1…} key, for a {@code walrus:} store
     * @param recoveryPhrase the 24 words, or null to use {@code passphrase}
     * @param passphrase a passphrase of the repository, or null to use {@code recoveryPhrase}
     * @throws dev.walrussync.engine.repo.NoRepositoryException when the store (the wallet) holds no repository
     * @throws dev.walrussync.engine.repo.WrongCredentialException when the phrase or passphrase does not open it
     */
    public Recovered recover(
            Path home,
            String store,
            @Nullable WalrusSettings walrus,
            @Nullable String walletKey,
            @Nullable String recoveryPhrase,
            char @Nullable [] passphrase,
            RebuildListener listener)
            throws SyncException {
        if ((recoveryPhrase == null) == (passphrase == null)) {
            throw new IllegalArgumentException("give the recovery phrase or a passphrase, not both or neither");
        }
        Repository.Credential c;
        if (recoveryPhrase != null) {
            try {
                c = new Repository.Phrase(RecoveryPhrase.parse(recoveryPhrase));
            } catch (InvalidRecoveryPhraseException e) {
                throw new SyncException(e.getMessage(), e);
            }
        } else {
            if (passphrase.length == 0) {
                throw new SyncException("the passphrase is empty");
            }
            c = new Repository.Passphrase(passphrase.clone());
        }
        StoreSpec spec = StoreSpec.parse(store);
        Ed25519Keypair wallet = walletKey == null ? null : parseWalletKey(walletKey);
        Repository repo = Recovery.recover(home, spec, walrus, wallet, c, random, clock, connector, listener);
        RepositorySession session = new RepositorySession(repo, c, this);
        return new Recovered(
                session,
                repo.rebuiltAtOpen().orElseThrow(),
                repo.config().repositoryId(),
                wallet == null ? null : wallet.address().toString());
    }

    /**
     * The Sui address of a {@code suiprivkey1…} Ed25519 key, parsed as {@link RepositorySession#replaceWallet} parses
     * it: so that a caller can name the address a key is for, and refuse a malformed key, before anything changes.
     * Reads and writes nothing.
     *
     * @throws SyncException if the text is not such a key
     */
    public static String walletAddressOf(String suiPrivateKey) throws SyncException {
        return parseWalletKey(suiPrivateKey).address().toString();
    }

    /** Parses a {@code suiprivkey1…} Ed25519 key, with a clear error for anything else. */
    static Ed25519Keypair parseWalletKey(String text) throws SyncException {
        try {
            return Ed25519Keypair.fromSuiPrivateKey(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SyncException("not a Sui Ed25519 private key (suiprivkey1…): " + e.getMessage(), e);
        }
    }

    WalrusConnector connector() {
        return connector;
    }

    public Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }

    Argon2Params kdf() {
        return kdf;
    }
}
