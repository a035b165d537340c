package dev.walrussync.localnet.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.localnet.publisher.PublisherChain.ChainBlob;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.ApiError;
import dev.walrussync.walrus.node.ApiStatusCode;
import dev.walrussync.walrus.quilt.QuiltPatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The publisher's JSON bodies, with the exact camelCase wire names of Walrus's {@code BlobStoreResult}
 * (protocol.md §1.3), and its AIP-193 errors in the {@code daemon.walrus.space} domain (§1.6).
 */
final class DaemonResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private DaemonResponses() {}

    static ObjectNode newlyCreated(ChainBlob blob, long encodedLength, long epochsAhead, long cost) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode created = root.putObject("newlyCreated");
        created.set("blobObject", blobObject(blob));
        ObjectNode op = created.putObject("resourceOperation").putObject("registerFromScratch");
        op.put("encodedLength", encodedLength);
        op.put("epochsAhead", epochsAhead);
        created.put("cost", cost);
        return root;
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
     * {@code alreadyCertified}: with the {@code event} that certified the permanent blob storage nodes report, or,
     * when the publisher reused a certified blob object it owns ({@code reuse_resources}), with that {@code object}.
     */
    static ObjectNode alreadyCertified(ChainBlob blob, boolean withObject) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode ac = root.putObject("alreadyCertified");
        ac.put("blobId", blob.blobId().toString());
        if (withObject) {
            ac.put("object", blob.objectId());
        } else {
            ac.set("event", blob.certifiedEvent().orElseThrow().toJson());
        }
        ac.put("endEpoch", blob.endEpoch());
        return root;
    }

    /**
     * {@code QuiltStoreResult}: the quilt blob's {@code BlobStoreResult} and, per patch in quilt order, its
     * identifier, patch ID and column range {@code [start, end]} (as {@code reserve_and_store_quilt} fills it).
     */
    static ObjectNode quiltStoreResult(ObjectNode blobStoreResult, BlobId quiltId, List<QuiltPatch> patches) {
        ObjectNode root = JSON.createObjectNode();
        root.set("blobStoreResult", blobStoreResult);
        ArrayNode stored = root.putArray("storedQuiltBlobs");
        for (QuiltPatch p : patches) {
            ObjectNode o = stored.addObject();
            o.put("identifier", p.identifier());
            o.put("quiltPatchId", p.patchId(quiltId).toString());
            o.putArray("range").add(p.startIndex()).add(p.endIndex());
        }
        return root;
    }

    /** {@code GET /v1/quilts/{id}/patches}: {@code QuiltPatchItem}s, whose {@code patch_id} is snake_case. */
    static ArrayNode quiltPatches(BlobId quiltId, List<QuiltPatch> patches) {
        ArrayNode out = JSON.createArrayNode();
        for (QuiltPatch p : patches) {
            ObjectNode o = out.addObject();
            o.put("identifier", p.identifier());
            o.put("patch_id", p.patchId(quiltId).toString());
            ObjectNode tags = o.putObject("tags");
            p.tags().forEach(tags::put);
        }
        return out;
    }

    static ApiError error(ApiStatusCode status, String reason, String message) {
        return new ApiError(status, message, reason, ApiError.DAEMON_DOMAIN, Map.of());
    }

    /** Walrus's internal error: the same fixed message, reason and {@code global} domain for every cause. */
    static ApiError internal() {
        return new ApiError(
                ApiStatusCode.INTERNAL,
                "an internal error has occurred, please report it",
                "INTERNAL_ERROR",
                ApiError.GLOBAL_DOMAIN,
                Map.of());
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
