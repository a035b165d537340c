package dev.walrussync.localnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole network with every storage node in its own OS process: blobs round-trip through the
 * publisher and aggregator, survive f shards' worth of killed nodes, fail clearly beyond that, and
 * are really deleted from the nodes' disks when they expire.
 *
 * <p>Four nodes hold ten shards (f = 3): node-0 holds shards 0, 4, 8; node-1 holds 1, 5, 9; node-2
 * holds 2, 6; node-3 holds 3, 7.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalWalrusNetworkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SuiAddress USER = SuiAddress.parse("0xabc");

    @TempDir
    static Path dir;

    static LocalWalrusNetwork net;

    @BeforeAll
    static void start() throws IOException {
        net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(dir).withNodeProcesses(true), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    @Order(1)
    void endpointsFileNamesEveryService() throws IOException {
        JsonNode e = JSON.readTree(Files.readAllBytes(dir.resolve("endpoints.json")));
        assertThat(e.fieldNames()).toIterable().contains("publisher", "aggregator", "graphql", "faucet", "nodes");
        assertThat(e.get("nodes")).hasSize(4);
        assertThat(e.get("publisher").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    @Order(2)
    void blobRoundTripsThroughPublisherAndAggregatorWithNodesAsProcesses() throws Exception {
        byte[] data = random(1_000_000, 1);
        JsonNode created = store(data, "epochs=3&send_object_to=" + USER).path("newlyCreated");

        String blobId = created.path("blobObject").path("blobId").asText();
        assertThat(blobId).isEqualTo(new BlobEncoder().blobId(data, 10).toString());
        assertThat(created.path("blobObject").path("storage").path("endEpoch").asLong())
                .isEqualTo(net.chain().currentEpoch() + 3);
        long encoded = EncodingConfig.forShards(10).encodedLength(data.length);
        long units = (encoded + (1 << 20) - 1) >> 20;
        var prices = net.chain().systemState();
        assertThat(created.path("resourceOperation")
                        .path("registerFromScratch")
                        .path("encodedLength")
                        .asLong())
                .isEqualTo(encoded);
        assertThat(created.path("cost").asLong())
                .isEqualTo(units * prices.storagePricePerUnitSize() * 3 + units * prices.writePricePerUnitSize());
        assertThat(net.chain()
                        .object(SuiAddress.parse(
                                created.path("blobObject").path("id").asText())))
                .hasValueSatisfying(o -> assertThat(o.owner().addressOwner()).isEqualTo(USER));
        assertThat(read(blobId).body()).isEqualTo(data);
    }

    @Test
    @Order(3)
    void readsAndWritesSucceedWithFShardsOfNodesKilled() throws Exception {
        byte[] before = random(300_000, 2);
        String earlier = store(before, "epochs=2")
                .path("newlyCreated")
                .path("blobObject")
                .path("blobId")
                .asText();
        net.nodeProcess(0).destroyForcibly().waitFor();

        byte[] data = random(500_000, 3);
        JsonNode created = store(data, "epochs=2").path("newlyCreated");

        assertThat(read(created.path("blobObject").path("blobId").asText()).body())
                .isEqualTo(data);
        assertThat(read(earlier).body()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void writesFailClearlyBeyondFAndReadsFailBeyondTwoF() throws Exception {
        byte[] kept = random(200_000, 4);
        String keptId = store(kept, "epochs=2")
                .path("newlyCreated")
                .path("blobObject")
                .path("blobId")
                .asText();
        byte[] unread = random(150_000, 7);
        String unreadId = store(unread, "epochs=2")
                .path("newlyCreated")
                .path("blobObject")
                .path("blobId")
                .asText();
        net.nodeProcess(1).destroyForcibly().waitFor();

        HttpResponse<byte[]> refused = put(random(100_000, 5), "epochs=2");
        assertThat(refused.statusCode()).isEqualTo(504);
        assertThat(new String(refused.body())).contains("INSUFFICIENT_CONFIRMATIONS");
        assertThat(read(keptId).body())
                .as("4 shards still hold the 4 primary slivers a read needs")
                .isEqualTo(kept);

        net.nodeProcess(2).destroyForcibly().waitFor();
        HttpResponse<byte[]> unavailable = HTTP.send(
                HttpRequest.newBuilder(net.aggregatorUri().resolve("/v1/blobs/" + unreadId))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(new String(unavailable.body())).contains("BLOB_UNAVAILABLE");

        net.startNode(0);
        net.startNode(1);
        net.startNode(2);
        assertThat(read(unreadId).body()).isEqualTo(unread);
    }

    @Test
    @Order(5)
    void expiredBlobsAreDeletedFromTheNodesDisks() throws Exception {
        byte[] data = random(50_000, 6);
        String blobId = store(data, "epochs=1")
                .path("newlyCreated")
                .path("blobObject")
                .path("blobId")
                .asText();
        assertThat(filesNaming(blobId)).isNotEmpty();

        net.advanceEpoch();

        HttpResponse<byte[]> gone = HTTP.send(
                HttpRequest.newBuilder(net.aggregatorUri().resolve("/v1/blobs/" + blobId))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new String(gone.body())).contains("BLOB_NOT_FOUND");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!filesNaming(blobId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(filesNaming(blobId))
                .as("slivers and metadata on the nodes' disks")
                .isEmpty();
    }

    /** Files on the nodes' disks whose path names the blob; the nodes may be deleting them meanwhile. */
    private static java.util.List<Path> filesNaming(String blobId) throws IOException {
        java.util.List<Path> found = new java.util.ArrayList<>();
        Files.walkFileTree(dir.resolve("nodes"), new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                if (file.toString().contains(blobId)) {
                    found.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE; // deleted while we walked: it is gone
                }
                throw e;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static JsonNode store(byte[] data, String query) throws Exception {
        HttpResponse<byte[]> r = put(data, query);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<byte[]> put(byte[] data, String query) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(net.publisherUri() + "/v1/blobs?" + query))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> read(String blobId) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(net.aggregatorUri().resolve("/v1/blobs/" + blobId))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(() -> new String(r.body())).isEqualTo(200);
        return r;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        Arrays.fill(b, size / 2, size / 2 + Math.min(1000, size / 4), (byte) 7);
        return b;
    }
}
