package dev.walrussync.localnet.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.localnet.network.ChainPublisher;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store during which the epoch changes after the storage nodes signed their confirmations and before the
 * certification: {@code certify_blob} takes only a certificate of the current epoch, so the publisher collects
 * the confirmations again in the new epoch and certifies the blob it registered (as Walrus's client retries a
 * store an epoch change interrupted), instead of answering 500. The daemon runs on a started local network with
 * the network's own {@link ChainPublisher}; the only addition is the epoch change just before the first
 * certification.
 */
class EpochChangeStoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHARDS = 10;

    @TempDir
    Path dir;

    @Test
    void confirmationsOutdatedByAnEpochChangeAreCollectedAgainAndTheRegistrationIsCertified() throws Exception {
        try (LocalWalrusNetwork net =
                        LocalWalrusNetwork.start(LocalWalrusNetwork.Options.defaults(dir), Clock.systemUTC());
                WalrusDaemon daemon = WalrusDaemon.start(
                        WalrusDaemon.Config.defaults(0, SHARDS, net.committee()), new EpochChangeBeforeCertify(net));
                HttpClient http = HttpClient.newHttpClient()) {
            byte[] data = new byte[20_000];
            new Random(7).nextBytes(data);
            String owner = Ed25519Keypair.fromSeed(new byte[32]).address().toString();
            long epoch = net.chain().currentEpoch();

            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(daemon.baseUri() + "/v1/blobs?epochs=3&send_object_to=" + owner))
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(r.statusCode())
                    .as(new String(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            JsonNode blob = JSON.readTree(r.body()).at("/newlyCreated/blobObject");
            assertThat(net.chain().currentEpoch()).isEqualTo(epoch + 1);
            assertThat(blob.get("registeredEpoch").asLong()).isEqualTo(epoch);
            assertThat(blob.get("certifiedEpoch").asLong()).isEqualTo(epoch + 1);
            assertThat(blob.at("/storage/endEpoch").asLong())
                    .as("registration epoch + epochs")
                    .isEqualTo(epoch + 3);
            BlobId id = BlobId.parse(blob.get("blobId").asText());
            assertThat(net.chain().blobStatus(id).objects())
                    .as("one registration, certified")
                    .singleElement()
                    .satisfies(o -> assertThat(o.isCertified()).isTrue());
            HttpResponse<byte[]> read = http.send(
                    HttpRequest.newBuilder(URI.create(daemon.baseUri() + "/v1/blobs/" + id))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(data);
        }
    }

    /** The network's publisher chain, which advances the epoch once, just before the first certification. */
    private static final class EpochChangeBeforeCertify extends ForwardingPublisherChain {
        private final LocalWalrusNetwork net;
        private final AtomicBoolean pending = new AtomicBoolean(true);

        EpochChangeBeforeCertify(LocalWalrusNetwork net) {
            super(new ChainPublisher(net.chain(), net.publisherAddress()));
            this.net = net;
        }

        @Override
        public ChainBlob certify(String objectId, List<SignedStorageConfirmation> confirmations) throws ChainException {
            if (pending.compareAndSet(true, false)) {
                net.advanceEpoch();
            }
            return super.certify(objectId, confirmations);
        }
    }
}
