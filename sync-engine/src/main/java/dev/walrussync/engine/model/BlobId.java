package dev.walrussync.engine.model;

/**
 * The ID a store gives a blob: the Walrus blob ID, or for the directory store the unpadded base64url
 * SHA-256 of its bytes. Both are 43 URL-safe characters, but stores may use any non-blank text.
 */
public record BlobId(String value) {
    public BlobId {
        if (value.isBlank() || value.contains("/") || value.contains("\\") || value.startsWith(".")) {
            throw new IllegalArgumentException("not a blob ID: '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
