package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The working set of one transaction: every object it loads, creates, changes, wraps or deletes, its events and its
 * address-balance changes, kept apart from {@link ChainState} until {@link #finish} turns it into a {@link Commit}.
 * Throwing it away undoes everything, which is how failures stay atomic.
 */
final class Execution {
    /** MIST charged per byte of object written: Sui's 100 storage units per byte at a storage price of 76. */
    static final long STORAGE_MIST_PER_BYTE = 7_600;
    /** Share of an old version's storage fee refunded when it is mutated or deleted, in basis points. */
    static final long REBATE_BASIS_POINTS = 9_900;

    /** One object as the transaction sees it. */
    static final class Working {
        final SuiAddress id;
        final ChainObject input;
        Owner owner;
        StructTag type;
        ObjectData data;
        boolean removed;
        boolean deleted;
        boolean unwrapped;
        boolean forceWrite;

        Working(SuiAddress id, ChainObject input, Owner owner, StructTag type, ObjectData data) {
            this.id = id;
            this.input = input;
            this.owner = owner;
            this.type = type;
            this.data = data;
        }

        boolean isCreated() {
            return input == null && !unwrapped;
        }

        boolean changed() {
            return input == null || !owner.equals(input.owner()) || !data.equals(input.data());
        }
    }

    /** An event before it has an ID. */
    private record PendingEvent(SuiAddress packageId, String module, StructTag type, byte[] bcs, ObjectNode json) {}

    private final ChainState state;
    private final Digest digest;
    private final SuiAddress sender;
    private final Map<SuiAddress, Working> objects = new TreeMap<>();
    private final List<PendingEvent> events = new ArrayList<>();
    private final Map<TypeTag, Long> senderBalances = new HashMap<>();
    private long createdCount;

    Execution(ChainState state, Digest digest, SuiAddress sender) {
        this.state = state;
        this.digest = digest;
        this.sender = sender;
    }

    Digest digest() {
        return digest;
    }

    SuiAddress sender() {
        return sender;
    }

    /** The working copy of a live object, loading it on first use; {@code null} if it is not live. */
    Working load(SuiAddress id) {
        Working w = objects.get(id);
        if (w != null) {
            return w.removed ? null : w;
        }
        ChainObject object = state.liveObject(id);
        if (object == null) {
            return null;
        }
        w = new Working(id, object, object.owner(), object.type(), object.data());
        objects.put(id, w);
        return w;
    }

    /** Loads a live object that the transaction will write whatever happens (owned inputs, gas, mutable shared). */
    Working loadForWrite(SuiAddress id) {
        Working w = load(id);
        if (w != null) {
            w.forceWrite = true;
        }
        return w;
    }

    /** Adds an object that is not in the chain state (a simulation's mock gas coin) as if it had been loaded. */
    Working inject(ChainObject object) {
        Working w = new Working(object.id(), object, object.owner(), object.type(), object.data());
        w.forceWrite = true;
        objects.put(object.id(), w);
        return w;
    }

    /** A fresh object ID, derived from the transaction digest and a counter as Sui does. */
    SuiAddress freshId() {
        return ObjectIds.fresh(digest, createdCount++);
    }

    /** Adds a new object; its owner is set when it is transferred. */
    Working create(StructTag type, ObjectData data, Owner owner) {
        Working w = new Working(data.id(), null, owner, type, data);
        objects.put(data.id(), w);
        return w;
    }

    /** Brings a wrapped object (such as a blob's storage) back as a standalone object. */
    Working unwrap(StructTag type, ObjectData data, Owner owner) {
        Working w = create(type, data, owner);
        w.unwrapped = true;
        return w;
    }

    /** Deletes an object. */
    void delete(Working w) {
        w.removed = true;
        w.deleted = true;
    }

    /** Wraps an object into another one: it leaves the live set but its ID lives on. */
    void wrap(Working w) {
        w.removed = true;
        w.deleted = false;
    }

    /** Records an event. */
    void emit(SuiAddress packageId, String module, StructTag type, byte[] bcs, ObjectNode json) {
        events.add(new PendingEvent(packageId, module, type, bcs, json));
    }

    /** The sender's address balance of {@code coinType} as this transaction sees it. */
    long senderBalance(TypeTag coinType) {
        return senderBalances.getOrDefault(coinType, state.addressBalance(sender, coinType));
    }

    void setSenderBalance(TypeTag coinType, long amount) {
        senderBalances.put(coinType, amount);
    }

    /** The Lamport version: one more than the highest version among the objects loaded. */
    long lamportVersion(long atLeast) {
        long max = atLeast;
        for (Working w : objects.values()) {
            if (w.input != null) {
                max = Math.max(max, w.input.version());
            }
        }
        return max + 1;
    }

    /** Storage charges of writing {@code w} at {@code version}. */
    static long storageCost(Working w, long version, Digest digest) {
        ChainObject draft = ChainObject.create(version, w.owner, w.type, w.data, digest, 0);
        return draft.storageSize() * STORAGE_MIST_PER_BYTE;
    }

    /** The storage summary (cost, rebate, non-refundable fee) for the current working set at {@code version}. */
    long[] storageSummary(long version) {
        long cost = 0;
        long rebate = 0;
        long nonRefundable = 0;
        for (Working w : objects.values()) {
            boolean written = !w.removed && (w.changed() || w.forceWrite);
            if (written) {
                cost += storageCost(w, version, digest);
            }
            if (w.input != null && (written || w.removed)) {
                long old = w.input.storageRebate();
                long back = old / 10_000 * REBATE_BASIS_POINTS + old % 10_000 * REBATE_BASIS_POINTS / 10_000;
                rebate += back;
                nonRefundable += old - back;
            }
        }
        return new long[] {cost, rebate, nonRefundable};
    }

    /**
     * Turns the working set into a commit at {@code version}: new object versions (storage rebate = their storage
     * cost), removed IDs, object changes sorted by ID, events with IDs, and the sender's balance changes.
     */
    Commit finish(
            long version,
            TransactionRecord.Kind kind,
            byte[] txBcs,
            List<String> signatures,
            ExecutionFailure failure,
            long epoch,
            GasSummary gas,
            SuiAddress gasObject,
            long checkpoint,
            long timestampMs,
            EpochInfo newEpoch) {
        List<ChainObject> written = new ArrayList<>();
        List<SuiAddress> removed = new ArrayList<>();
        List<ObjectChange> changes = new ArrayList<>();
        for (Working w : objects.values()) {
            boolean write = !w.removed && (w.changed() || w.forceWrite);
            if (w.removed) {
                if (w.input != null) {
                    removed.add(w.id);
                    changes.add(
                            new ObjectChange(w.id, w.input.version(), w.input.digest(), -1, null, false, w.deleted));
                }
                continue;
            }
            if (!write) {
                continue;
            }
            long rebate = storageCost(w, version, digest);
            ChainObject object = ChainObject.create(version, w.owner, w.type, w.data, digest, rebate);
            written.add(object);
            if (w.input == null) {
                changes.add(new ObjectChange(w.id, -1, null, version, object.digest(), w.isCreated(), false));
            } else {
                changes.add(new ObjectChange(
                        w.id, w.input.version(), w.input.digest(), version, object.digest(), false, false));
            }
        }
        List<ChainEvent> chainEvents = new ArrayList<>();
        if (failure == null) {
            for (int i = 0; i < events.size(); i++) {
                PendingEvent e = events.get(i);
                chainEvents.add(new ChainEvent(
                        new EventId(digest, i), e.packageId(), e.module(), sender, e.type(), e.bcs(), e.json()));
            }
        }
        List<AddressBalance> balances = new ArrayList<>();
        if (failure == null) {
            senderBalances.forEach((type, amount) -> balances.add(new AddressBalance(sender, type, amount)));
        }
        TransactionEffects effects =
                new TransactionEffects(digest, failure, version, epoch, gas, gasObject, changes, chainEvents);
        TransactionRecord record =
                new TransactionRecord(digest, kind, sender, txBcs, signatures, effects, checkpoint, timestampMs);
        return new Commit(record, written, removed, balances, newEpoch);
    }
}
