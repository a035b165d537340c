package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.sui.Argument;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-process calls the publisher and storage nodes use: register, certify, transfer, blob status. */
class PublisherApiTest {
    private static final Ed25519Keypair USER = Ed25519Keypair.fromSeed(seed(7));
    private static final long SIZE = 1234;
    private static final byte[] ROOT = seed(9);
    private static final BlobId BLOB_ID = BlobId.derive(SIZE, ROOT);

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }

    private static TestNet net() throws Exception {
        TestNet net = TestNet.of(ChainConfig.builder().build(), OracleExecutionTest.CLOCK);
        net.chain.fund(USER.address());
        return net;
    }

    private static long encodedLength() {
        return EncodingConfig.forShards(10).encodedLength(SIZE);
    }

    private static long walBalance(TestNet net) {
        return net.chain.coinBalance(USER.address(), net.chain.types().wal());
    }

    @Test
    void registerBlobPaysStorageForEveryEpochPlusTheWriteFeeAndEmitsBlobRegistered() throws Exception {
        try (TestNet net = net()) {
            long before = walBalance(net);
            RegisteredBlob registered =
                    net.chain.registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 3, true);
            long units = (encodedLength() + (1 << 20) - 1) >> 20;
            long expected = units * 100_000 * 3 + units * 20_000;
            assertThat(registered.costFrost()).isEqualTo(expected);
            assertThat(before - walBalance(net)).isEqualTo(expected);
            BlobData blob = registered.blob();
            assertThat(blob.blobId()).isEqualTo(BLOB_ID);
            assertThat(blob.registeredEpoch()).isEqualTo(1);
            assertThat(blob.storage().startEpoch()).isEqualTo(1);
            assertThat(blob.endEpoch()).isEqualTo(4);
            assertThat(blob.storage().storageSize()).isEqualTo(encodedLength());
            assertThat(blob.isCertified()).isFalse();
            assertThat(blob.deletable()).isTrue();
            assertThat(registered.object().owner()).isEqualTo(new Owner.AddressOwner(USER.address()));
            assertThat(registered.registeredEvent().txDigest()).isEqualTo(registered.transactionDigest());
            ChainEvent event = net.chain
                    .transaction(registered.transactionDigest())
                    .orElseThrow()
                    .effects()
                    .events()
                    .getFirst();
            assertThat(event.type().name()).isEqualTo("BlobRegistered");
            assertThat(event.json().get("object_id").asText())
                    .isEqualTo(blob.id().toString());
            assertThat(event.json().get("end_epoch").asInt()).isEqualTo(4);
        }
    }

    @Test
    void newPricesApplyToTheNextRegistration() throws Exception {
        try (TestNet net = net()) {
            net.chain.setPrices(7, 11);
            RegisteredBlob registered =
                    net.chain.registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 4, true);
            long units = (encodedLength() + (1 << 20) - 1) >> 20;
            assertThat(registered.costFrost()).isEqualTo(units * 7 * 4 + units * 11);
            assertThat(net.chain.systemState().storagePricePerUnitSize()).isEqualTo(7);
        }
    }

    @Test
    void blobStatusFollowsRegistrationCertificationAndExpiry() throws Exception {
        try (TestNet net = net()) {
            assertThat(net.chain.blobStatus(BLOB_ID).isRegistered()).isFalse();
            RegisteredBlob registered =
                    net.chain.registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 2, false);
            BlobStatus status = net.chain.blobStatus(BLOB_ID);
            assertThat(status.isRegistered()).isTrue();
            assertThat(status.isCertified()).isFalse();
            BlobObjectStatus object = status.objects().getFirst();
            assertThat(object.objectId()).isEqualTo(registered.object().id());
            assertThat(object.statusEvent()).isEqualTo(registered.registeredEvent());
            assertThat(object.statusEvent().eventSeqString()).isEqualTo("0");

            ChainObject certified = net.chain.certifyBlob(registered.object().id(), 1);
            assertThat(((BlobData) certified.data()).certifiedEpoch()).hasValue(1);
            status = net.chain.blobStatus(BLOB_ID);
            assertThat(status.isCertified()).isTrue();
            assertThat(status.endEpoch()).isEqualTo(3);
            assertThat(status.initialCertifiedEpoch()).hasValue(1);
            assertThat(status.permanent()).isPresent();
            assertThat(status.objects().getFirst().certifiedEvent()).isPresent();
            assertThat(status.objects().getFirst().statusEvent().txDigestBase58())
                    .isNotEmpty();

            net.chain.advanceEpoch();
            net.chain.advanceEpoch();
            status = net.chain.blobStatus(BLOB_ID);
            assertThat(status.isRegistered()).isTrue();
            assertThat(status.active()).isEmpty();
            assertThat(status.isCertified()).isFalse();
            assertThat(net.chain.activeBlobs(net.chain.currentEpoch())).doesNotContainKey(BLOB_ID);
        }
    }

    @Test
    void certifyingTwiceOrInAnotherEpochAbortsLikeWalrus() throws Exception {
        try (TestNet net = net()) {
            SuiAddress id = net.chain
                    .registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 2, false)
                    .object()
                    .id();
            assertThatThrownBy(() -> net.chain.certifyBlob(id, 2))
                    .isInstanceOf(ChainCallException.class)
                    .satisfies(e -> assertThat(
                                    ((ChainCallException) e).failure().abort().abortCode())
                            .isEqualTo(3));
            net.chain.certifyBlob(id, 1);
            ChainObject once = net.chain.object(id).orElseThrow();
            assertThatThrownBy(() -> net.chain.certifyBlob(id, 1))
                    .isInstanceOf(ChainCallException.class)
                    .satisfies(e -> assertThat(
                                    ((ChainCallException) e).failure().abort().abortCode())
                            .isEqualTo(5));
            assertThat(net.chain.object(id).orElseThrow()).isEqualTo(once);
        }
    }

    @Test
    void registerRefusesAWrongBlobIdTooFewEpochsTooLittleStorageOrTooLittleWalAndChargesNothing() throws Exception {
        try (TestNet net = net()) {
            long before = walBalance(net);
            long checkpoint = net.chain.latestCheckpoint();
            BlobId wrong = BlobId.derive(SIZE + 1, ROOT);
            assertThatThrownBy(
                            () -> net.chain.registerBlob(USER.address(), wrong, ROOT, SIZE, encodedLength(), 2, false))
                    .isInstanceOf(ChainCallException.class)
                    .hasMessageContaining("abort code: 6");
            assertThatThrownBy(() ->
                            net.chain.registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 54, false))
                    .hasMessageContaining("abort code: 2");
            assertThatThrownBy(() ->
                            net.chain.registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength() - 1, 2, false))
                    .hasMessageContaining("abort code: 3");
            SuiAddress poor = SuiAddress.parse("0x" + "01".repeat(32));
            net.chain.fund(poor, 1, 10);
            assertThatThrownBy(() -> net.chain.registerBlob(poor, BLOB_ID, ROOT, SIZE, encodedLength(), 2, false))
                    .hasMessageContaining("abort code: 2")
                    .hasMessageContaining("::balance::split");
            assertThat(walBalance(net)).isEqualTo(before);
            assertThat(net.chain.latestCheckpoint()).isEqualTo(checkpoint + 1); // only the faucet grant
        }
    }

    @Test
    void transferObjectMovesABlobToAnotherOwner() throws Exception {
        try (TestNet net = net()) {
            SuiAddress id = net.chain
                    .registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 2, true)
                    .object()
                    .id();
            SuiAddress other = SuiAddress.parse("0x" + "0b".repeat(32));
            ChainObject moved = net.chain.transferObject(id, other);
            assertThat(moved.owner()).isEqualTo(new Owner.AddressOwner(other));
            assertThat(net.chain.ownedObjects(other))
                    .extracting(ChainObject::id)
                    .containsExactly(id);
            assertThat(net.chain.blobStatus(BLOB_ID).objects().getFirst().owner())
                    .isEqualTo(new Owner.AddressOwner(other));
        }
    }

    @Test
    void aDeletableBlobIsDeletedByTransactionAndItsStorageReturnedToTheOwner() throws Exception {
        try (TestNet net = net()) {
            SuiAddress id = net.chain
                    .registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 2, true)
                    .object()
                    .id();
            net.chain.certifyBlob(id, 1);
            ObjectRef gas = suiCoin(net);
            JsonNode attribute = net.execute(
                    USER,
                    gas,
                    10_000_000,
                    b -> b.insertOrUpdateMetadataPair(
                            net.chain.config().walrusPackageId(), net.ref(id), "content-type", "text/plain"));
            assertThat(attribute.at("/data/executeTransaction/effects/status").asText())
                    .isEqualTo("SUCCESS");
            SuiAddress field = WalrusLogic.metadataFieldId(id);
            assertThat(net.chain.object(field)).isPresent();

            JsonNode effects = net.execute(USER, suiCoin(net), 10_000_000, b -> {
                        Argument storage =
                                b.deleteBlob(net.chain.config().walrusPackageId(), readOnly(net), net.ref(id));
                        b.transferObjects(List.of(storage), USER.address());
                    })
                    .at("/data/executeTransaction/effects");
            assertThat(effects.get("status").asText()).as(effects.toString()).isEqualTo("SUCCESS");
            List<String> deleted = new ArrayList<>();
            effects.at("/objectChanges/nodes").forEach(n -> {
                if (n.get("idDeleted").asBoolean()) {
                    deleted.add(n.get("address").asText());
                }
            });
            assertThat(deleted).containsExactlyInAnyOrder(id.toString(), field.toString());
            assertThat(net.chain.object(id)).isEmpty();
            assertThat(net.chain.object(field)).isEmpty();
            assertThat(net.chain.blobStatus(BLOB_ID).isRegistered()).isFalse();
            Optional<ChainObject> storage = net.chain.ownedObjects(USER.address()).stream()
                    .filter(o -> o.data() instanceof StorageData)
                    .findFirst();
            assertThat(storage).isPresent();
            assertThat(((StorageData) storage.get().data()).endEpoch()).isEqualTo(3);
        }
    }

    @Test
    void deletingWithoutUsingTheReturnedStorageFailsAsAnUnusedValue() throws Exception {
        try (TestNet net = net()) {
            SuiAddress id = net.chain
                    .registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 2, true)
                    .object()
                    .id();
            JsonNode effects = net.execute(
                            USER,
                            suiCoin(net),
                            10_000_000,
                            b -> b.deleteBlob(net.chain.config().walrusPackageId(), readOnly(net), net.ref(id)))
                    .at("/data/executeTransaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("FAILURE");
            assertThat(effects.at("/executionError/message").asText())
                    .contains("Unused result without the drop ability. Command result 0, return value 0");
            assertThat(net.chain.object(id)).isPresent();
        }
    }

    @Test
    void removingAMissingAttributeAbortsInVecMapAndRemovingAPresentOneSucceeds() throws Exception {
        try (TestNet net = net()) {
            SuiAddress id = net.chain
                    .registerBlob(USER.address(), BLOB_ID, ROOT, SIZE, encodedLength(), 2, true)
                    .object()
                    .id();
            SuiAddress pkg = net.chain.config().walrusPackageId();
            JsonNode noMetadata = net.execute(
                            USER, suiCoin(net), 10_000_000, b -> b.removeMetadataPair(pkg, net.ref(id), "k"))
                    .at("/data/executeTransaction/effects/executionError");
            assertThat(noMetadata.get("abortCode").asText()).isEqualTo("8");
            assertThat(noMetadata.at("/function/name").asText()).isEqualTo("metadata");

            net.execute(USER, suiCoin(net), 10_000_000, b -> b.insertOrUpdateMetadataPair(pkg, net.ref(id), "k", "v"));
            JsonNode missingKey = net.execute(
                            USER, suiCoin(net), 10_000_000, b -> b.removeMetadataPair(pkg, net.ref(id), "other"))
                    .at("/data/executeTransaction/effects/executionError");
            assertThat(missingKey.get("abortCode").asText()).isEqualTo("1");
            assertThat(missingKey.at("/module/name").asText()).isEqualTo("vec_map");
            assertThat(missingKey.at("/module/package/address").asText())
                    .isEqualTo(SuiAddress.SUI_FRAMEWORK.toString());

            JsonNode removed = net.execute(
                            USER, suiCoin(net), 10_000_000, b -> b.removeMetadataPair(pkg, net.ref(id), "k"))
                    .at("/data/executeTransaction/effects");
            assertThat(removed.get("status").asText()).isEqualTo("SUCCESS");
            MetadataField field = (MetadataField) net.chain
                    .object(WalrusLogic.metadataFieldId(id))
                    .orElseThrow()
                    .data();
            assertThat(field.entries()).isEmpty();
        }
    }

    private static dev.walrussync.walrus.sui.SharedObjectRef readOnly(TestNet net) {
        ChainConfig config = net.chain.config();
        return new dev.walrussync.walrus.sui.SharedObjectRef(
                config.systemObjectId(), config.systemInitialSharedVersion(), false);
    }

    private static ObjectRef suiCoin(TestNet net) {
        return net.chain.ownedObjects(USER.address()).stream()
                .filter(o -> ChainTypes.isCoin(o.type())
                        && ChainTypes.coinTypeOf(o.type()).equals(ChainTypes.SUI))
                .findFirst()
                .orElseThrow()
                .ref();
    }
}
