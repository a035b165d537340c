package dev.walrussync.localnet.chainclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.localnet.chain.ChainConfig;
import dev.walrussync.localnet.chain.CoinData;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.localnet.chain.RegisteredBlob;
import dev.walrussync.localnet.chain.StorageNodeInfo;
import dev.walrussync.localnet.chain.graphql.ChainServer;
import dev.walrussync.walrus.chain.Balances;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.chain.SystemInfo;
import dev.walrussync.walrus.chain.TransactionOutcome;
import dev.walrussync.walrus.chain.WalrusChain;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link WalrusChain} against the local chain served over Sui GraphQL on loopback. */
class WalrusChainLocalTest {
    private static final long SIZE = 5_000;
    private static final long STORAGE_PRICE = 100_000;
    private static final long WRITE_PRICE = 20_000;

    private LocalChain chain;
    private ChainServer server;
    private WalrusNetwork network;
    private WalrusChain client;
    private final Ed25519Keypair user = Ed25519Keypair.generate(new SecureRandom());

    @BeforeEach
    void start() throws Exception {
        StorageNodeInfo node = new StorageNodeInfo(
                "node-0",
                SuiAddress.parse("0x" + "a0".repeat(32)),
                "http://127.0.0.1:9185",
                new byte[] {1, 2, 3},
                new byte[] {4, 5},
                IntStream.range(0, 10).boxed().toList(),
                10);
        ChainConfig config = ChainConfig.builder()
                .prices(STORAGE_PRICE, WRITE_PRICE)
                .epochDuration(Duration.ofHours(2))
                .nodes(List.of(node))
                .build();
        chain = LocalChain.inMemory(config, Clock.systemUTC());
        server = ChainServer.start(chain, 0);
        network = network(config.systemObjectId());
        client = new WalrusChain(network, RetryPolicy.NONE);
    }

    private WalrusNetwork network(SuiAddress systemObject) {
        ChainConfig config = chain.config();
        return new WalrusNetwork(
                "local",
                List.of(),
                List.of(URI.create("http://127.0.0.1:1")),
                server.graphQlUri(),
                server.faucetUri(),
                config.walrusOriginalPackageId(),
                config.walCoinType().toString(),
                systemObject,
                null,
                null,
                10 << 20);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        chain.close();
    }

    /** Asks the faucet over HTTP, as a user would. */
    private void faucet(SuiAddress recipient) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.faucetUri())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"FixedAmountRequest\": {\"recipient\": \"" + recipient + "\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private RegisteredBlob storeBlob(int epochs, boolean deletable) throws Exception {
        byte[] root = new byte[32];
        new SecureRandom().nextBytes(root);
        BlobId blobId = BlobId.derive(SIZE, root);
        long encoded = EncodingConfig.forShards(10).encodedLength(SIZE);
        RegisteredBlob registered = chain.registerBlob(user.address(), blobId, root, SIZE, encoded, epochs, deletable);
        chain.certifyBlob(registered.object().id(), chain.currentEpoch());
        return registered;
    }

    private OwnedBlob owned(SuiAddress id) throws WalrusException {
        return client.ownedBlobs(user.address()).stream()
                .filter(b -> b.ref().objectId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void systemReadsEpochPricesShardsPackageAndCommittee() throws Exception {
        SystemInfo system = client.system();
        ChainConfig config = chain.config();
        assertThat(system.epoch()).isEqualTo(chain.currentEpoch());
        assertThat(system.storagePricePerUnit()).isEqualTo(STORAGE_PRICE);
        assertThat(system.writePricePerUnit()).isEqualTo(WRITE_PRICE);
        assertThat(system.nShards()).isEqualTo(config.nShards());
        assertThat(system.maxEpochsAhead()).isEqualTo(53);
        assertThat(system.epochDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(system.callPackage()).isEqualTo(config.walrusPackageId().toString());
        assertThat(system.systemInitialSharedVersion()).isEqualTo(config.systemInitialSharedVersion());
        assertThat(system.committee()).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("node-0");
            assertThat(n.url()).isEqualTo(URI.create("http://127.0.0.1:9185"));
            assertThat(n.shards()).isEqualTo(10);
        });
    }

    @Test
    void aWrongSystemObjectIsReportedAsAWrongNetwork() {
        WalrusChain wrong = new WalrusChain(network(SuiAddress.parse("0x1234")), RetryPolicy.NONE);
        assertThatThrownBy(wrong::system)
                .isInstanceOf(WalrusException.class)
                .hasMessageContaining("wrong network or package ID");
    }

    @Test
    void balancesOwnedBlobsExtendAttributeAndDeleteAgainstTheLocalChain() throws Exception {
        faucet(user.address());
        ChainConfig config = chain.config();
        assertThat(client.balances(user.address())).isEqualTo(new Balances(config.faucetFrost(), config.faucetMist()));

        RegisteredBlob registered = storeBlob(3, true);
        SuiAddress id = registered.object().id();
        OwnedBlob blob = owned(id);
        long epoch = chain.currentEpoch();
        assertThat(blob.endEpoch()).isEqualTo(epoch + 3);
        assertThat(blob.certifiedEpoch()).isEqualTo(epoch);
        assertThat(blob.size()).isEqualTo(SIZE);
        assertThat(blob.blobId()).isEqualTo(registered.blob().blobId().toString());
        assertThat(blob.deletable()).isTrue();
        assertThat(blob.attributes()).isEmpty();

        Balances before = client.balances(user.address());
        TransactionOutcome extended = client.extendBlob(user, id, 4);
        Balances after = client.balances(user.address());
        long units = SystemInfo.units(blob.storageSize());
        assertThat(before.walFrost() - after.walFrost()).isEqualTo(units * STORAGE_PRICE * 4);
        assertThat(before.suiMist() - after.suiMist()).isEqualTo(extended.gasMist());
        assertThat(extended.gasMist()).isPositive();
        assertThat(owned(id).endEpoch()).isEqualTo(epoch + 7);
        assertThat(chain.transaction(dev.walrussync.walrus.sui.Digest.parse(extended.digest())))
                .isPresent();

        client.setAttribute(user, id, "content-type", "application/x-walrus-sync");
        client.setAttribute(user, id, "walrus-sync", "pack");
        client.setAttribute(user, id, "content-type", "application/octet-stream");
        assertThat(owned(id).attributes())
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("content-type", "application/octet-stream", "walrus-sync", "pack"));

        TransactionOutcome deleted = client.deleteBlob(user, id);
        assertThat(deleted.digest()).isNotBlank();
        assertThat(client.ownedBlobs(user.address()))
                .noneMatch(b -> b.ref().objectId().equals(id));
        assertThat(chain.ownedObjects(user.address()))
                .anyMatch(o -> o.type() != null && o.type().name().equals("Storage"));
    }

    @Test
    void extendingBeyondTheMaximumShowsTheMoveAbortInPlainWords() throws Exception {
        faucet(user.address());
        SuiAddress id = storeBlob(3, true).object().id();
        assertThatThrownBy(() -> client.extendBlob(user, id, 60))
                .isInstanceOf(WalrusException.class)
                .hasMessageContaining("maximum number of epochs ahead")
                .hasMessageContaining("extend_blob");
    }

    @Test
    void extendingMergesWalCoinsWhenNoSingleCoinCovers() throws Exception {
        chain.fund(user.address(), 10_000_000_000L, 0);
        chain.fund(user.address(), 0, 1_000_000);
        SuiAddress id = storeBlob(1, false).object().id();
        chain.fund(user.address(), 0, 600_000);
        chain.fund(user.address(), 0, 600_000);
        StructTag walCoin = StructTag.coin(chain.config().walCoinType());
        List<Long> coins = chain.ownedObjects(user.address()).stream()
                .filter(o -> walCoin.equals(o.type()))
                .map(o -> ((CoinData) o.data()).balance())
                .toList();
        assertThat(coins).hasSize(3);
        long perEpoch = SystemInfo.units(owned(id).storageSize()) * STORAGE_PRICE;
        long largest = coins.stream().mapToLong(Long::longValue).max().orElseThrow();
        int epochs = (int) (largest / perEpoch) + 1;
        long cost = perEpoch * epochs;
        assertThat(epochs).isLessThan(50);
        assertThat(cost)
                .isGreaterThan(largest)
                .isLessThanOrEqualTo(client.balances(user.address()).walFrost());

        long walBefore = client.balances(user.address()).walFrost();
        client.extendBlob(user, id, epochs);
        assertThat(walBefore - client.balances(user.address()).walFrost()).isEqualTo(cost);
        assertThat(chain.ownedObjects(user.address()).stream().filter(o -> walCoin.equals(o.type())))
                .hasSizeLessThan(3);
    }

    @Test
    void deletingAPermanentBlobIsRefusedBeforeSending() throws Exception {
        faucet(user.address());
        SuiAddress id = storeBlob(2, false).object().id();
        assertThatThrownBy(() -> client.deleteBlob(user, id)).hasMessageContaining("permanent");
    }
}
