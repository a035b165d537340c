package dev.walrussync.localnet.network;

import dev.walrussync.localnet.chain.BlobData;
import dev.walrussync.localnet.chain.BlobObjectStatus;
import dev.walrussync.localnet.chain.ChainCallException;
import dev.walrussync.localnet.chain.ChainObject;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.localnet.chain.MetadataField;
import dev.walrussync.localnet.chain.RegisteredBlob;
import dev.walrussync.localnet.chain.StorageNodeInfo;
import dev.walrussync.localnet.chain.SystemStateInner;
import dev.walrussync.localnet.node.NodeKey;
import dev.walrussync.localnet.publisher.PublisherChain;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.ProtocolMessage;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The publisher's view of the local chain: registrations paid from the publisher's own wallet, and
 * certification once a quorum of the committee has confirmed a blob.
 *
 * <p>Real Walrus certifies with an aggregated BLS12-381 certificate that the chain checks. The local
 * nodes sign their confirmations with Ed25519 (until BLS lands), so the publisher checks every
 * signature against the committee's keys and the quorum itself before the chain records the
 * certification.
 */
public final class ChainPublisher implements PublisherChain {
    private final LocalChain chain;
    private final SuiAddress publisher;

    public ChainPublisher(LocalChain chain, SuiAddress publisher) {
        this.chain = chain;
        this.publisher = publisher;
    }

    @Override
    public long currentEpoch() {
        return chain.currentEpoch();
    }

    @Override
    public int maxEpochsAhead() {
        return (int) chain.systemState().maxEpochsAhead();
    }

    @Override
    public Optional<ChainBlob> certifiedPermanentBlob(BlobId blobId) {
        return chain.blobStatus(blobId).active().stream()
                .filter(o -> o.isCertified() && !o.deletable())
                .max(Comparator.comparingLong(BlobObjectStatus::endEpoch))
                .flatMap(o -> chain.object(o.objectId()))
                .map(o -> toChainBlob(o, 0));
    }

    @Override
    public Optional<ChainBlob> ownedCertifiedBlob(BlobId blobId, boolean deletable) {
        return chain.blobStatus(blobId).active().stream()
                .filter(o -> o.isCertified()
                        && o.deletable() == deletable
                        && publisher.equals(o.owner().addressOwner()))
                .max(Comparator.comparingLong(BlobObjectStatus::endEpoch))
                .flatMap(o -> chain.object(o.objectId()))
                .map(o -> toChainBlob(o, 0));
    }

    @Override
    public Optional<ChainBlob> blobObject(String objectId) {
        return chain.object(SuiAddress.parse(objectId))
                .filter(o -> o.data() instanceof BlobData)
                .map(o -> toChainBlob(o, 0));
    }

    @Override
    public boolean isLive(BlobId blobId) {
        return chain.blobStatus(blobId).isCertified();
    }

    @Override
    public ChainBlob register(
            BlobId blobId, byte[] rootHash, long size, long encodedLength, int epochsAhead, boolean deletable)
            throws ChainException {
        try {
            RegisteredBlob r =
                    chain.registerBlob(publisher, blobId, rootHash, size, encodedLength, epochsAhead, deletable);
            return toChainBlob(r.object(), r.costFrost());
        } catch (ChainCallException e) {
            throw new ChainException("registering blob " + blobId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ChainBlob certify(String objectId, List<SignedStorageConfirmation> confirmations) throws ChainException {
        SuiAddress id = SuiAddress.parse(objectId);
        ChainObject object =
                chain.object(id).orElseThrow(() -> new ChainException("there is no Blob object " + objectId));
        BlobData blob = (BlobData) object.data();
        SystemStateInner system = chain.systemState();
        long epoch = system.epoch();
        BlobPersistenceType expected =
                blob.deletable() ? BlobPersistenceType.deletable(id.toBytes()) : BlobPersistenceType.permanent();
        Set<String> signers = new HashSet<>();
        int weight = 0;
        for (SignedStorageConfirmation c : confirmations) {
            ProtocolMessage m;
            try {
                m = c.message();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (m.epoch() != epoch
                    || !m.blobId().equals(blob.blobId())
                    || !m.blobType().equals(expected)) {
                continue;
            }
            for (StorageNodeInfo node : system.nodes()) {
                if (!signers.contains(node.name())
                        && NodeKey.verify(node.publicKey(), c.serializedMessage(), c.signature())) {
                    signers.add(node.name());
                    weight += node.shardIds().size();
                    break;
                }
            }
        }
        int f = EncodingConfig.forShards(system.nShards()).maxFaultyShards();
        if (weight <= 2 * f) {
            throw new ChainException("the confirmations for blob " + blob.blobId() + " cover " + weight + " of "
                    + system.nShards() + " shards; a certificate needs more than " + 2 * f);
        }
        try {
            return toChainBlob(chain.certifyBlob(id, epoch), 0);
        } catch (ChainCallException e) {
            throw new ChainException("certifying blob " + blob.blobId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void transfer(String objectId, String recipient) throws ChainException {
        try {
            chain.transferObject(SuiAddress.parse(objectId), SuiAddress.parse(recipient));
        } catch (ChainCallException e) {
            throw new ChainException("transferring " + objectId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void setAttribute(String objectId, String key, String value) throws ChainException {
        try {
            chain.insertOrUpdateBlobAttribute(SuiAddress.parse(objectId), key, value);
        } catch (ChainCallException e) {
            throw new ChainException("setting attribute " + key + " on " + objectId + " failed: " + e.getMessage(), e);
        }
    }

    private ChainBlob toChainBlob(ChainObject object, long cost) {
        BlobData b = (BlobData) object.data();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (ChainObject field : chain.dynamicFields(object.id())) {
            if (field.data() instanceof MetadataField m) {
                for (MetadataField.Entry e : m.entries()) {
                    attributes.put(e.key(), e.value());
                }
            }
        }
        Optional<dev.walrussync.walrus.node.EventId> certifiedEvent = chain.blobStatus(b.blobId()).objects().stream()
                .filter(o -> o.objectId().equals(object.id()))
                .findFirst()
                .flatMap(BlobObjectStatus::certifiedEvent)
                .map(ChainRegistrations::eventId);
        return new ChainBlob(
                object.id().toString(),
                b.blobId(),
                b.registeredEpoch(),
                b.size(),
                b.certifiedEpoch(),
                b.storage().id().toString(),
                b.storage().startEpoch(),
                b.storage().endEpoch(),
                b.storage().storageSize(),
                b.deletable(),
                cost,
                certifiedEvent,
                attributes);
    }
}
