package dev.walrussync.localnet.clientcompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.walrussync.localnet.chain.ChainConfig;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.chain.CommitteeNode;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.health.NodeHealth;
import dev.walrussync.walrus.health.NodeHealthClient;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusApiException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.publisher.AggregatorClient;
import dev.walrussync.walrus.publisher.BlobNotFoundException;
import dev.walrussync.walrus.publisher.PayloadTooLargeException;
import dev.walrussync.walrus.publisher.PublisherClient;
import dev.walrussync.walrus.publisher.StoreOptions;
import dev.walrussync.walrus.publisher.StoreResult;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walrus-client HTTP clients against the real local network: what the publisher, aggregator and
 * storage nodes of walrus-localnet serve, the client must accept, and the reverse.
 */
class ClientCompatibilityIT {
    private static final SuiAddress USER =
            SuiAddress.parse("0x00000000000000000000000000000000000000000000000000000000000c11e7");
    /** Below what Walrus can encode for 10 shards (1,834,952 bytes), so that the publisher's 413 is reachable. */
    private static final long MAX_BODY = 1_500_000;

    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500));

    @TempDir
    static Path dir;

    static LocalWalrusNetwork net;
    static WalrusNetwork network;
    static int nShards;

    @BeforeAll
    static void start() throws IOException {
        net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(dir.resolve("net")).withMaxBodySize(MAX_BODY), Clock.systemUTC());
        ChainConfig config = net.chain().config();
        nShards = config.nShards();
        network = new WalrusNetwork(
                "local",
                List.of(net.publisherUri()),
                List.of(net.aggregatorUri()),
                net.graphQlUri(),
                net.faucetUri(),
                config.walrusOriginalPackageId(),
                config.walCoinType().toString(),
                config.systemObjectId(),
                null,
                null,
                MAX_BODY);
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void storesAMegabyteForTheUserAndReadsItBackWholeAndByRange() throws Exception {
        byte[] data = random(1_000_000, 11);
        PublisherClient publisher = new PublisherClient(network, nShards, RETRY);
        AggregatorClient aggregator = new AggregatorClient(network, RETRY);
        long epoch = net.chain().currentEpoch();

        StoreResult result = publisher.store(data, new StoreOptions(3, USER, false));

        assertThat(result).isInstanceOfSatisfying(StoreResult.NewlyCreated.class, created -> {
            assertThat(created.blobObject().size()).isEqualTo(data.length);
            assertThat(created.blobObject().deletable()).isFalse();
            assertThat(created.endEpoch()).isEqualTo(epoch + 3);
            assertThat(created.encodedLength())
                    .isEqualTo(EncodingConfig.forShards(nShards).encodedLength(data.length));
            assertThat(created.epochsAhead()).isEqualTo(3);
            assertThat(created.cost()).isPositive();
            assertThat(net.chain().object(SuiAddress.parse(created.blobObject().objectId())))
                    .hasValueSatisfying(
                            o -> assertThat(o.owner().addressOwner()).isEqualTo(USER));
        });
        assertThat(result.blobId())
                .isEqualTo(new BlobEncoder().blobId(data, nShards).toString());

        assertThat(aggregator.read(result.blobId())).isEqualTo(data);
        assertThat(aggregator.readRange(result.blobId(), 123_456, 70_000))
                .isEqualTo(Arrays.copyOfRange(data, 123_456, 193_456));
        assertThat(aggregator.readRange(result.blobId(), data.length - 10, 10))
                .isEqualTo(Arrays.copyOfRange(data, data.length - 10, data.length));
        WalrusApiException beyond = catchThrowableOfType(
                WalrusApiException.class, () -> aggregator.readRange(result.blobId(), data.length - 10, 11));
        assertThat(beyond.httpStatus()).isEqualTo(416);
        assertThat(beyond.retryable()).isFalse();

        StoreResult again = publisher.store(data, new StoreOptions(2, USER, false));
        assertThat(again).isInstanceOfSatisfying(StoreResult.AlreadyCertified.class, certified -> {
            assertThat(certified.blobId()).isEqualTo(result.blobId());
            assertThat(certified.endEpoch()).isEqualTo(epoch + 3);
            assertThat(certified.event()).isNotNull();
        });
    }

    @Test
    void storesADeletableBlobFromAFile() throws Exception {
        byte[] data = random(200_000, 12);
        Path file = Files.write(dir.resolve("pack"), data);

        StoreResult result = new PublisherClient(network, nShards, RETRY).store(file, new StoreOptions(1, USER, true));

        assertThat(result)
                .isInstanceOfSatisfying(
                        StoreResult.NewlyCreated.class,
                        created -> assertThat(created.blobObject().deletable()).isTrue());
        assertThat(new AggregatorClient(network, RETRY).read(result.blobId())).isEqualTo(data);
    }

    @Test
    void aBlobLargerThanThePublisherAcceptsIsPayloadTooLargeFromThePublisher() {
        WalrusNetwork generous = new WalrusNetwork(
                network.name(),
                network.publishers(),
                network.aggregators(),
                network.graphql(),
                network.faucet(),
                network.walrusOriginalPackage(),
                network.walCoinType(),
                network.systemObject(),
                null,
                null,
                Long.MAX_VALUE);
        byte[] data = random((int) MAX_BODY + 1, 14);

        PayloadTooLargeException e = catchThrowableOfType(
                PayloadTooLargeException.class,
                () -> new PublisherClient(generous, nShards, RETRY).store(data, new StoreOptions(1, null, true)));

        assertThat(e.getMessage())
                .contains("HTTP 413")
                .contains(net.publisherUri().toString());
        assertThat(e.sentBytes()).isEqualTo(data.length);
    }

    @Test
    void anUnknownBlobIsNotFound() {
        String unknown = new BlobEncoder().blobId(random(1000, 13), nShards).toString();

        assertThatThrownBy(() -> new AggregatorClient(network, RETRY).read(unknown))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("BLOB_NOT_FOUND");
    }

    @Test
    void everyNodeIsHealthyAndTogetherTheyOwnEveryShard() {
        List<CommitteeNode> nodes = new ArrayList<>();
        List<URI> uris = net.nodeUris();
        for (int i = 0; i < uris.size(); i++) {
            nodes.add(new CommitteeNode("0x" + i, "node-" + i, uris.get(i), 0));
        }

        List<NodeHealth> health = new NodeHealthClient(Duration.ofSeconds(5)).check(nodes);

        assertThat(health).hasSize(net.nodeCount()).allSatisfy(h -> {
            assertThat(h.reachable()).as(h.error()).isTrue();
            assertThat(h.nodeStatus()).isEqualTo("Active");
            assertThat(h.epoch()).isEqualTo(net.chain().currentEpoch());
            assertThat(h.shardsOwned()).isPositive();
        });
        assertThat(health.stream().mapToInt(NodeHealth::shardsOwned).sum()).isEqualTo(nShards);
        assertThat(health).extracting(NodeHealth::url).containsExactlyElementsOf(uris);
    }
}
