package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A node's signed storage confirmation, JSON {@code {"signed": {"serializedMessage": <base64 BCS ProtocolMessage>,
 * "signature": <base64>}}} (the data of the confirmation routes).
 *
 * <p>Real nodes sign with BLS12-381 (min-pk, 96-byte signatures); the signature bytes are opaque here so that a
 * stand-in may use another scheme.
 */
public final class SignedStorageConfirmation {
    private final byte[] serializedMessage;
    private final byte[] signature;

    private SignedStorageConfirmation(byte[] serializedMessage, byte[] signature) {
        this.serializedMessage = serializedMessage;
        this.signature = signature;
    }

    /** Wraps copies of the serialized message and the signature over it. */
    public static SignedStorageConfirmation of(byte[] serializedMessage, byte[] signature) {
        Objects.requireNonNull(serializedMessage, "serializedMessage");
        Objects.requireNonNull(signature, "signature");
        return new SignedStorageConfirmation(serializedMessage.clone(), signature.clone());
    }

    /** A copy of the BCS bytes that were signed. */
    public byte[] serializedMessage() {
        return serializedMessage.clone();
    }

    /** A copy of the signature bytes. */
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Decodes the signed message (without checking the signature).
     *
     * @throws IllegalArgumentException if it is not a storage confirmation
     */
    public ProtocolMessage message() {
        return ProtocolMessage.fromBcs(serializedMessage);
    }

    /** The JSON form {@code {"signed": {...}}}. */
    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        ObjectNode signed = root.putObject("signed");
        signed.put("serializedMessage", Base64.getEncoder().encodeToString(serializedMessage));
        signed.put("signature", Base64.getEncoder().encodeToString(signature));
        return root;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException if it is not a signed storage confirmation
     */
    public static SignedStorageConfirmation fromJson(JsonNode json) {
        JsonNode signed = Json.objectField(json, "signed");
        try {
            return new SignedStorageConfirmation(
                    Base64.getDecoder().decode(Json.text(signed, "serializedMessage")),
                    Base64.getDecoder().decode(Json.text(signed, "signature")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed signed storage confirmation: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedStorageConfirmation other
                && Arrays.equals(serializedMessage, other.serializedMessage)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serializedMessage) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedStorageConfirmation[" + serializedMessage.length + " B message, " + signature.length
                + " B signature]";
    }
}
