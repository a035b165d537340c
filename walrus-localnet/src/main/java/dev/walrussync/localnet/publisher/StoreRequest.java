package dev.walrussync.localnet.publisher;

import dev.walrussync.walrus.node.BlobPersistenceType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code PUT /v1/blobs}, validated as Walrus validates it (protocol.md §1.2).
 *
 * @param sendObjectTo the address that receives the Blob object, normalised, or null to keep it
 */
record StoreRequest(
        int epochs,
        boolean permanent,
        boolean force,
        @Nullable String sendObjectTo) {
    private static final Set<String> ENCODINGS = Set.of("rs2", "reed-solomon", "redstuff/reed-solomon");

    /** A query the publisher refuses, with its AIP-193 reason. */
    static final class InvalidStoreRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        InvalidStoreRequest(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    static StoreRequest parse(Map<String, String> q, int maxEpochsAhead) throws InvalidStoreRequest {
        int epochs = 1;
        if (q.containsKey("epochs")) {
            try {
                epochs = Integer.parseInt(q.get("epochs"));
            } catch (NumberFormatException e) {
                throw new InvalidStoreRequest(
                        "MALFORMED_REQUEST", "epochs must be a number, got '" + q.get("epochs") + "'");
            }
        }
        if (epochs < 1 || epochs > maxEpochsAhead) {
            throw new InvalidStoreRequest(
                    "INVALID_EPOCHS_AHEAD",
                    "epochs must be between 1 and " + maxEpochsAhead + " (the maximum ahead), got " + epochs);
        }
        boolean permanent = bool(q, "permanent");
        boolean deletable = bool(q, "deletable");
        if (permanent && deletable) {
            throw new InvalidStoreRequest("INVALID_BLOB_PERSISTENCE", "a blob cannot be both permanent and deletable");
        }
        String encoding = q.get("encoding_type");
        if (encoding != null && !ENCODINGS.contains(encoding.toLowerCase(Locale.ROOT))) {
            throw new InvalidStoreRequest("MALFORMED_REQUEST", "unsupported encoding type '" + encoding + "'; use RS2");
        }
        boolean share = bool(q, "share");
        String to = q.get("send_object_to");
        if (share && to != null) {
            throw new InvalidStoreRequest("MALFORMED_REQUEST", "share and send_object_to cannot be used together");
        }
        if (share) {
            throw new InvalidStoreRequest(
                    "MALFORMED_REQUEST", "shared blobs are not supported by the local network; use send_object_to");
        }
        String normalized = null;
        if (to != null) {
            try {
                normalized = "0x" + java.util.HexFormat.of().formatHex(BlobPersistenceType.parseObjectId(to));
            } catch (IllegalArgumentException e) {
                throw new InvalidStoreRequest("MALFORMED_REQUEST", "send_object_to is not a Sui address: " + to);
            }
        }
        return new StoreRequest(epochs, permanent, bool(q, "force"), normalized);
    }

    private static boolean bool(Map<String, String> q, String key) throws InvalidStoreRequest {
        String v = q.get(key);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "true", "" -> true;
            case "false" -> false;
            default ->
                throw new InvalidStoreRequest("MALFORMED_REQUEST", key + " must be true or false, got '" + v + "'");
        };
    }
}
