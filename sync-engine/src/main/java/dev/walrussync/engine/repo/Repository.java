package dev.walrussync.engine.repo;

import dev.walrussync.engine.chunk.ChunkerParams;
import dev.walrussync.engine.chunk.FastCdcChunker;
import dev.walrussync.engine.chunk.GearTable;
import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.Argon2Params;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.crypto.InvalidKeyFileException;
import dev.walrussync.engine.crypto.KeyFile;
import dev.walrussync.engine.crypto.KeySlot;
import dev.walrussync.engine.crypto.KeySlots;
import dev.walrussync.engine.crypto.MasterKey;
import dev.walrussync.engine.crypto.RecoveryPhrase;
import dev.walrussync.engine.crypto.RepositoryKeys;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.ChunkLocation;
import dev.walrussync.engine.index.IndexException;
import dev.walrussync.engine.internal.Hex;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.UploadGate;
import dev.walrussync.engine.pack.ChunkCodec;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.pack.PackHeader;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.StoredBlob;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.wallet.WalletFile;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open repository: its store, its index, its keys, and the operations every command shares
 * (loading chunks and records, storing records, adopting packs the index does not know).
 *
 * <p>Closing it releases the home lock and wipes the keys.
 */
public final class Repository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Repository.class);
    static final String INDEX_FILE = "index.db";
    static final String STAGING_DIR = "staging";
    private static final String META_REPOSITORY_ID = "repository_id";
    /**
     * zstd level 1: about twice as fast as zstd's default level 3 for a few percent more stored bytes,
     * which keeps compression from being the backup's bottleneck on a laptop's few cores.
     */
    static final int ZSTD_LEVEL = 1;

    private final Path home;
    private RepositoryConfig config;
    private final BlobStore store;
    private final IndexDatabase index;
    private final RepositoryKeys keys;
    private final ChunkCodec codec;
    private final FastCdcChunker chunker;
    private final MetadataCache metadataCache;
    private final SecureRandom random;
    private final Clock clock;
    private HomeLock lock;
    private volatile UploadGate uploadGate = UploadGate.OPEN;
    private KeyFile keyFile;
    private final String unlockedSlot;
    private @Nullable RebuildReport rebuiltAtOpen;

    private Repository(
            Path home,
            RepositoryConfig config,
            BlobStore store,
            IndexDatabase index,
            RepositoryKeys keys,
            SecureRandom random,
            Clock clock,
            HomeLock lock,
            KeyFile keyFile,
            String unlockedSlot) {
        this.home = home;
        this.config = config;
        this.store = store;
        this.index = index;
        this.keys = keys;
        this.codec = new ChunkCodec(keys.aead(), keys.idHasher(), ZSTD_LEVEL);
        byte[] chunkerKey = keys.chunkerKey();
        this.chunker = new FastCdcChunker(GearTable.derive(chunkerKey), ChunkerParams.DEFAULT);
        Arrays.fill(chunkerKey, (byte) 0);
        this.metadataCache = new MetadataCache(home);
        this.random = random;
        this.clock = clock;
        this.lock = lock;
        this.keyFile = keyFile;
        this.unlockedSlot = unlockedSlot;
    }

    /** What {@link #init} made: the repository ID and the recovery phrase, which is shown once. */
    public record InitResult(
            String repositoryId,
            RecoveryPhrase recoveryPhrase,
            String store,
            @Nullable String walletAddress) {}

    /** How the user unlocks the repository. */
    public sealed interface Credential permits Passphrase, Phrase {}

    /** Unlock with a passphrase. */
    public record Passphrase(char[] value) implements Credential {}

    /** Unlock with the 24-word recovery phrase. */
    public record Phrase(RecoveryPhrase value) implements Credential {}

    /**
     * Creates a repository: a master key, a passphrase slot and a recovery-phrase slot in a key blob,
     * the configuration in the home, and an empty index.
     */
    public static InitResult init(
            Path home,
            StoreSpec spec,
            char[] passphrase,
            Argon2Params kdf,
            long packSize,
            SecureRandom random,
            Clock clock,
            WalrusConnector connector,
            @Nullable WalrusSettings walrus,
            @Nullable Ed25519Keypair wallet)
            throws SyncException {
        if (spec.isWalrus() && walrus == null) {
            throw new SyncException("a repository on Walrus needs its Walrus settings");
        }
        if (RepositoryConfig.existsIn(home)) {
            throw new SyncException("a repository is already set up in " + home
                    + "; use another --home, or remove that folder to start over");
        }
        if (passphrase.length == 0) {
            throw new SyncException("the passphrase must not be empty");
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new SyncException("cannot create the app home " + home + ": " + e.getMessage(), e);
        }
        try (HomeLock lock = HomeLock.acquire(home, true);
                MasterKey master = MasterKey.generate(random)) {
            byte[] repositoryId = new byte[32];
            random.nextBytes(repositoryId);
            RecoveryPhrase phrase = RecoveryPhrase.generate(random);
            KeySlot passSlot = KeySlots.wrapWithPassphrase(master, passphrase, kdf, random, clock);
            KeySlot phraseSlot = KeySlots.wrapWithRecoveryPhrase(master, phrase, random, clock);
            KeyFile keyFile = KeyFile.of(repositoryId, List.of(passSlot, phraseSlot));
            String walletAddress = null;
            if (spec.isWalrus()) {
                walrus.save(home);
                Ed25519Keypair keypair = wallet != null ? wallet : Ed25519Keypair.generate(random);
                walletAddress = keypair.address().toString();
                try (RepositoryKeys keys = RepositoryKeys.derive(master, random)) {
                    WalletFile.seal(keypair, keys, clock).save(home);
                }
            }
            String store;
            BlobId keyBlob;
            try (BlobStore s = spec.create(home, packSize, connector)) {
                keyBlob = s.put(keyFile.toJson()).id();
                if (s instanceof WalrusBlobStore w) {
                    try {
                        w.fundFromFaucet();
                    } catch (SyncException e) {
                        LOG.warn("could not fund the new wallet from the faucet: {}", e.getMessage());
                    }
                }
                store = s.info().location();
            }
            Files.write(home.resolve(KEYS_CACHE), keyFile.toJson());
            RepositoryConfig config =
                    new RepositoryConfig(1, Hex.encode(repositoryId), spec.toString(), keyBlob.value(), packSize);
            try (IndexDatabase index = IndexDatabase.open(home.resolve(INDEX_FILE), clock)) {
                index.putMeta(META_REPOSITORY_ID, config.repositoryId());
            }
            config.save(home);
            return new InitResult(config.repositoryId(), phrase, store, walletAddress);
        } catch (IOException e) {
            throw new SyncException("cannot write to " + home + ": " + e.getMessage(), e);
        }
    }

    /** The local copy of the key blob, used when the store cannot be read. */
    static final String KEYS_CACHE = "keys.json";

    /**
     * Opens the repository in {@code home}. When the index is new or was deleted, it is rebuilt from the
     * store first.
     *
     * @param exclusive whether this process will change the repository
     */
    public static Repository open(
            Path home,
            Credential credential,
            SecureRandom random,
            Clock clock,
            boolean exclusive,
            WalrusConnector connector)
            throws SyncException {
        return open(home, credential, random, clock, exclusive, connector, RebuildListener.NONE);
    }

    /**
     * Opens the repository as {@link #open(Path, Credential, SecureRandom, Clock, boolean, WalrusConnector)} does;
     * {@code rebuild} hears the rebuild of a new index, whose report {@link #rebuiltAtOpen()} then gives.
     */
    static Repository open(
            Path home,
            Credential credential,
            SecureRandom random,
            Clock clock,
            boolean exclusive,
            WalrusConnector connector,
            RebuildListener rebuild)
            throws SyncException {
        RepositoryConfig config = RepositoryConfig.load(home);
        HomeLock lock = HomeLock.acquire(home, exclusive);
        Repository repo = null;
        BlobStore store = null;
        IndexDatabase index = null;
        RepositoryKeys keys = null;
        try {
            store = StoreSpec.parse(config.store()).open(home, config.packSize(), connector);
            KeyFile keyFile = loadKeyFile(home, store, config);
            if (!keyFile.repositoryIdHex().equals(config.repositoryId())) {
                throw new SyncException("the key blob " + config.keyBlob() + " belongs to another repository");
            }
            KeySlots.Unlocked unlocked = unlock(keyFile, credential);
            try (MasterKey master = unlocked.masterKey()) {
                keys = RepositoryKeys.derive(master, random);
            }
            if (store instanceof WalrusBlobStore walrusStore) {
                Optional<WalletFile> wallet = WalletFile.load(home);
                if (wallet.isPresent()) {
                    walrusStore.useSigner(wallet.get().open(keys));
                }
            }
            index = openIndexSettingDamageAside(home, clock);
            Optional<String> indexedRepo = index.meta(META_REPOSITORY_ID);
            if (indexedRepo.isPresent() && !indexedRepo.get().equals(config.repositoryId())) {
                throw new SyncException("the index in " + home + " belongs to another repository;" + " delete "
                        + home.resolve(INDEX_FILE) + " and run 'walrus-sync repair index'");
            }
            repo = new Repository(home, config, store, index, keys, random, clock, lock, keyFile, unlocked.slotId());
            if (exclusive) {
                repo.cleanStaging();
            }
            if (indexedRepo.isEmpty()) {
                if (!exclusive) {
                    // Rebuilding writes the index: trade the shared lock for an exclusive one.
                    lock.close();
                    lock = HomeLock.acquire(home, true);
                    repo.lock = lock;
                }
                LOG.info("the index is new: rebuilding it from the store");
                repo.rebuiltAtOpen = new IndexRebuilder(repo).rebuild(rebuild);
                index.putMeta(META_REPOSITORY_ID, config.repositoryId());
            }
            return repo;
        } catch (SyncException | RuntimeException e) {
            if (index != null) {
                index.close();
            }
            if (keys != null) {
                keys.destroy();
            }
            if (store != null) {
                store.close();
            }
            (repo != null ? repo.lock : lock).close();
            throw e;
        }
    }

    /**
     * Opens the index; a damaged index file is moved aside (it is only a cache) and a new, empty one
     * is created, which the caller then rebuilds from the store.
     */
    private static IndexDatabase openIndexSettingDamageAside(Path home, Clock clock) throws SyncException {
        Path file = home.resolve(INDEX_FILE);
        try {
            IndexDatabase index = IndexDatabase.open(file, clock);
            index.schemaVersion();
            index.meta(META_REPOSITORY_ID);
            return index;
        } catch (IndexException e) {
            if (!e.isDamaged()) {
                throw e;
            }
            String aside = INDEX_FILE + ".damaged-" + clock.millis();
            LOG.warn(
                    "the index {} is damaged ({}); moving it to {} and rebuilding it from the store",
                    file,
                    e.getMessage(),
                    aside);
            try {
                for (String suffix : List.of("", "-wal", "-shm")) {
                    Path f = home.resolve(INDEX_FILE + suffix);
                    if (Files.exists(f)) {
                        Files.move(f, home.resolve(aside + suffix));
                    }
                }
            } catch (IOException io) {
                throw new SyncException(
                        "the index " + file + " is damaged and cannot be moved aside: " + io.getMessage(), io);
            }
            return IndexDatabase.open(file, clock);
        }
    }

    /**
     * Warms AES-GCM up on a background thread, once per process, before bulk encryption or decryption
     * starts; see {@link Aead#warmUp(SecureRandom)}. Backups call it when they meet their first new
     * chunk, so an unchanged backup does not pay for it.
     */
    void warmUpCrypto() {
        if (CRYPTO_WARM.compareAndSet(false, true)) {
            Thread t = new Thread(() -> Aead.warmUp(random), "crypto-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean CRYPTO_WARM =
            new java.util.concurrent.atomic.AtomicBoolean();

    static KeySlots.Unlocked unlock(KeyFile keyFile, Credential credential) throws SyncException {
        try {
            return switch (credential) {
                case Passphrase p -> KeySlots.unlockWithPassphrase(keyFile, p.value());
                case Phrase p -> KeySlots.unlockWithRecoveryPhrase(keyFile, p.value());
            };
        } catch (AuthenticationFailedException e) {
            throw new WrongCredentialException(e.getMessage(), e);
        }
    }

    private static KeyFile loadKeyFile(Path home, BlobStore store, RepositoryConfig config) throws SyncException {
        byte[] json;
        try {
            json = store.get(new BlobId(config.keyBlob()));
        } catch (SyncException e) {
            Path cache = home.resolve(KEYS_CACHE);
            if (!Files.exists(cache)) {
                throw new SyncException("cannot read the key blob " + config.keyBlob() + ": " + e.getMessage(), e);
            }
            LOG.warn("the key blob cannot be read from the store ({}); using the local copy", e.getMessage());
            try {
                json = Files.readAllBytes(cache);
            } catch (IOException io) {
                throw new SyncException("cannot read " + cache + ": " + io.getMessage(), io);
            }
        }
        try {
            return KeyFile.parse(json);
        } catch (InvalidKeyFileException e) {
            throw new SyncException("the key blob " + config.keyBlob() + " is damaged: " + e.getMessage(), e);
        }
    }

    private void cleanStaging() throws SyncException {
        Path staging = home.resolve(STAGING_DIR);
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new SyncException("cannot clean " + staging + ": " + e.getMessage(), e);
        }
    }

    // ---- accessors for the operations in this package and the API ----

    public Path home() {
        return home;
    }

    public RepositoryConfig config() {
        return config;
    }

    public BlobStore store() {
        return store;
    }

    public IndexDatabase index() {
        return index;
    }

    ChunkCodec codec() {
        return codec;
    }

    FastCdcChunker chunker() {
        return chunker;
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
    }

    RepositoryKeys keys() {
        return keys;
    }

    public KeyFile keyFile() {
        return keyFile;
    }

    /** What rebuilding the index found, when opening found the index new and rebuilt it. */
    public Optional<RebuildReport> rebuiltAtOpen() {
        return Optional.ofNullable(rebuiltAtOpen);
    }

    /** The ID of the key slot that unlocked this session. */
    public String unlockedSlot() {
        return unlockedSlot;
    }

    Packer newPacker(boolean relocate) {
        return newPacker(relocate, false);
    }

    Packer newPacker(boolean relocate, boolean dryRun) {
        return new Packer(
                store,
                index,
                keys.aead(),
                random,
                home.resolve(STAGING_DIR),
                store.info().targetPackSize(),
                relocate,
                dryRun,
                uploadGate);
    }

    /** Holds back every later pack upload while {@code gate} is closed. */
    public void setUploadGate(UploadGate gate) {
        this.uploadGate = gate;
    }

    // ---- chunks and records ----

    /** Loads, decrypts and verifies one chunk. */
    public byte[] loadChunk(ChunkId id) throws SyncException {
        ChunkLocation loc = index.chunkLocation(id)
                .orElseThrow(() ->
                        new SyncException("chunk " + id.shortHex() + " is not in the index; run 'walrus-sync check'"));
        return loadChunk(loc);
    }

    /**
     * Loads a chunk into a scratch of {@link #codec()}: the plaintext is the first returned number of
     * bytes of {@code scratch.plain()}, valid until the scratch is used again.
     */
    int loadChunk(ChunkLocation loc, ChunkCodec.Scratch scratch) throws SyncException {
        PackEntry e = loc.entry();
        byte[] sealed = store.getRange(loc.blobId(), e.offset(), e.length());
        try {
            return codec.decode(e, sealed, scratch);
        } catch (AuthenticationFailedException ex) {
            throw new DamagedDataException("pack " + loc.blobId() + " is damaged: " + ex.getMessage(), ex);
        }
    }

    byte[] loadChunk(ChunkLocation loc) throws SyncException {
        PackEntry e = loc.entry();
        byte[] sealed = store.getRange(loc.blobId(), e.offset(), e.length());
        try {
            return codec.decode(e, sealed);
        } catch (AuthenticationFailedException ex) {
            throw new DamagedDataException("pack " + loc.blobId() + " is damaged: " + ex.getMessage(), ex);
        }
    }

    public Tree loadTree(ChunkId id) throws SyncException {
        return readRecord(loadMetadataChunk(id), Tree.class, "tree " + id.shortHex());
    }

    public SnapshotRecord loadSnapshot(ChunkId id) throws SyncException {
        return readRecord(loadMetadataChunk(id), SnapshotRecord.class, "snapshot " + id.shortHex());
    }

    /** Loads a tree, snapshot or tombstone chunk from the local metadata cache, else from its pack (and caches it). */
    byte[] loadMetadataChunk(ChunkId id) throws SyncException {
        Optional<EncodedChunk> cached = metadataCache.get(id);
        if (cached.isPresent()) {
            try {
                return codec.decode(
                        MetadataCache.entryOf(cached.get()), cached.get().sealed());
            } catch (AuthenticationFailedException e) {
                LOG.warn("cached metadata chunk {} is damaged; reading it from the store", id.shortHex());
                metadataCache.remove(id);
            }
        }
        ChunkLocation loc = index.chunkLocation(id)
                .orElseThrow(() ->
                        new SyncException("chunk " + id.shortHex() + " is not in the index; run 'walrus-sync check'"));
        PackEntry e = loc.entry();
        byte[] sealed = store.getRange(loc.blobId(), e.offset(), e.length());
        byte[] plain;
        try {
            plain = codec.decode(e, sealed);
        } catch (AuthenticationFailedException ex) {
            throw new DamagedDataException("pack " + loc.blobId() + " is damaged: " + ex.getMessage(), ex);
        }
        metadataCache.put(new EncodedChunk(e.type(), id, e.compression(), e.plainLength(), sealed));
        return plain;
    }

    /** The local copy of the metadata chunks. */
    MetadataCache metadataCache() {
        return metadataCache;
    }

    static <T> T readRecord(byte[] json, Class<T> type, String what) throws SyncException {
        try {
            return Json.read(json, type);
        } catch (IOException e) {
            throw new DamagedDataException(what + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * Stores a record (tree, snapshot, tombstone) as a chunk through the packer, unless a chunk with the
     * same ID is already stored or claimed. Returns its ID.
     */
    ChunkId storeRecord(ChunkType type, Object record, Packer packer, Set<ChunkId> claimed) throws SyncException {
        byte[] json = Json.write(record);
        ChunkId id = codec.idOf(json);
        if (!index.hasChunk(id) && claimed.add(id)) {
            EncodedChunk chunk = codec.encode(type, id, json);
            if (!packer.dryRun()) {
                metadataCache.put(chunk);
            }
            packer.add(chunk);
        }
        return id;
    }

    /**
     * Ends a run that wrote through {@code packer}: waits for the packs sealed so far, writes index records that
     * list them into the open pack, stores that pack, then marks every pack of the run that holds records
     * (snapshot, tombstone, index), so that a new machine finds them without reading every pack (storage format,
     * 8). A dry run only flushes.
     */
    void finishRun(Packer packer, Set<ChunkId> claimed) throws SyncException {
        if (packer.dryRun()) {
            packer.flush();
            return;
        }
        packer.awaitUploads();
        for (IndexRecord record : IndexRecord.covering(packer.written())) {
            storeRecord(ChunkType.INDEX, record, packer, claimed);
        }
        packer.flush();
        markRecordPacks(packer.written());
    }

    private void markRecordPacks(List<IndexRecord.Written> written) throws IndexException {
        Map<StoredBlob, String> marks = new LinkedHashMap<>();
        for (IndexRecord.Written w : written) {
            if (w.entries().stream().anyMatch(e -> e.type() != ChunkType.DATA && e.type() != ChunkType.TREE)) {
                marks.put(w.blob(), keys.markFor(w.blob().id().value()));
            }
        }
        if (marks.isEmpty()) {
            return;
        }
        try {
            if (store.mark(marks)) {
                for (StoredBlob b : marks.keySet()) {
                    index.logStoreOp("mark", b.id(), 0, true, "holds records");
                }
            }
        } catch (SyncException e) {
            // A mark is a hint: without it a rebuild reads these packs' headers, as for any unmarked pack.
            LOG.warn("could not mark {} pack(s) that hold records: {}", marks.size(), e.getMessage());
            for (StoredBlob b : marks.keySet()) {
                index.logStoreOp("mark", b.id(), 0, false, e.getMessage());
            }
        }
    }

    // ---- packs ----

    /** A pack header as read from the store. */
    record HeaderRead(List<PackEntry> entries, int headerLength) {}

    /** Reads and decrypts a pack's header, or returns empty when the blob is not one of our packs. */
    Optional<HeaderRead> readPackHeader(StoredBlob blob) throws SyncException {
        if (blob.size() < PackHeader.TRAILER_LENGTH + 28) {
            return Optional.empty();
        }
        byte[] trailer = store.getRange(blob.id(), blob.size() - PackHeader.TRAILER_LENGTH, PackHeader.TRAILER_LENGTH);
        int headerLength = PackHeader.lengthFromTrailer(trailer);
        if (headerLength < 28 || headerLength > blob.size() - PackHeader.TRAILER_LENGTH) {
            return Optional.empty();
        }
        byte[] header = store.getRange(blob.id(), blob.size() - PackHeader.TRAILER_LENGTH - headerLength, headerLength);
        try {
            return Optional.of(new HeaderRead(PackHeader.decrypt(header, keys.aead()), headerLength));
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Adopts every pack in the store that the index does not know (left by a crash, or written by a
     * run whose index was lost), so its chunks are reused. Returns how many packs were adopted.
     */
    public int adoptUnknownPacks() throws SyncException {
        Set<BlobId> known = index.packBlobIds();
        List<StoredBlob> unknown = new ArrayList<>();
        for (StoredBlob b : store.list()) {
            if (!known.contains(b.id()) && !b.id().value().equals(config.keyBlob())) {
                unknown.add(b);
            }
        }
        if (unknown.isEmpty()) {
            return 0;
        }
        return new IndexRebuilder(this).adopt(unknown, RebuildListener.NONE).packs();
    }

    // ---- keys ----

    /** Replaces the key blob: stores the new one, points the config at it, then deletes the old one. */
    public void replaceKeyFile(KeyFile updated) throws SyncException {
        BlobId old = new BlobId(config.keyBlob());
        byte[] json = updated.toJson();
        StoredBlob stored = store.put(json);
        RepositoryConfig newConfig = config.withKeyBlob(stored.id().value());
        try {
            Files.write(home.resolve(KEYS_CACHE), json);
        } catch (IOException e) {
            throw new SyncException("cannot write " + home.resolve(KEYS_CACHE) + ": " + e.getMessage(), e);
        }
        newConfig.save(home);
        config = newConfig;
        keyFile = updated;
        if (!old.equals(stored.id())) {
            store.delete(old);
        }
    }

    /** Unwraps the master key with a credential, for key management; the caller must destroy it. */
    public MasterKey unlockMasterKey(Credential credential) throws SyncException {
        return unlock(keyFile, credential).masterKey();
    }

    @Override
    public void close() {
        codec.close();
        index.close();
        keys.destroy();
        store.close();
        lock.close();
    }
}
