package dev.walrussync.localnet.publisher;

import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code PUT /v1/blobs} and {@code PUT /v1/quilts}, validated as Walrus validates its {@code
 * PublisherQuery} (protocol.md §1.2).
 *
 * <p>Validation happens in two steps, like axum's: {@link #parse} deserializes the query (a failure is axum's
 * plain-text 400, answered before the body is read), and {@link #validate} checks what the handler checks after
 * the body has been accepted (AIP-193 400s).
 *
 * @param reuseResources whether a certified blob object the publisher owns may be reused
 * @param sendObjectTo the address that receives the Blob object, normalised, or null to keep it
 * @param share whether {@code share=true} was asked for
 */
record StoreRequest(
        long epochs,
        boolean permanent,
        boolean deletable,
        boolean force,
        boolean reuseResources,
        @Nullable String sendObjectTo,
        boolean share) {
    /** The one value serde accepts for {@code encoding_type} (the variant name of {@code EncodingType::RS2}). */
    private static final String RS2 = "RS2";

    private static final long U32_MAX = 0xFFFF_FFFFL;

    /** A query string serde cannot deserialize: axum answers a plain-text 400 with this message. */
    static final class MalformedQuery extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedQuery(String detail) {
            super("Failed to deserialize query string: " + detail);
        }
    }

    /** A well-formed query the publisher refuses, with its AIP-193 reason. */
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

    /**
     * Deserializes the query as serde does for {@code PublisherQuery}: {@code epochs} a u32, booleans exactly
     * {@code true} or {@code false}, {@code encoding_type} exactly {@code RS2}, {@code send_object_to} a 32-byte
     * hex address, and at most one of {@code send_object_to} and {@code share}.
     */
    static StoreRequest parse(Map<String, String> q) throws MalformedQuery {
        long epochs = 1;
        if (q.containsKey("epochs")) {
            epochs = u32(q.get("epochs"), "epochs");
        }
        String encoding = q.get("encoding_type");
        if (encoding != null && !encoding.equals(RS2)) {
            throw new MalformedQuery("encoding_type: unknown variant `" + encoding + "`, expected `RS2`");
        }
        String to = q.get("send_object_to");
        if (to != null && q.containsKey("share")) {
            throw new MalformedQuery("send_object_to and share cannot both be given");
        }
        boolean share = bool(q, "share");
        String normalized = to == null ? null : address(to);
        return new StoreRequest(
                epochs,
                bool(q, "permanent"),
                bool(q, "deletable"),
                bool(q, "force"),
                bool(q, "reuse_resources"),
                normalized,
                share);
    }

    /**
     * Checks what the publisher checks once the body is in: the persistence flags, then (ahead of the chain, which
     * would abort {@code EInvalidEpochsAhead}) the epochs, then the features the local network lacks.
     */
    void validate(int maxEpochsAhead) throws InvalidStoreRequest {
        if (permanent && deletable) {
            throw new InvalidStoreRequest(
                    "INVALID_BLOB_PERSISTENCE", "the blob cannot be marked as both deletable and permanent");
        }
        if (epochs < 1 || epochs > maxEpochsAhead) {
            throw new InvalidStoreRequest(
                    "INVALID_EPOCHS_AHEAD",
                    "epochs must be between 1 and " + maxEpochsAhead + " (the maximum ahead), got " + epochs);
        }
        if (share) {
            throw new InvalidStoreRequest(
                    "MALFORMED_REQUEST", "shared blobs are not supported by the local network; use send_object_to");
        }
    }

    private static long u32(String v, String key) throws MalformedQuery {
        String digits = v.startsWith("+") ? v.substring(1) : v;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedQuery(key + ": invalid digit found in string");
        }
        if (digits.length() > 10 || Long.parseLong(digits) > U32_MAX) {
            throw new MalformedQuery(key + ": number too large to fit in target type");
        }
        return Long.parseLong(digits);
    }

    private static boolean bool(Map<String, String> q, String key) throws MalformedQuery {
        String v = q.get(key);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MalformedQuery(key + ": provided string was not `true` or `false`");
        };
    }

    /** A Sui address as serde reads one: 32 bytes of hex, {@code 0x} optional; returned as {@code 0x} + 64 digits. */
    private static String address(String to) throws MalformedQuery {
        String hex = to.startsWith("0x") ? to.substring(2) : to;
        if (hex.length() != 64) {
            throw new MalformedQuery("send_object_to: a Sui address has 32 bytes (64 hex digits), got '" + to + "'");
        }
        try {
            return "0x" + HexFormat.of().formatHex(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new MalformedQuery("send_object_to: invalid hex in '" + to + "'");
        }
    }
}
