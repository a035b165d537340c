package dev.walrussync.engine.api;

import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.crypto.KeyFile;
import dev.walrussync.engine.crypto.KeySlot;
import dev.walrussync.engine.crypto.KeySlots;
import dev.walrussync.engine.crypto.MasterKey;
import dev.walrussync.engine.crypto.RecoveryPhrase;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.kit.RecoveryKit;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.CheckReport;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.CostEstimate;
import dev.walrussync.engine.model.EntryInfo;
import dev.walrussync.engine.model.EpochTiming;
import dev.walrussync.engine.model.ForgetPolicy;
import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.NodeStatus;
import dev.walrussync.engine.model.PruneReport;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.RenewalEntry;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RepositoryStats;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.StoreDetails;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.UploadGate;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.engine.repo.Backup;
import dev.walrussync.engine.repo.Check;
import dev.walrussync.engine.repo.Forget;
import dev.walrussync.engine.repo.IndexRebuilder;
import dev.walrussync.engine.repo.Json;
import dev.walrussync.engine.repo.Prune;
import dev.walrussync.engine.repo.Renewal;
import dev.walrussync.engine.repo.Repository;
import dev.walrussync.engine.repo.Restore;
import dev.walrussync.engine.repo.SnapshotResolver;
import dev.walrussync.engine.repo.Tree;
import dev.walrussync.engine.repo.TreeNode;
import dev.walrussync.engine.repo.WalletKey;
import dev.walrussync.engine.repo.WalrusOverview;
import dev.walrussync.engine.store.StoreInfo;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An unlocked repository: the one façade through which the app and the UI back up, restore, list,
 * check, forget, prune and manage keys. Close it to release the home lock and wipe the keys.
 *
 * <p>Not thread-safe: one operation at a time. Progress objects may be read from any thread.
 */
public final class RepositorySession implements AutoCloseable {
    private final Repository repo;
    private final Repository.Credential credential;
    private final Repositories engine;

    RepositorySession(Repository repo, Repository.Credential credential, Repositories engine) {
        this.repo = repo;
        this.credential = credential;
        this.engine = engine;
    }

    public BackupReport backup(BackupRequest request, BackupProgress progress) throws SyncException {
        return new Backup(repo, progress).run(request);
    }

    public RestoreReport restore(RestoreRequest request, RestoreProgress progress) throws SyncException {
        return new Restore(repo, progress).run(request);
    }

    /** Every snapshot, oldest first. */
    public List<SnapshotInfo> snapshots() throws SyncException {
        List<SnapshotInfo> result = new ArrayList<>();
        for (SnapshotRow s : repo.index().snapshots()) {
            result.add(info(s));
        }
        return result;
    }

    /** Finds a snapshot by ID prefix or {@code latest}. */
    public SnapshotInfo snapshot(String ref) throws SyncException {
        return info(SnapshotResolver.resolve(repo.index().snapshots(), ref));
    }

    private static SnapshotInfo info(SnapshotRow s) throws SyncException {
        return new SnapshotInfo(
                s.id(),
                s.time(),
                s.host(),
                s.username(),
                stringList(s.pathsJson()),
                stringList(s.tagsJson()),
                s.parent(),
                s.files(),
                s.bytes());
    }

    private static List<String> stringList(String json) throws SyncException {
        try {
            return Arrays.asList(Json.read(json.getBytes(StandardCharsets.UTF_8), String[].class));
        } catch (IOException e) {
            throw new SyncException("the index holds a damaged list: " + json, e);
        }
    }

    /**
     * Lists a snapshot's entries below {@code path} ("" for everything), recursively, in path order.
     */
    public List<EntryInfo> list(String snapshotRef, String path) throws SyncException {
        SnapshotRow s = SnapshotResolver.resolve(repo.index().snapshots(), snapshotRef);
        String start = SnapshotResolver.normalize(path);
        List<EntryInfo> out = new ArrayList<>();
        if (start.isEmpty()) {
            walk(repo.loadTree(s.tree()), "", out);
        } else {
            TreeNode node = SnapshotResolver.resolvePath(repo, s.tree(), start);
            out.add(entry(start, node));
            if (node.isDir() && node.tree() != null) {
                walk(repo.loadTree(ChunkId.fromHex(node.tree())), start, out);
            }
        }
        return out;
    }

    private void walk(Tree tree, String prefix, List<EntryInfo> out) throws SyncException {
        for (TreeNode n : tree.entries()) {
            String p = prefix.isEmpty() ? n.name() : prefix + "/" + n.name();
            out.add(entry(p, n));
            if (n.isDir() && n.tree() != null) {
                walk(repo.loadTree(ChunkId.fromHex(n.tree())), p, out);
            }
        }
    }

    private static EntryInfo entry(String path, TreeNode n) {
        return new EntryInfo(
                path,
                n.type(),
                n.size() == null ? 0 : n.size(),
                n.mode(),
                Times.parse(n.mtime()),
                Optional.ofNullable(n.target()));
    }

    public CheckReport check(boolean readData, BiConsumer<Integer, Integer> packProgress) throws SyncException {
        return new Check(repo).run(readData, packProgress);
    }

    /** The snapshots a policy would remove, oldest first, without removing them. */
    public List<SnapshotInfo> forgetPlan(ForgetPolicy policy, ZoneId zone) throws SyncException {
        List<SnapshotInfo> remove = new ArrayList<>();
        for (SnapshotRow s : Forget.plan(repo.index().snapshots(), policy, zone).remove()) {
            remove.add(info(s));
        }
        return remove;
    }

    /** Forgets snapshots; their data stays until {@link #prune}. */
    public void forget(List<ChunkId> snapshots) throws SyncException {
        new Forget(repo).forget(snapshots);
    }

    public PruneReport prune(BiConsumer<Integer, Integer> progress) throws SyncException {
        return new Prune(repo).run(progress);
    }

    public RepositoryStats stats() throws SyncException {
        IndexDatabase.Totals t = repo.index().totals();
        List<SnapshotRow> snapshots = repo.index().snapshots();
        long logical = 0;
        for (SnapshotRow s : snapshots) {
            logical += s.bytes();
        }
        SnapshotRow latest = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        return new RepositoryStats(
                repo.config().store(),
                snapshots.size(),
                latest == null ? 0 : latest.files(),
                latest == null ? 0 : latest.bytes(),
                logical,
                t.chunkPlainBytes(),
                t.packBytes(),
                t.packs(),
                t.chunks());
    }

    /** Rebuilds the index from the store alone. */
    public RebuildReport rebuildIndex(RebuildListener listener) throws SyncException {
        return new IndexRebuilder(repo).rebuild(listener);
    }

    // ---- uploads ----

    /** Whether every blob this repository stores costs WAL (a public Walrus network). */
    public boolean blobsCostWal() {
        return repo.store() instanceof WalrusBlobStore w && w.blobsCostWal();
    }

    /** The size the store wants packs to be, in bytes. */
    public long targetPackSize() {
        return repo.store().info().targetPackSize();
    }

    /** Holds back every later pack upload while {@code gate} is closed (the watch daemon's pause). */
    public void setUploadGate(UploadGate gate) {
        repo.setUploadGate(gate);
    }

    /** Limits uploads to Walrus to {@code bytesPerSecond} from now on; 0 removes the limit. No-op on other stores. */
    public void setUploadLimit(long bytesPerSecond) {
        if (repo.store() instanceof WalrusBlobStore w) {
            w.setUploadLimit(bytesPerSecond);
        }
    }

    /** The app home this repository is opened from. */
    public Path home() {
        return repo.home();
    }

    // ---- Walrus ----

    /** Where the repository is stored: the folder, or the Walrus network with its endpoints and wallet. No I/O. */
    public StoreDetails storeDetails() {
        if (repo.store() instanceof WalrusBlobStore w) {
            var n = w.network();
            return new StoreDetails(
                    "walrus",
                    n.name(),
                    n.name(),
                    n.publishers().stream().map(Object::toString).toList(),
                    n.aggregators().stream().map(Object::toString).toList(),
                    n.graphql().toString(),
                    w.owner().toString(),
                    w.epochs());
        }
        StoreInfo info = repo.store().info();
        return new StoreDetails(info.kind(), info.location(), null, List.of(), List.of(), null, null, 0);
    }

    /** Whether the repository is stored on Walrus (else the Walrus calls below fail with a clear message). */
    public boolean onWalrus() {
        return repo.store() instanceof WalrusBlobStore;
    }

    /** The wallet's address and balances. */
    public WalletInfo wallet() throws SyncException {
        return new WalrusOverview(repo).wallet();
    }

    /** Balances, what is stored, the earliest expiry, the cost per epoch, the runway and the alerts. */
    public WalrusStatus walrusStatus() throws SyncException {
        return new WalrusOverview(repo).status(renewalPolicy());
    }

    /**
     * Runs a renewal pass: extends what kept snapshots need before it expires, stores again what expired,
     * and reports the money forecast and alerts.
     *
     * @param dryRun plan only, paying nothing
     * @param progress hears (blobs extended, blobs to extend)
     */
    public RenewalReport renew(boolean dryRun, BiConsumer<Integer, Integer> progress) throws SyncException {
        return new Renewal(repo, renewalPolicy()).run(dryRun, progress);
    }

    /**
     * Runs a renewal pass unless one ran within the policy's interval: what the tray app and the {@code watch}
     * daemon do at start and then periodically, and what {@code backup} does after storing, so that a user who
     * only runs backups from a scheduler still has their data renewed. Empty when no pass was due, or when
     * the repository is not on Walrus.
     */
    public Optional<RenewalReport> renewIfDue(BiConsumer<Integer, Integer> progress) throws SyncException {
        if (!onWalrus()) {
            return Optional.empty();
        }
        Optional<Instant> last = Renewal.lastPass(repo);
        if (last.isPresent()
                && last.get()
                        .plus(renewalPolicy().interval())
                        .isAfter(engine.clock().instant())) {
            return Optional.empty();
        }
        return Optional.of(renew(false, progress));
    }

    /** The renewal policy from {@code walrus.json}, defaults filled in where it says nothing. */
    public RenewalPolicy renewalPolicy() throws SyncException {
        return walrusSettings().renewalPolicy();
    }

    /** Saves a new renewal policy in {@code walrus.json}. */
    public void setRenewalPolicy(RenewalPolicy policy) throws SyncException {
        walrusSettings().withRenewal(policy).save(repo.home());
    }

    /** Every renewal and failed attempt, oldest first. */
    public List<RenewalEntry> renewalLog() throws SyncException {
        List<RenewalEntry> out = new ArrayList<>();
        for (IndexDatabase.RenewalRow r : repo.index().renewals()) {
            out.add(new RenewalEntry(
                    Times.parse(r.time()),
                    r.blobId().value(),
                    r.objectId(),
                    r.epochsAdded(),
                    r.oldEndEpoch(),
                    r.newEndEpoch(),
                    r.cost(),
                    r.digest(),
                    r.ok(),
                    r.detail()));
        }
        return out;
    }

    private WalrusSettings walrusSettings() throws SyncException {
        return WalrusSettings.load(repo.home())
                .orElseThrow(() -> new SyncException(
                        "the repository is on " + repo.config().store() + ", not on Walrus: it has no renewal policy"));
    }

    /** Every blob with its IDs, size, end epoch and the files that depend on it. */
    public List<BlobInfo> blobs() throws SyncException {
        return new WalrusOverview(repo).blobs();
    }

    /** The network's current epoch, epoch length and how far ahead storage may be paid: one chain read. */
    public EpochTiming epochTiming() throws SyncException {
        var sys = new WalrusOverview(repo).system();
        return new EpochTiming(sys.epoch(), sys.epochDuration(), sys.maxEpochsAhead());
    }

    /** Every committee node's health and latency. */
    public List<NodeStatus> nodeHealth() throws SyncException {
        return new WalrusOverview(repo).health();
    }

    /** Asks the network's faucet for SUI and WAL for the wallet (local and test networks only). */
    public void requestFaucet() throws SyncException {
        if (!(repo.store() instanceof WalrusBlobStore w) || !w.fundFromFaucet()) {
            throw new SyncException("the repository's network has no faucet; send WAL and SUI to the wallet instead");
        }
    }

    /** What storing blobs of these sizes would cost at today's prices. */
    public CostEstimate costOf(List<Long> blobSizes) throws SyncException {
        return new WalrusOverview(repo).costOf(blobSizes);
    }

    /**
     * Replaces the wallet with an imported {@code suiprivkey1…} key, or with a new key when {@code
     * suiPrivateKey} is null; the repository's blob objects move to it. Returns the new address.
     */
    public String replaceWallet(@Nullable String suiPrivateKey) throws SyncException {
        Ed25519Keypair keypair = suiPrivateKey == null
                ? Ed25519Keypair.generate(engine.random())
                : Repositories.parseWalletKey(suiPrivateKey);
        return new WalrusOverview(repo).replaceWallet(keypair);
    }

    // ---- keys ----

    /** The message when no recovery-phrase slot holds a sealed phrase. */
    static final String NO_SEALED_PHRASE = "this repository was created before the phrase could be shown again;"
            + " make a new one with 'walrus-sync key phrase --new'";

    /**
     * What unwraps the master key for key management: the credential that unlocked the session, or what replaced
     * it in this session (a changed passphrase, a new phrase); null once its slot was removed.
     */
    private Repository.@Nullable Credential keyCredential;

    /** The slot {@link #keyCredential} opens; null before the first change (then the slot that unlocked). */
    private @Nullable String replacedSlot;

    private Repository.Credential keyCredential() throws SyncException {
        if (replacedSlot == null) {
            return credential;
        }
        if (keyCredential == null) {
            throw new SyncException("the key slot that unlocked this session was removed; unlock again with another"
                    + " passphrase or the recovery phrase to change keys");
        }
        return keyCredential;
    }

    private String currentSlot() {
        return replacedSlot != null ? replacedSlot : repo.unlockedSlot();
    }

    /** Key management goes on with {@code next}, which opens {@code slot}; null when the session's slot is gone. */
    private void replaceKeyCredential(Repository.@Nullable Credential next, String slot) {
        if (keyCredential instanceof Repository.Phrase p) {
            p.value().destroy();
        } else if (keyCredential instanceof Repository.Passphrase p) {
            java.util.Arrays.fill(p.value(), '\0');
        }
        keyCredential = next;
        replacedSlot = slot;
    }

    public List<KeySlotInfo> keySlots() {
        List<KeySlotInfo> result = new ArrayList<>();
        for (KeySlot s : repo.keyFile().slots()) {
            result.add(new KeySlotInfo(s.id(), s.kind().jsonName(), s.created(), s.id().equals(currentSlot())));
        }
        return result;
    }

    /** Adds a passphrase key slot and returns its ID. */
    public String addPassphrase(char[] passphrase) throws SyncException {
        KeySlot slot;
        try (MasterKey master = repo.unlockMasterKey(keyCredential())) {
            slot = KeySlots.wrapWithPassphrase(master, passphrase, engine.kdf(), engine.random(), engine.clock());
        } catch (IllegalArgumentException e) {
            throw new SyncException(e.getMessage(), e);
        }
        repo.replaceKeyFile(repo.keyFile().withSlot(slot));
        return slot.id();
    }

    /** Removes a key slot; the last slot cannot be removed. */
    public void removeKeySlot(String id) throws SyncException {
        KeyFile updated;
        try {
            updated = repo.keyFile().withoutSlot(id);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new SyncException(e.getMessage(), e);
        }
        repo.replaceKeyFile(updated);
        if (id.equals(currentSlot())) {
            replaceKeyCredential(null, id);
        }
    }

    /** Replaces the passphrase slot that unlocked this session with a new passphrase; returns the new slot ID. */
    public String changePassphrase(char[] newPassphrase) throws SyncException {
        Repository.Credential current = keyCredential();
        String old = currentSlot();
        if (repo.keyFile()
                .slot(old)
                .map(s -> s.kind() != KeySlot.Kind.PASSPHRASE)
                .orElse(true)) {
            throw new SyncException("this session was unlocked with the recovery phrase; use 'key add' instead");
        }
        KeySlot slot;
        try (MasterKey master = repo.unlockMasterKey(current)) {
            slot = KeySlots.wrapWithPassphrase(master, newPassphrase, engine.kdf(), engine.random(), engine.clock());
        } catch (IllegalArgumentException e) {
            throw new SyncException(e.getMessage(), e);
        }
        repo.replaceKeyFile(repo.keyFile().withSlot(slot).withoutSlot(old));
        replaceKeyCredential(new Repository.Passphrase(newPassphrase.clone()), slot.id());
        return slot.id();
    }

    /**
     * The 24 words of the recovery phrase, shown again: opened from the first recovery-phrase slot that holds
     * it sealed under the master key. Works whichever credential unlocked the session.
     *
     * @throws SyncException when no slot holds a sealed phrase (the repository was made before they existed,
     *     or its recovery-phrase slots were removed); the message says to make a new phrase
     */
    public List<String> recoveryPhrase() throws SyncException {
        List<KeySlot> sealed = repo.keyFile().slots(KeySlot.Kind.RECOVERY_PHRASE).stream()
                .filter(s -> s.sealedPhrase().isPresent())
                .toList();
        if (sealed.isEmpty()) {
            throw new SyncException(NO_SEALED_PHRASE);
        }
        try (MasterKey master = repo.unlockMasterKey(keyCredential());
                RecoveryPhrase phrase = KeySlots.openSealedPhrase(master, sealed.get(0))) {
            return phrase.words();
        } catch (AuthenticationFailedException e) {
            throw new SyncException("the key blob is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a new recovery phrase: adds a recovery-phrase slot for it (with the phrase sealed, so it can be
     * shown again), removes every other recovery-phrase slot, so the old words no longer open the repository,
     * and writes the new key blob. Returns the new 24 words.
     */
    public List<String> newRecoveryPhrase() throws SyncException {
        RecoveryPhrase phrase = RecoveryPhrase.generate(engine.random());
        try {
            KeySlot slot;
            try (MasterKey master = repo.unlockMasterKey(keyCredential())) {
                slot = KeySlots.wrapWithRecoveryPhrase(master, phrase, engine.random(), engine.clock());
            }
            KeyFile updated = repo.keyFile().withSlot(slot);
            for (KeySlot old : repo.keyFile().slots(KeySlot.Kind.RECOVERY_PHRASE)) {
                updated = updated.withoutSlot(old.id());
            }
            boolean unlockedWithAPhrase = keyCredential() instanceof Repository.Phrase;
            repo.replaceKeyFile(updated);
            List<String> words = phrase.words();
            if (unlockedWithAPhrase) {
                // The old phrase no longer unwraps anything: key management in this session goes on with the new one.
                replaceKeyCredential(new Repository.Phrase(phrase), slot.id());
                phrase = null;
            }
            return words;
        } finally {
            if (phrase != null) {
                phrase.destroy();
            }
        }
    }

    /**
     * The wallet's private key as {@code suiprivkey1…} text (Bech32, as Sui's tools import it): for the recovery
     * kit, and for a user who moves the wallet to another Sui tool.
     *
     * @throws SyncException when the repository is not on Walrus, which means it has no wallet
     */
    public String walletPrivateKey() throws SyncException {
        return WalletKey.open(repo).toSuiPrivateKey();
    }

    /**
     * The printable recovery kit: a self-contained HTML page with the repository ID, the 24 words, the network
     * (with its endpoints when it is a custom one), the wallet's address and, unless left out, its key, and how
     * to recover on a new machine.
     *
     * @param includeWalletKey whether the wallet key is on the sheet; without it the sheet says where to find it
     * @throws SyncException when the recovery phrase cannot be shown again ({@link #recoveryPhrase()})
     */
    public String recoveryKit(boolean includeWalletKey) throws SyncException {
        List<String> words = recoveryPhrase();
        StoreDetails store = storeDetails();
        RecoveryKit.NetworkIds ids = null;
        if (repo.store() instanceof WalrusBlobStore w) {
            var n = w.network();
            ids = new RecoveryKit.NetworkIds(
                    n.walrusOriginalPackage().toString(), n.systemObject().toString(), n.walCoinType());
        }
        String walletKey = includeWalletKey && onWalrus() ? walletPrivateKey() : null;
        RecoveryKit kit =
                new RecoveryKit(repo.config().repositoryId(), engine.clock().instant(), words, store, ids, walletKey);
        return kit.html();
    }

    @Override
    public void close() {
        repo.close();
    }
}
