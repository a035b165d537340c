package dev.walrussync.localnet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.SliverType;
import dev.walrussync.walrus.node.ApiSuccess;
import dev.walrussync.walrus.node.EventId;
import dev.walrussync.walrus.node.StorageNodeRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local node accepts and serves the exact bytes the official Walrus encoder produces for a blob. */
class ReferenceBlobUploadTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    private static HttpResponse<byte[]> send(StorageNode node, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUri() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aNodeHoldingEveryShardAcceptsTheReferenceEncodingOfHelloWalrusAndConfirmsIt() throws Exception {
        JsonNode v;
        try (InputStream in = getClass().getResourceAsStream("/walrus-reference/hello_walrus_n10.json")) {
            v = new ObjectMapper().readTree(in);
        }
        int n = v.get("n_shards").asInt();
        BlobId id = BlobId.parse(v.get("blob_id").asText());
        TestChain chain = new TestChain(1);
        chain.register(id, BlobRegistration.permanent(3, new EventId("Reg", 0)));
        Set<Integer> all = new TreeSet<>();
        for (int s = 0; s < n; s++) {
            all.add(s);
        }

        try (StorageNode node = StorageNode.start(StorageNodeConfig.of("ref", all, n, dataDir, 0, chain))) {
            byte[] metadata = HEX.parseHex(v.get("metadata_bcs_hex").asText());
            assertThat(send(node, "PUT", StorageNodeRoutes.metadata(id), metadata)
                            .statusCode())
                    .isEqualTo(201);
            for (int pair = 0; pair < n; pair++) {
                for (SliverType type : SliverType.values()) {
                    String field = type == SliverType.PRIMARY ? "primary_slivers_bcs" : "secondary_slivers_bcs";
                    byte[] sliver = HEX.parseHex(v.get(field).get(pair).asText());
                    HttpResponse<byte[]> put = send(node, "PUT", StorageNodeRoutes.sliver(id, pair, type), sliver);
                    assertThat(put.statusCode())
                            .as("%s sliver of pair %d", type, pair)
                            .isEqualTo(201);
                    assertThat(send(node, "GET", StorageNodeRoutes.sliver(id, pair, type), null)
                                    .body())
                            .isEqualTo(sliver);
                }
            }
            HttpResponse<byte[]> confirmation = send(node, "GET", StorageNodeRoutes.permanentConfirmation(id), null);
            assertThat(confirmation.statusCode()).isEqualTo(200);
            assertThat(ApiSuccess.parse(confirmation.body()).data().has("signed"))
                    .isTrue();
        }
    }
}
