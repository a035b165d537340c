package dev.walrussync.localnet.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.localnet.node.BlobRegistration;
import dev.walrussync.localnet.node.ChainView;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.EventId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** The chain as a storage-node process sees it, through the network's {@link InternalApi}. */
final class RemoteChainView implements ChainView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RemoteChainView(URI base) {
        this.base = base;
    }

    @Override
    public long currentEpoch() {
        return get(InternalApi.EPOCH).get("epoch").asLong();
    }

    @Override
    public Optional<BlobRegistration> registration(BlobId blobId) {
        JsonNode r = get(InternalApi.REGISTRATION_PREFIX + blobId + InternalApi.REGISTRATION_SUFFIX)
                .get("registration");
        if (r == null || r.isNull()) {
            return Optional.empty();
        }
        BlobPersistenceType persistence = r.get("deletable").asBoolean()
                ? BlobPersistenceType.deletable(
                        BlobPersistenceType.parseObjectId(r.get("objectId").asText()))
                : BlobPersistenceType.permanent();
        OptionalLong certified = r.hasNonNull("certifiedEpoch")
                ? OptionalLong.of(r.get("certifiedEpoch").asLong())
                : OptionalLong.empty();
        return Optional.of(new BlobRegistration(
                r.get("endEpoch").asLong(), persistence, certified, EventId.fromJson(r.get("event"))));
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(new IOException(
                        "the network's internal API answered " + response.statusCode() + " for " + path));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the network at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
