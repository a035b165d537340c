package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-memory chain state: live objects, every version ever written, address balances, transactions, epochs and
 * an index of Walrus blob objects by blob ID. Not thread-safe; {@link LocalChain} guards it.
 */
final class ChainState {
    /**
     * The registration and latest certification events of one {@code Blob} object.
     *
     * @param blobId the blob ID
     * @param registered the {@code BlobRegistered} event (or the genesis transaction for seeded blobs)
     * @param certified the latest {@code BlobCertified} event, or {@code null}
     */
    record BlobEvents(BlobId blobId, EventId registered, EventId certified) {}

    final TreeMap<SuiAddress, ChainObject> live = new TreeMap<>();
    final Map<SuiAddress, TreeMap<Long, ChainObject>> history = new HashMap<>();
    final Map<SuiAddress, Map<TypeTag, Long>> balances = new HashMap<>();
    final LinkedHashMap<Digest, TransactionRecord> transactions = new LinkedHashMap<>();
    final List<TransactionRecord> checkpoints = new ArrayList<>();
    final List<EpochInfo> epochs = new ArrayList<>();
    final Map<BlobId, Set<SuiAddress>> blobObjects = new HashMap<>();
    final Map<SuiAddress, BlobEvents> blobEvents = new HashMap<>();

    ChainObject liveObject(SuiAddress id) {
        return live.get(id);
    }

    ChainObject objectAt(SuiAddress id, long version) {
        NavigableMap<Long, ChainObject> versions = history.get(id);
        return versions == null ? null : versions.get(version);
    }

    boolean everExisted(SuiAddress id) {
        return history.containsKey(id);
    }

    long addressBalance(SuiAddress owner, TypeTag coinType) {
        return balances.getOrDefault(owner, Map.of()).getOrDefault(coinType, 0L);
    }

    EpochInfo currentEpoch() {
        return epochs.getLast();
    }

    long nextCheckpoint() {
        return checkpoints.size();
    }

    /** Applies a commit: the caller has made it durable first. */
    void apply(Commit commit) {
        for (SuiAddress id : commit.removed()) {
            live.remove(id);
        }
        for (ChainObject object : commit.written()) {
            live.put(object.id(), object);
            history.computeIfAbsent(object.id(), k -> new TreeMap<>()).put(object.version(), object);
            if (object.data() instanceof BlobData blob) {
                blobObjects
                        .computeIfAbsent(blob.blobId(), k -> new LinkedHashSet<>())
                        .add(object.id());
                blobEvents.putIfAbsent(
                        object.id(),
                        new BlobEvents(
                                blob.blobId(), new EventId(commit.transaction().digest(), 0), null));
            }
        }
        for (AddressBalance balance : commit.balances()) {
            Map<TypeTag, Long> byType = balances.computeIfAbsent(balance.owner(), k -> new HashMap<>());
            if (balance.amount() == 0) {
                byType.remove(balance.coinType());
            } else {
                byType.put(balance.coinType(), balance.amount());
            }
        }
        TransactionRecord tx = commit.transaction();
        for (ChainEvent event : tx.effects().events()) {
            indexEvent(event);
        }
        transactions.put(tx.digest(), tx);
        checkpoints.add(tx);
        if (commit.newEpoch() != null) {
            epochs.add(commit.newEpoch());
        }
    }

    private void indexEvent(ChainEvent event) {
        String name = event.type().name();
        if (!event.type().module().equals("events")) {
            return;
        }
        if (!name.equals("BlobRegistered") && !name.equals("BlobCertified")) {
            return;
        }
        SuiAddress objectId = SuiAddress.parse(event.json().get("object_id").asText());
        BlobId blobId = BlobId.fromU256Decimal(event.json().get("blob_id").asText());
        blobObjects.computeIfAbsent(blobId, k -> new LinkedHashSet<>()).add(objectId);
        BlobEvents previous = blobEvents.get(objectId);
        if (name.equals("BlobRegistered")) {
            blobEvents.put(objectId, new BlobEvents(blobId, event.id(), null));
        } else {
            EventId registered = previous == null ? event.id() : previous.registered();
            blobEvents.put(objectId, new BlobEvents(blobId, registered, event.id()));
        }
    }
}
