package dev.walrussync.localnet.publisher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.localnet.publisher.PublisherChain.ChainBlob;
import dev.walrussync.walrus.node.ApiError;
import dev.walrussync.walrus.node.ApiStatusCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The publisher's JSON bodies, with the exact camelCase wire names of Walrus's {@code BlobStoreResult}
 * (protocol.md §1.3), and its AIP-193 errors in the {@code daemon.walrus.space} domain (§1.6).
 */
final class DaemonResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private DaemonResponses() {}

    static byte[] newlyCreated(ChainBlob blob, long encodedLength, int epochsAhead, long cost) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode created = root.putObject("newlyCreated");
        created.set("blobObject", blobObject(blob));
        ObjectNode op = created.putObject("resourceOperation").putObject("registerFromScratch");
        op.put("encodedLength", encodedLength);
        op.put("epochsAhead", epochsAhead);
        created.put("cost", cost);
        return bytes(root);
    }

    static ObjectNode blobObject(ChainBlob blob) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", blob.objectId());
        o.put("registeredEpoch", blob.registeredEpoch());
        o.put("blobId", blob.blobId().toString());
        o.put("size", blob.size());
        o.put("encodingType", "RS2");
        if (blob.certifiedEpoch().isPresent()) {
            o.put("certifiedEpoch", blob.certifiedEpoch().getAsLong());
        } else {
            o.putNull("certifiedEpoch");
        }
        ObjectNode storage = o.putObject("storage");
        storage.put("id", blob.storageId());
        storage.put("startEpoch", blob.startEpoch());
        storage.put("endEpoch", blob.endEpoch());
        storage.put("storageSize", blob.storageSize());
        o.put("deletable", blob.deletable());
        return o;
    }

    /**
     * {@code alreadyCertified}: with {@code object} when the existing blob is deletable (its owner can
     * use it), else with the {@code event} that certified it.
     */
    static byte[] alreadyCertified(ChainBlob blob) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode ac = root.putObject("alreadyCertified");
        ac.put("blobId", blob.blobId().toString());
        if (blob.deletable() || blob.certifiedEvent().isEmpty()) {
            ac.put("object", blob.objectId());
        } else {
            ac.set("event", blob.certifiedEvent().get().toJson());
        }
        ac.put("endEpoch", blob.endEpoch());
        return bytes(root);
    }

    static ApiError error(ApiStatusCode status, String reason, String message) {
        return new ApiError(status, message, reason, ApiError.DAEMON_DOMAIN, Map.of());
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
