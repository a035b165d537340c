package dev.walrussync.engine.repo;

import dev.walrussync.engine.crypto.InvalidKeyFileException;
import dev.walrussync.engine.crypto.KeyFile;
import dev.walrussync.engine.crypto.KeySlots;
import dev.walrussync.engine.crypto.MasterKey;
import dev.walrussync.engine.crypto.RepositoryKeys;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.BlobLease;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.StoredBlob;
import dev.walrussync.engine.store.dir.DirectoryBlobStore;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.wallet.WalletFile;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up an existing repository in a new app home from what the user still holds: the store (on Walrus, the
 * network and the wallet whose blobs it is) and the recovery phrase or a passphrase. It finds the key blob among
 * the store's small blobs, unlocks it, writes the home's configuration, and rebuilds the index.
 *
 * <p>Nothing is written to the store. If anything fails, the files this class wrote to the home are removed again,
 * so the user can simply try once more (only the home's empty lock file stays).
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 8</a>
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** Key blobs are a few KiB of JSON; blobs above this size are not read while looking for one. */
    static final long KEY_BLOB_MAX_SIZE = 64 * 1024;

    /** The files a recovery writes to the home, removed again if it fails. */
    private static final List<String> WRITTEN = List.of(
            RepositoryConfig.FILE_NAME,
            WalletFile.FILE_NAME,
            WalrusSettings.FILE_NAME,
            Repository.KEYS_CACHE,
            Repository.INDEX_FILE,
            Repository.INDEX_FILE + "-wal",
            Repository.INDEX_FILE + "-shm");

    private Recovery() {}

    /**
     * Recovers the repository into {@code home}, which must not hold one yet, and returns it open (exclusively).
     * The report of the index rebuild is {@link Repository#rebuiltAtOpen()}.
     *
     * @param walrus the network's settings, for a {@code walrus:} store
     * @param wallet the wallet whose blobs hold the repository, for a {@code walrus:} store
     */
    public static Repository recover(
            Path home,
            StoreSpec spec,
            @Nullable WalrusSettings walrus,
            @Nullable Ed25519Keypair wallet,
            Repository.Credential credential,
            SecureRandom random,
            Clock clock,
            WalrusConnector connector,
            RebuildListener listener)
            throws SyncException {
        if (spec.isWalrus() && (walrus == null || wallet == null)) {
            throw new SyncException(
                    "recovering from Walrus needs the network and the wallet's key: the repository is found through"
                            + " the blobs the wallet owns");
        }
        if (RepositoryConfig.existsIn(home)) {
            throw new SyncException("a repository is already set up in " + home
                    + "; recover into another --home, or remove that folder first");
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new SyncException("cannot create the app home " + home + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            try (HomeLock lock = HomeLock.acquire(home, true)) {
                removeWritten(home);
                writeHome(home, spec, walrus, wallet, credential, random, clock, connector);
            }
            Repository repo = Repository.open(home, credential, random, clock, true, connector, listener);
            done = true;
            return repo;
        } finally {
            if (!done) {
                removeWritten(home);
            }
        }
    }

    private static void writeHome(
            Path home,
            StoreSpec spec,
            @Nullable WalrusSettings walrus,
            @Nullable Ed25519Keypair wallet,
            Repository.Credential credential,
            SecureRandom random,
            Clock clock,
            WalrusConnector connector)
            throws SyncException {
        try (BlobStore store = openStore(home, spec, walrus, wallet, connector)) {
            Found found = findKeyBlob(store, credential, where(spec, walrus, wallet));
            try (MasterKey master = found.unlocked().masterKey();
                    RepositoryKeys keys = RepositoryKeys.derive(master, random)) {
                if (walrus != null && wallet != null) {
                    walrus.save(home);
                    WalletFile.seal(wallet, keys, clock).save(home);
                }
            }
            try {
                Files.write(home.resolve(Repository.KEYS_CACHE), found.keyFile().toJson());
                // A new, empty index: the open that follows finds it without a repository ID and rebuilds it.
                IndexDatabase.open(home.resolve(Repository.INDEX_FILE), clock).close();
            } catch (IOException e) {
                throw new SyncException("cannot write to " + home + ": " + e.getMessage(), e);
            }
            new RepositoryConfig(
                            1,
                            found.keyFile().repositoryIdHex(),
                            spec.toString(),
                            found.blob().value(),
                            0)
                    .save(home);
        }
    }

    private static BlobStore openStore(
            Path home,
            StoreSpec spec,
            @Nullable WalrusSettings walrus,
            @Nullable Ed25519Keypair wallet,
            WalrusConnector connector)
            throws SyncException {
        if (!spec.isWalrus()) {
            return DirectoryBlobStore.open(Path.of(spec.location()), DirectoryBlobStore.DEFAULT_PACK_SIZE);
        }
        if (!walrus.network().equals(spec.location())) {
            throw new SyncException("the store names Walrus network '" + spec.location() + "', the settings '"
                    + walrus.network() + "'");
        }
        WalrusBlobStore store = WalrusBlobStore.open(
                connector.connect(walrus, home), wallet.address(), walrus.epochs(), 0, RetryPolicy.DEFAULT);
        store.useSigner(wallet);
        return store;
    }

    /** Where the repository was looked for, for messages. */
    private static String where(StoreSpec spec, @Nullable WalrusSettings walrus, @Nullable Ed25519Keypair wallet) {
        if (!spec.isWalrus()) {
            return "the store " + spec.location();
        }
        String network = walrus.isLocal()
                ? "the embedded local network of this app home (it lives in the app home that made it:"
                        + " recover with a copy of that home's localnet folder, or from a network both machines"
                        + " reach)"
                : "Walrus network '" + walrus.network() + "'";
        return "wallet " + wallet.address() + " on " + network;
    }

    /** The key blob that the credential unlocks. */
    private record Found(BlobId blob, KeyFile keyFile, KeySlots.Unlocked unlocked) {}

    /**
     * The blobs that may be key blobs, in the order they are read: the small ones without a mark, newest first. A
     * marked blob is a pack that holds records (the last, often small, pack of every backup), never a key blob; the
     * key blob is usually the oldest blob of all, so without skipping them a recovery would download the last pack
     * of every backup ever made before it finds the key blob, or before it says that the phrase is wrong.
     */
    static List<StoredBlob> keyBlobCandidates(List<StoredBlob> blobs) {
        List<StoredBlob> small = new ArrayList<>(blobs.stream()
                .filter(b -> b.size() <= KEY_BLOB_MAX_SIZE && b.mark().isEmpty())
                .toList());
        small.sort(Comparator.comparingLong((StoredBlob b) ->
                        b.lease().map(BlobLease::registeredEpoch).orElse(0L))
                .reversed());
        return small;
    }

    /**
     * Reads the {@linkplain #keyBlobCandidates candidates} and returns the first key blob the credential unlocks; a
     * store with no key blob, or with none the credential unlocks, gets a message that says which.
     */
    private static Found findKeyBlob(BlobStore store, Repository.Credential credential, String where)
            throws SyncException {
        List<StoredBlob> blobs = store.list();
        if (blobs.isEmpty()) {
            throw new NoRepositoryException("no Walrus Sync repository in " + where
                    + ": it holds no blobs. Check the wallet key and the network (a repository made on testnet"
                    + " is not on mainnet).");
        }
        List<String> repositories = new ArrayList<>();
        for (StoredBlob b : keyBlobCandidates(blobs)) {
            byte[] bytes = store.get(b.id());
            if (!KeyFile.looksLikeKeyFile(bytes)) {
                continue;
            }
            KeyFile keyFile;
            try {
                keyFile = KeyFile.parse(bytes);
            } catch (InvalidKeyFileException e) {
                LOG.warn("blob {} looks like a key blob but does not parse: {}", b.id(), e.getMessage());
                continue;
            }
            try {
                return new Found(b.id(), keyFile, Repository.unlock(keyFile, credential));
            } catch (WrongCredentialException e) {
                String id = keyFile.repositoryIdHex().substring(0, 8);
                if (!repositories.contains(id)) {
                    repositories.add(id);
                }
            }
        }
        if (repositories.isEmpty()) {
            throw new NoRepositoryException("no Walrus Sync repository in " + where + ": none of its " + blobs.size()
                    + " blob(s) is a Walrus Sync key blob. Check the wallet key and the network (a repository made"
                    + " on testnet is not on mainnet).");
        }
        String what = credential instanceof Repository.Phrase ? "recovery phrase" : "passphrase";
        throw new WrongCredentialException("the " + what + " does not open the repository "
                + String.join(", ", repositories) + " found in " + where + ": check the "
                + (credential instanceof Repository.Phrase ? "24 words and their order" : "passphrase")
                + ", or try the " + (credential instanceof Repository.Phrase ? "passphrase" : "recovery phrase"));
    }

    private static void removeWritten(Path home) {
        for (String name : WRITTEN) {
            try {
                Files.deleteIfExists(home.resolve(name));
            } catch (IOException e) {
                LOG.warn("cannot remove {} after a failed recovery: {}", home.resolve(name), e.getMessage());
            }
        }
    }
}
