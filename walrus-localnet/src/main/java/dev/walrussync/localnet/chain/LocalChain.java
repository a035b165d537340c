package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.sui.Blake2b256;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.InvalidSignatureException;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import dev.walrussync.walrus.sui.TypeTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Sui with Walrus deployed on it: an object store with Lamport versions and digests,
 * signed-transaction execution with Sui's checks, the Walrus Move functions a backup client calls, epochs on a
 * clock, in-process calls for the local publisher and storage nodes, and a crash-safe log so the state survives
 * restarts. Thread-safe: writers are serialized, readers see committed state only.
 */
public final class LocalChain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalChain.class);
    private static final String LOG_FILE = "chain.log";

    private final ChainConfig config;
    private final ChainTypes types;
    private final Clock clock;
    private final ChainState state = new ChainState();
    private final ChainLog log;
    private final ChainCodec codec;
    private final WalrusLogic walrus;
    private final ProgrammableExecutor executor;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<EpochListener> epochListeners = new CopyOnWriteArrayList<>();
    private final List<TransactionListener> transactionListeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock notifyLock = new ReentrantLock();
    private volatile ScheduledFuture<?> epochClock;
    private volatile ScheduledExecutorService ownScheduler;
    private Digest genesisDigest;

    private LocalChain(ChainConfig config, Clock clock, ChainLog log) {
        this.config = config;
        this.types = config.types();
        this.clock = clock;
        this.log = log;
        this.codec = new ChainCodec(types);
        this.walrus = new WalrusLogic(config, types);
        this.executor = new ProgrammableExecutor(state, config, walrus);
    }

    /**
     * Opens the chain kept in {@code dataDir}, creating it from {@code config}'s genesis if the folder holds none.
     * A reopened chain keeps its state; {@code config} must name the same packages and system object.
     *
     * @throws IOException if the log cannot be read or written, or another chain has the folder open
     */
    public static LocalChain open(ChainConfig config, Path dataDir, Clock clock) throws IOException {
        ChainLog log = ChainLog.open(dataDir.resolve(LOG_FILE));
        try {
            LocalChain chain = new LocalChain(config, clock, log);
            List<byte[]> records = log.readAll();
            if (records.isEmpty()) {
                log.append(chain.header());
                chain.commit(chain.genesis());
            } else {
                chain.checkHeader(records.getFirst());
                for (byte[] record : records.subList(1, records.size())) {
                    chain.state.apply(chain.codec.decode(record));
                }
                if (chain.state.checkpoints.isEmpty()) {
                    chain.commit(chain.genesis());
                }
                chain.genesisDigest = chain.state.checkpoints.getFirst().digest();
                LOG.info(
                        "local chain reopened from {}: {} transaction(s), epoch {}",
                        dataDir,
                        chain.state.checkpoints.size(),
                        chain.state.currentEpoch().epochId());
            }
            return chain;
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** A chain kept in memory only, for tests. */
    public static LocalChain inMemory(ChainConfig config, Clock clock) {
        LocalChain chain = new LocalChain(config, clock, null);
        chain.commit(chain.genesis());
        return chain;
    }

    private static final String LOG_FORMAT = "walrus-localnet-chain/1";

    /** The log's first record: the format and the deployment the chain was made for. */
    private byte[] header() {
        ObjectNode header = Json.object();
        header.put("format", LOG_FORMAT);
        header.put("walrusPackage", config.walrusPackageId().toString());
        header.put("walrusOriginalPackage", config.walrusOriginalPackageId().toString());
        header.put("walCoinType", config.walCoinType().toString());
        header.put("systemObject", config.systemObjectId().toString());
        try {
            return Json.MAPPER.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkHeader(byte[] record) throws IOException {
        JsonNode found = Json.MAPPER.readTree(record);
        JsonNode expected = Json.MAPPER.readTree(header());
        if (!LOG_FORMAT.equals(found.path("format").asText())) {
            throw new IOException("not a local chain log (format " + found.path("format") + ")");
        }
        if (!found.equals(expected)) {
            throw new IllegalStateException("the chain in this folder was made for another deployment: " + found
                    + "; this configuration is " + expected);
        }
    }

    // ---------------------------------------------------------------------------------------------- genesis

    private Commit genesis() {
        long now = clock.millis();
        BcsWriter seed = new BcsWriter().string(config.chainName());
        config.walrusPackageId().writeTo(seed);
        config.systemObjectId().writeTo(seed);
        seed.u64(now);
        genesisDigest = Digest.fromBytes(
                Blake2b256.hash("LocalnetGenesis::".getBytes(StandardCharsets.US_ASCII), seed.toByteArray()));
        List<ChainObject> objects = new ArrayList<>();
        Set<SuiAddress> packages = new LinkedHashSet<>(List.of(
                SuiAddress.MOVE_STDLIB,
                SuiAddress.SUI_FRAMEWORK,
                config.walPackageId(),
                config.walrusOriginalPackageId(),
                config.walrusPackageId()));
        for (SuiAddress pkg : packages) {
            objects.add(ChainObject.create(1, new Owner.Immutable(), null, new PackageData(pkg), genesisDigest, 0));
        }
        long isv = config.systemInitialSharedVersion();
        SystemData system =
                new SystemData(config.systemObjectId(), config.systemVersion(), config.walrusPackageId(), null);
        objects.add(withRebate(isv, new Owner.Shared(isv), types.system(), system, null));
        SuiAddress fieldId = ObjectIds.dynamicField(
                config.systemObjectId(),
                ChainTypes.U64,
                new BcsWriter().u64(config.systemVersion()).toByteArray());
        SystemStateInner inner = new SystemStateInner(
                config.initialEpoch(),
                config.nShards(),
                config.totalCapacitySize(),
                0,
                config.storagePricePerUnitSize(),
                config.writePricePerUnitSize(),
                config.maxEpochsAhead(),
                config.epochDuration().toMillis(),
                now,
                config.nodes());
        objects.add(withRebate(
                isv,
                new Owner.ObjectOwner(config.systemObjectId()),
                types.systemStateFieldType(),
                new SystemStateField(fieldId, config.systemVersion(), inner),
                null));
        for (GenesisObject seeded : config.genesisObjects()) {
            objects.add(withRebate(seeded.version(), seeded.owner(), seeded.type(), seeded.data(), seeded.digest()));
        }
        List<ObjectChange> changes = new ArrayList<>();
        objects.stream()
                .sorted(Comparator.comparing(ChainObject::id))
                .forEach(o -> changes.add(new ObjectChange(o.id(), -1, null, o.version(), o.digest(), true, false)));
        TransactionEffects effects = new TransactionEffects(
                genesisDigest, null, 1, config.initialEpoch(), GasSummary.ZERO, null, changes, List.of());
        TransactionRecord record = new TransactionRecord(
                genesisDigest, TransactionRecord.Kind.GENESIS, SuiAddress.ZERO, null, List.of(), effects, 0, now);
        EpochInfo epoch =
                new EpochInfo(config.initialEpoch(), now, config.referenceGasPrice(), config.protocolVersion());
        return new Commit(record, objects, List.of(), config.genesisBalances(), epoch);
    }

    private ChainObject withRebate(long version, Owner owner, StructTag type, ObjectData data, Digest digest) {
        ChainObject draft = ChainObject.create(version, owner, type, data, genesisDigest, 0);
        long rebate = draft.storageSize() * Execution.STORAGE_MIST_PER_BYTE;
        ChainObject object = ChainObject.create(version, owner, type, data, genesisDigest, rebate);
        if (digest == null) {
            return object;
        }
        return new ChainObject(object.id(), version, digest, owner, type, data, genesisDigest, rebate);
    }

    // ----------------------------------------------------------------------------------------- commit path

    /** Makes a commit durable, then applies it; a failed write leaves the state as it was. */
    private void commit(Commit commit) {
        if (log != null) {
            try {
                log.append(codec.encode(commit));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the chain log", e);
            }
        }
        state.apply(commit);
    }

    /** Tells the transaction listeners; called holding {@code notifyLock} but not the state lock. */
    private void notifyCommitted(TransactionRecord record) {
        for (TransactionListener listener : transactionListeners) {
            try {
                listener.committed(record);
            } catch (RuntimeException e) {
                LOG.warn("transaction listener failed", e);
            }
        }
    }

    private Digest localDigest(TransactionRecord.Kind kind) {
        BcsWriter writer = new BcsWriter().string(kind.name()).u64(state.nextCheckpoint());
        genesisDigest.writeTo(writer);
        return Digest.fromBytes(
                Blake2b256.hash("LocalnetTransaction::".getBytes(StandardCharsets.US_ASCII), writer.toByteArray()));
    }

    // ------------------------------------------------------------------------------------ transactions

    /**
     * Executes a signed transaction: decodes it strictly, verifies the signatures (sender, and the gas owner if
     * different) over the intent message, checks inputs and gas as Sui does, runs the commands and commits the
     * effects. A Move abort or other execution error commits a {@code FAILURE} that charges gas and changes nothing
     * else. Re-submitting a transaction already executed returns its effects again without re-running it, as Sui
     * does.
     *
     * @param transactionBcs the {@code TransactionData} BCS
     * @param signatures serialized signatures, Base64 of {@code flag ‖ signature ‖ public key}
     * @throws TransactionRejectedException when Sui would refuse it before execution; nothing changes
     */
    public ExecutedTransaction execute(byte[] transactionBcs, List<String> signatures)
            throws TransactionRejectedException {
        TransactionData tx = decode(transactionBcs);
        verifySignatures(tx, transactionBcs, signatures);
        Digest digest = TransactionData.digestOf(transactionBcs);
        notifyLock.lock();
        try {
            TransactionRecord committed;
            ExecutedTransaction result;
            lock.writeLock().lock();
            try {
                TransactionRecord existing = state.transactions.get(digest);
                if (existing != null) {
                    return new ExecutedTransaction(existing, List.of(), false, List.of());
                }
                ProgrammableExecutor.Checked checked = executor.check(tx, false, false);
                ProgrammableExecutor.Outcome outcome = executor.run(
                        checked, digest, transactionBcs, signatures, state.nextCheckpoint(), clock.millis());
                commit(outcome.commit());
                committed = outcome.commit().transaction();
                result = new ExecutedTransaction(committed, outcome.outputs(), false, List.of());
            } finally {
                lock.writeLock().unlock();
            }
            notifyCommitted(committed);
            return result;
        } finally {
            notifyLock.unlock();
        }
    }

    /**
     * Dry-runs a transaction: the same checks and execution as {@link #execute}, no signatures needed, nothing
     * committed. With no gas payment, {@code doGasSelection} picks the gas owner's SUI coins; otherwise a mock gas
     * coin worth the budget pays.
     *
     * @throws TransactionRejectedException when Sui would refuse it
     */
    public ExecutedTransaction simulate(byte[] transactionBcs, boolean doGasSelection)
            throws TransactionRejectedException {
        TransactionData tx = decode(transactionBcs);
        Digest digest = TransactionData.digestOf(transactionBcs);
        lock.readLock().lock();
        try {
            ProgrammableExecutor.Checked checked = executor.check(tx, true, doGasSelection);
            ProgrammableExecutor.Outcome outcome =
                    executor.run(checked, digest, transactionBcs, List.of(), state.nextCheckpoint(), clock.millis());
            return new ExecutedTransaction(
                    outcome.commit().transaction(),
                    outcome.outputs(),
                    true,
                    outcome.commit().written());
        } finally {
            lock.readLock().unlock();
        }
    }

    private static TransactionData decode(byte[] transactionBcs) throws TransactionRejectedException {
        if (transactionBcs.length > ProgrammableExecutor.MAX_TX_SIZE) {
            throw new TransactionRejectedException(
                    SuiErrors.sizeLimitExceeded("serialized transaction size", "" + ProgrammableExecutor.MAX_TX_SIZE));
        }
        try {
            return TransactionData.fromBcs(transactionBcs);
        } catch (IllegalArgumentException e) {
            throw new TransactionRejectedException("Invalid BCS encoding in transaction data: " + e.getMessage());
        }
    }

    private static void verifySignatures(TransactionData tx, byte[] transactionBcs, List<String> signatures)
            throws TransactionRejectedException {
        Set<SuiAddress> required =
                new LinkedHashSet<>(List.of(tx.sender(), tx.gasData().owner()));
        if (signatures.size() != required.size()) {
            throw new TransactionRejectedException(SuiErrors.signatureCount(required.size(), signatures.size()));
        }
        Set<SuiAddress> signers = new LinkedHashSet<>();
        for (String signature : signatures) {
            try {
                signers.add(Ed25519Keypair.verify(signature, transactionBcs));
            } catch (InvalidSignatureException e) {
                throw new TransactionRejectedException(SuiErrors.invalidSignature(e.getMessage()));
            }
        }
        for (SuiAddress signer : required) {
            if (!signers.contains(signer)) {
                throw new TransactionRejectedException(SuiErrors.signerAbsent(signer));
            }
        }
    }

    // ---------------------------------------------------------------------------------- in-process calls

    /** Runs a local transaction with no gas; an abort throws and commits nothing. */
    private <T> T localCall(TransactionRecord.Kind kind, SuiAddress sender, Function<Execution, T> body)
            throws ChainCallException {
        return localCall(kind, sender, current -> null, body);
    }

    /**
     * Runs a local transaction with no gas, starting the epoch {@code newEpoch} returns (if not null); an abort
     * throws and commits nothing. Listeners hear of it after the state lock is released.
     */
    private <T> T localCall(
            TransactionRecord.Kind kind,
            SuiAddress sender,
            Function<EpochInfo, EpochInfo> newEpoch,
            Function<Execution, T> body)
            throws ChainCallException {
        notifyLock.lock();
        try {
            T result;
            TransactionRecord committed;
            EpochInfo previous;
            EpochInfo started;
            lock.writeLock().lock();
            try {
                previous = state.currentEpoch();
                started = newEpoch.apply(previous);
                Execution ex = new Execution(state, localDigest(kind), sender);
                try {
                    result = body.apply(ex);
                } catch (ExecutionAbort abort) {
                    throw new ChainCallException(abort.failure());
                }
                Commit commit = ex.finish(
                        ex.lamportVersion(0),
                        kind,
                        null,
                        List.of(),
                        null,
                        previous.epochId(),
                        GasSummary.ZERO,
                        null,
                        state.nextCheckpoint(),
                        clock.millis(),
                        started);
                commit(commit);
                committed = commit.transaction();
            } finally {
                lock.writeLock().unlock();
            }
            notifyCommitted(committed);
            if (started != null) {
                LOG.info("local chain: epoch {} -> {}", previous.epochId(), started.epochId());
                for (EpochListener listener : epochListeners) {
                    try {
                        listener.epochChanged(previous.epochId(), started.epochId());
                    } catch (RuntimeException e) {
                        LOG.warn("epoch listener failed", e);
                    }
                }
            }
            return result;
        } finally {
            notifyLock.unlock();
        }
    }

    /**
     * Registers a blob for the publisher, as one transaction calling {@code reserve_space} and {@code
     * register_blob}: pays {@code storage price × units × epochsAhead + write price × units} WAL from the payer's
     * WAL coins (merged into the largest first), creates a {@code Blob} owned by the payer and emits {@code
     * BlobRegistered}. Checks as Walrus does: {@code 0 < epochsAhead <= max epochs ahead}, the encoded size of
     * {@code size} fits {@code encodedLength}, and the blob ID derives from the root hash and size.
     *
     * @param payer the address that pays and owns the blob
     * @param blobId the blob ID
     * @param rootHash the 32-byte Merkle root the blob ID derives from
     * @param size the unencoded size
     * @param encodedLength the storage to reserve, at least the encoded size (units = ceil(encodedLength / 1 MiB))
     * @param epochsAhead epochs to store, from the current one
     * @param deletable whether the blob may be deleted early
     * @throws ChainCallException if the payer has too little WAL or a Walrus check aborts
     */
    public RegisteredBlob registerBlob(
            SuiAddress payer,
            BlobId blobId,
            byte[] rootHash,
            long size,
            long encodedLength,
            int epochsAhead,
            boolean deletable)
            throws ChainCallException {
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(blobId, "blobId");
        byte[] root = rootHash.clone();
        long[] cost = new long[1];
        SuiAddress id = localCall(TransactionRecord.Kind.LOCAL_CALL, payer, ex -> {
            Execution.Working system = ex.loadForWrite(config.systemObjectId());
            SystemStateInner inner = WalrusLogic.inner(walrus.systemInner(ex, system));
            long encodedSize;
            try {
                encodedSize = EncodingConfig.forShards(inner.nShards()).encodedLength(size);
            } catch (RuntimeException e) {
                encodedSize = encodedLength;
            }
            long due = registrationCost(inner, encodedLength, encodedSize, epochsAhead);
            Execution.Working payment = gatherWal(ex, payer, due);
            long before = ((CoinData) payment.data).balance();
            Execution.Working blob =
                    walrus.registerBlob(ex, system, payment, blobId, root, size, encodedLength, epochsAhead, deletable);
            cost[0] = before - ((CoinData) payment.data).balance();
            return blob.id;
        });
        ChainObject object = object(id).orElseThrow();
        EventId event = blobEvents(id).registered();
        return new RegisteredBlob(object, object.previousTransaction(), event, cost[0]);
    }

    private static long registrationCost(SystemStateInner inner, long encodedLength, long encodedSize, int epochs) {
        if (epochs <= 0) {
            return 0;
        }
        try {
            long storage = Math.multiplyExact(
                    Math.multiplyExact(inner.storagePricePerUnitSize(), WalrusLogic.storageUnits(encodedLength)),
                    epochs);
            long write = Math.multiplyExact(inner.writePricePerUnitSize(), WalrusLogic.storageUnits(encodedSize));
            return Math.addExact(storage, write);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Merges enough of {@code owner}'s WAL coins into one, largest first; aborts like {@code balance::split}. */
    private Execution.Working gatherWal(Execution ex, SuiAddress owner, long due) {
        StructTag walCoin = ChainTypes.coin(types.wal());
        List<ChainObject> coins = state.live.values().stream()
                .filter(o -> owner.equals(o.owner().addressOwner()) && walCoin.equals(o.type()))
                .sorted(Comparator.comparingLong((ChainObject o) -> ((CoinData) o.data()).balance())
                        .reversed()
                        .thenComparing(ChainObject::id))
                .toList();
        if (coins.isEmpty()) {
            throw ExecutionAbort.of(
                    "InsufficientCoinBalance", "could not find WAL coins with sufficient balance (owner has none)");
        }
        Execution.Working primary = ex.loadForWrite(coins.getFirst().id());
        long total = ((CoinData) primary.data).balance();
        for (ChainObject coin : coins.subList(1, coins.size())) {
            if (Long.compareUnsigned(total, due) >= 0) {
                break;
            }
            Execution.Working w = ex.loadForWrite(coin.id());
            total += ((CoinData) w.data).balance();
            ex.delete(w);
        }
        primary.data = ((CoinData) primary.data).withBalance(total);
        return primary;
    }

    /**
     * Certifies a registered blob in the current epoch ({@code certify_blob} without the BLS certificate, which the
     * publisher has checked itself), as its owner, and emits {@code BlobCertified}.
     *
     * @param blobObjectId the {@code Blob} object
     * @param epoch the epoch of the storage confirmations; must be the current epoch
     * @return the certified blob object
     * @throws ChainCallException if there is no such blob, it is already certified or expired, or the epoch is wrong
     */
    public ChainObject certifyBlob(SuiAddress blobObjectId, long epoch) throws ChainCallException {
        SuiAddress owner = ownerOf(blobObjectId, types.blob());
        localCall(TransactionRecord.Kind.LOCAL_CALL, owner, ex -> {
            Execution.Working system = ex.load(config.systemObjectId());
            Execution.Working blob = ex.loadForWrite(blobObjectId);
            walrus.certifyBlob(ex, system, blob, epoch);
            return null;
        });
        return object(blobObjectId).orElseThrow();
    }

    /**
     * Sets one attribute of a blob ({@code blob::insert_or_update_metadata_pair}), as its owner, creating the
     * blob's {@code metadata} dynamic field if it has none.
     *
     * @throws ChainCallException if there is no such blob or it is not owned by an address
     */
    public ChainObject insertOrUpdateBlobAttribute(SuiAddress blobObjectId, String key, String value)
            throws ChainCallException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        SuiAddress owner = ownerOf(blobObjectId, types.blob());
        localCall(TransactionRecord.Kind.LOCAL_CALL, owner, ex -> {
            walrus.insertOrUpdateMetadata(ex, ex.loadForWrite(blobObjectId), key, value);
            return null;
        });
        return object(blobObjectId).orElseThrow();
    }

    /**
     * Moves an address-owned coin, blob or storage object to {@code recipient}, as its owner.
     *
     * @throws ChainCallException if the object is missing, not address-owned, or not transferable
     */
    public ChainObject transferObject(SuiAddress objectId, SuiAddress recipient) throws ChainCallException {
        Objects.requireNonNull(recipient, "recipient");
        SuiAddress owner = ownerOf(objectId, null);
        localCall(TransactionRecord.Kind.LOCAL_CALL, owner, ex -> {
            Execution.Working w = ex.loadForWrite(objectId);
            ChainObject current = state.liveObject(objectId);
            if (!current.hasPublicTransfer()) {
                throw ExecutionAbort.of(
                        "InvalidTransferObject", "Invalid Transfer Object, object does not have public transfer.");
            }
            w.owner = new Owner.AddressOwner(recipient);
            return null;
        });
        return object(objectId).orElseThrow();
    }

    private SuiAddress ownerOf(SuiAddress objectId, StructTag expectedType) throws ChainCallException {
        lock.readLock().lock();
        try {
            ChainObject object = state.liveObject(objectId);
            if (object == null) {
                throw new ChainCallException(SuiErrors.objectNotFound(objectId, null));
            }
            if (expectedType != null && !expectedType.equals(object.type())) {
                throw new ChainCallException(
                        "object " + objectId + " is a " + object.type() + ", not a " + expectedType);
            }
            SuiAddress owner = object.owner().addressOwner();
            if (owner == null) {
                throw new ChainCallException("object " + objectId + " is not owned by an address: " + object.owner());
            }
            return owner;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The faucet: gives {@code recipient} a SUI coin and a WAL coin of the configured amounts. */
    public FaucetGrant fund(SuiAddress recipient) {
        return fund(recipient, config.faucetMist(), config.faucetFrost());
    }

    /** The faucet with explicit amounts; an amount of zero makes no coin of that kind. */
    public FaucetGrant fund(SuiAddress recipient, long mist, long frost) {
        Objects.requireNonNull(recipient, "recipient");
        try {
            List<SuiAddress> ids = localCall(TransactionRecord.Kind.FAUCET, SuiAddress.ZERO, ex -> {
                List<SuiAddress> created = new ArrayList<>();
                Owner owner = new Owner.AddressOwner(recipient);
                if (mist != 0) {
                    created.add(ex.create(ChainTypes.coin(ChainTypes.SUI), new CoinData(ex.freshId(), mist), owner).id);
                }
                if (frost != 0) {
                    created.add(ex.create(ChainTypes.coin(types.wal()), new CoinData(ex.freshId(), frost), owner).id);
                }
                return created;
            });
            List<ChainObject> coins =
                    ids.stream().map(id -> object(id).orElseThrow()).toList();
            Digest digest = coins.isEmpty() ? genesisDigest : coins.getFirst().previousTransaction();
            return new FaucetGrant(coins, digest);
        } catch (ChainCallException e) {
            throw new IllegalStateException("faucet transaction failed", e);
        }
    }

    // -------------------------------------------------------------------------------------------- epochs

    /** The current epoch (Sui's and Walrus's, which are the same locally). */
    public long currentEpoch() {
        lock.readLock().lock();
        try {
            return state.currentEpoch().epochId();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Starts the next epoch now, then tells the epoch listeners. Returns the new epoch. */
    public long advanceEpoch() {
        return advanceEpoch(clock.millis());
    }

    private long advanceEpoch(long startMs) {
        long[] next = new long[1];
        try {
            localCall(
                    TransactionRecord.Kind.SYSTEM,
                    SuiAddress.ZERO,
                    current -> {
                        next[0] = current.epochId() + 1;
                        return new EpochInfo(next[0], startMs, current.referenceGasPrice(), current.protocolVersion());
                    },
                    ex -> {
                        Execution.Working system = ex.loadForWrite(config.systemObjectId());
                        Execution.Working field = walrus.systemInner(ex, system);
                        SystemStateField data = (SystemStateField) field.data;
                        field.data = new SystemStateField(
                                data.id(), data.key(), data.value().nextEpoch(startMs));
                        return null;
                    });
        } catch (ChainCallException e) {
            throw new IllegalStateException("epoch change failed", e);
        }
        return next[0];
    }

    /**
     * Advances as many epochs as the clock says have ended (each starting exactly one epoch duration after the
     * previous one); returns how many.
     */
    public int advanceDueEpochs() {
        int advanced = 0;
        while (true) {
            long nextStart;
            lock.readLock().lock();
            try {
                nextStart = state.currentEpoch().startTimestampMs() + epochDurationMs();
            } finally {
                lock.readLock().unlock();
            }
            if (clock.millis() < nextStart) {
                return advanced;
            }
            advanceEpoch(nextStart);
            advanced++;
        }
    }

    private long epochDurationMs() {
        return systemState().epochDurationMs();
    }

    /**
     * Advances epochs on the clock: checks every {@code pollInterval} on {@code scheduler} and calls {@link
     * #advanceDueEpochs()}. Stopped by {@link #close()} or {@link #stopEpochClock()}.
     */
    public void startEpochClock(ScheduledExecutorService scheduler, Duration pollInterval) {
        stopEpochClock();
        long period = Math.max(1, pollInterval.toMillis());
        epochClock = scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        advanceDueEpochs();
                    } catch (RuntimeException e) {
                        LOG.warn("epoch clock failed", e);
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Advances epochs on the clock with a scheduler of its own (one daemon thread), checking every {@code
     * pollInterval}; stopped by {@link #close()} or {@link #stopEpochClock()}.
     */
    public void startEpochClock(Duration pollInterval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "local-chain-epoch-clock");
            thread.setDaemon(true);
            return thread;
        });
        startEpochClock(scheduler, pollInterval);
        ownScheduler = scheduler;
    }

    /** Stops the epoch clock, if running. */
    public void stopEpochClock() {
        ScheduledFuture<?> running = epochClock;
        if (running != null) {
            running.cancel(false);
            epochClock = null;
        }
        ScheduledExecutorService scheduler = ownScheduler;
        if (scheduler != null) {
            scheduler.shutdownNow();
            ownScheduler = null;
        }
    }

    /** Registers an epoch listener. */
    public void addEpochListener(EpochListener listener) {
        epochListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeEpochListener(EpochListener listener) {
        epochListeners.remove(listener);
    }

    /** Registers a listener for committed transactions. */
    public void addTransactionListener(TransactionListener listener) {
        transactionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeTransactionListener(TransactionListener listener) {
        transactionListeners.remove(listener);
    }

    /** Replaces the committee (e.g. when local storage nodes start on new ports); takes effect immediately. */
    public void updateCommittee(List<StorageNodeInfo> nodes) {
        updateInner(inner -> inner.withNodes(nodes));
    }

    /** Sets the storage and write prices (FROST per unit), as a price vote would; takes effect immediately. */
    public void setPrices(long storagePricePerUnitSize, long writePricePerUnitSize) {
        updateInner(inner -> inner.withPrices(storagePricePerUnitSize, writePricePerUnitSize));
    }

    private void updateInner(Function<SystemStateInner, SystemStateInner> change) {
        try {
            localCall(TransactionRecord.Kind.SYSTEM, SuiAddress.ZERO, ex -> {
                Execution.Working system = ex.loadForWrite(config.systemObjectId());
                Execution.Working field = walrus.systemInner(ex, system);
                SystemStateField data = (SystemStateField) field.data;
                field.data = new SystemStateField(data.id(), data.key(), change.apply(data.value()));
                return null;
            });
        } catch (ChainCallException e) {
            throw new IllegalStateException("system update failed", e);
        }
    }

    // --------------------------------------------------------------------------------------------- reads

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public ChainConfig config() {
        return config;
    }

    public ChainTypes types() {
        return types;
    }

    /** The digest of the genesis transaction. */
    public Digest genesisDigest() {
        return genesisDigest;
    }

    /** Sui's chain identifier: the first 4 bytes of the genesis digest in hex. */
    public String chainIdentifier() {
        return HexFormat.of().formatHex(genesisDigest.toBytes(), 0, 4);
    }

    /** The Walrus system state (epoch, prices, committee). */
    public SystemStateInner systemState() {
        return read(() -> {
            ChainObject system = state.liveObject(config.systemObjectId());
            SystemData data = (SystemData) system.data();
            SuiAddress fieldId = ObjectIds.dynamicField(
                    data.id(),
                    ChainTypes.U64,
                    new BcsWriter().u64(data.version()).toByteArray());
            return ((SystemStateField) state.liveObject(fieldId).data()).value();
        });
    }

    /** The live version of an object. */
    public Optional<ChainObject> object(SuiAddress id) {
        return read(() -> Optional.ofNullable(state.liveObject(id)));
    }

    /** One exact version of an object, live or past. */
    public Optional<ChainObject> object(SuiAddress id, long version) {
        return read(() -> Optional.ofNullable(state.objectAt(id, version)));
    }

    /** The address-owned objects of {@code owner}, by ID. */
    public List<ChainObject> ownedObjects(SuiAddress owner) {
        return read(() -> state.live.values().stream()
                .filter(o -> owner.equals(o.owner().addressOwner()))
                .toList());
    }

    /** The dynamic fields (child objects) of {@code parent}, by ID. */
    public List<ChainObject> dynamicFields(SuiAddress parent) {
        Owner owner = new Owner.ObjectOwner(parent);
        return read(() -> state.live.values().stream()
                .filter(o -> o.owner().equals(owner))
                .toList());
    }

    /** The total of {@code owner}'s {@code Coin<coinType>} objects. */
    public long coinBalance(SuiAddress owner, TypeTag coinType) {
        StructTag coin = ChainTypes.coin(coinType);
        return read(() -> state.live.values().stream()
                .filter(o -> owner.equals(o.owner().addressOwner()) && coin.equals(o.type()))
                .mapToLong(o -> ((CoinData) o.data()).balance())
                .sum());
    }

    /** {@code owner}'s address balance (funds accumulator) of {@code coinType}. */
    public long addressBalance(SuiAddress owner, TypeTag coinType) {
        return read(() -> state.addressBalance(owner, coinType));
    }

    /** A committed transaction. */
    public Optional<TransactionRecord> transaction(Digest digest) {
        return read(() -> Optional.ofNullable(state.transactions.get(digest)));
    }

    /** The transaction at checkpoint {@code sequenceNumber} (one transaction per checkpoint here). */
    public Optional<TransactionRecord> checkpoint(long sequenceNumber) {
        return read(() -> sequenceNumber >= 0 && sequenceNumber < state.checkpoints.size()
                ? Optional.of(state.checkpoints.get((int) sequenceNumber))
                : Optional.empty());
    }

    /** The latest checkpoint's sequence number. */
    public long latestCheckpoint() {
        return read(() -> (long) state.checkpoints.size() - 1);
    }

    /** An epoch's information. */
    public Optional<EpochInfo> epoch(long epochId) {
        return read(
                () -> state.epochs.stream().filter(e -> e.epochId() == epochId).findFirst());
    }

    /** The current epoch's information. */
    public EpochInfo currentEpochInfo() {
        return read(state::currentEpoch);
    }

    /** The blob objects and their events for a blob ID, for storage nodes. */
    public BlobStatus blobStatus(BlobId blobId) {
        return read(() -> {
            List<BlobObjectStatus> out = new ArrayList<>();
            for (SuiAddress id : state.blobObjects.getOrDefault(blobId, Set.of())) {
                ChainObject object = state.liveObject(id);
                if (object == null || !(object.data() instanceof BlobData blob)) {
                    continue;
                }
                ChainState.BlobEvents events = state.blobEvents.get(id);
                out.add(new BlobObjectStatus(
                        id,
                        object.owner(),
                        blob.registeredEpoch(),
                        blob.certifiedEpoch(),
                        blob.endEpoch(),
                        blob.deletable(),
                        events.registered(),
                        Optional.ofNullable(events.certified())));
            }
            return new BlobStatus(blobId, state.currentEpoch().epochId(), out);
        });
    }

    private ChainState.BlobEvents blobEvents(SuiAddress blobObjectId) {
        return read(() -> state.blobEvents.get(blobObjectId));
    }

    /** Every blob ID with at least one live blob object whose storage has not ended by {@code epoch}. */
    public Map<BlobId, OptionalLong> activeBlobs(long epoch) {
        return read(() -> {
            Map<BlobId, OptionalLong> out = new TreeMap<>();
            for (ChainObject object : state.live.values()) {
                if (object.data() instanceof BlobData blob && epoch < blob.endEpoch()) {
                    out.merge(blob.blobId(), blob.certifiedEpoch(), (a, b) -> a.isPresent() ? a : b);
                }
            }
            return out;
        });
    }

    @Override
    public void close() throws IOException {
        stopEpochClock();
        if (log != null) {
            lock.writeLock().lock();
            try {
                log.close();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
