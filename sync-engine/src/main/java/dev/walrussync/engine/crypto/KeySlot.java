package dev.walrussync.engine.crypto;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One key slot of a key blob: the master key wrapped under a key-encryption key derived from a
 * passphrase or a recovery phrase. Immutable; array accessors return copies.
 *
 * <p>Create slots with {@link KeySlots}; the factories here only assemble and validate the fields,
 * as {@link KeyFile#parse(byte[])} does.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 3.2</a>
 */
public final class KeySlot {
    /** Length of a slot's KDF salt. */
    public static final int SALT_LENGTH = 16;
    /** Length of a wrapped master key: nonce, encrypted key and tag. */
    public static final int WRAPPED_KEY_LENGTH = Aead.OVERHEAD + MasterKey.LENGTH;
    /** Length of a sealed recovery phrase: nonce, encrypted entropy and tag. */
    public static final int SEALED_PHRASE_LENGTH = Aead.OVERHEAD + RecoveryPhrase.ENTROPY_LENGTH;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}");

    /** What the user holds to open a slot; each kind has one KDF. */
    public enum Kind {
        PASSPHRASE("passphrase", "argon2id"),
        RECOVERY_PHRASE("recovery-phrase", "hkdf-sha256");

        private final String jsonName;
        private final String kdfName;

        Kind(String jsonName, String kdfName) {
            this.jsonName = jsonName;
            this.kdfName = kdfName;
        }

        /** The name in the key blob's {@code "kind"} field. */
        public String jsonName() {
            return jsonName;
        }

        /** The name in the key blob's {@code "kdf.name"} field. */
        public String kdfName() {
            return kdfName;
        }

        /** Returns the kind with this JSON name, or empty. */
        public static Optional<Kind> fromJsonName(String name) {
            for (Kind kind : values()) {
                if (kind.jsonName.equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private final String id;
    private final Kind kind;
    private final Instant created;
    private final byte[] salt;
    private final @Nullable Argon2Params argon2Params;
    private final byte[] wrappedKey;
    private final byte @Nullable [] sealedPhrase;

    private KeySlot(
            String id,
            Kind kind,
            Instant created,
            byte[] salt,
            @Nullable Argon2Params argon2Params,
            byte[] wrappedKey,
            byte @Nullable [] sealedPhrase) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key slot id is 8 lower-case hex characters, got '" + id + "'");
        }
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException(
                    "a key slot salt has " + SALT_LENGTH + " bytes, got " + salt.length + " (slot " + id + ")");
        }
        if (wrappedKey.length != WRAPPED_KEY_LENGTH) {
            throw new IllegalArgumentException("a wrapped key has " + WRAPPED_KEY_LENGTH + " bytes, got "
                    + wrappedKey.length + " (slot " + id + ")");
        }
        if (sealedPhrase != null && sealedPhrase.length != SEALED_PHRASE_LENGTH) {
            throw new IllegalArgumentException("a sealed recovery phrase has " + SEALED_PHRASE_LENGTH + " bytes, got "
                    + sealedPhrase.length + " (slot " + id + ")");
        }
        this.id = id;
        this.kind = kind;
        this.created = created;
        this.salt = salt.clone();
        this.argon2Params = argon2Params;
        this.wrappedKey = wrappedKey.clone();
        this.sealedPhrase = sealedPhrase == null ? null : sealedPhrase.clone();
    }

    /** Assembles a passphrase slot; copies the arrays. */
    public static KeySlot passphrase(
            String id, Instant created, byte[] salt, Argon2Params argon2Params, byte[] wrappedKey) {
        Objects.requireNonNull(argon2Params, "argon2Params");
        return new KeySlot(id, Kind.PASSPHRASE, created, salt, argon2Params, wrappedKey, null);
    }

    /** Assembles a recovery-phrase slot without a sealed phrase, as key blobs before it have them; copies the arrays. */
    public static KeySlot recoveryPhrase(String id, Instant created, byte[] salt, byte[] wrappedKey) {
        return recoveryPhrase(id, created, salt, wrappedKey, null);
    }

    /**
     * Assembles a recovery-phrase slot; copies the arrays.
     *
     * @param sealedPhrase the phrase's entropy sealed under the master key ({@link KeySlots}), or null
     */
    public static KeySlot recoveryPhrase(
            String id, Instant created, byte[] salt, byte[] wrappedKey, byte @Nullable [] sealedPhrase) {
        return new KeySlot(id, Kind.RECOVERY_PHRASE, created, salt, null, wrappedKey, sealedPhrase);
    }

    /** Eight lower-case hex characters, unique within a key blob. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Instant created() {
        return created;
    }

    /** {@code "argon2id"} or {@code "hkdf-sha256"}, fixed by the kind. */
    public String kdfName() {
        return kind.kdfName();
    }

    /** Returns a copy of the 16-byte KDF salt. */
    public byte[] salt() {
        return salt.clone();
    }

    /** The Argon2id costs of a passphrase slot; empty for a recovery-phrase slot. */
    public Optional<Argon2Params> argon2Params() {
        return Optional.ofNullable(argon2Params);
    }

    /** Returns a copy of {@code nonce || encrypted master key || tag}. */
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /**
     * Returns a copy of {@code nonce || encrypted entropy || tag}: the recovery phrase sealed under the
     * master key, so that it can be shown again. Empty for a passphrase slot, and for a recovery-phrase
     * slot written before sealed phrases existed.
     */
    public Optional<byte[]> sealedPhrase() {
        return Optional.ofNullable(sealedPhrase).map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeySlot other
                && id.equals(other.id)
                && kind == other.kind
                && created.equals(other.created)
                && Arrays.equals(salt, other.salt)
                && Objects.equals(argon2Params, other.argon2Params)
                && Arrays.equals(wrappedKey, other.wrappedKey)
                && Arrays.equals(sealedPhrase, other.sealedPhrase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                kind,
                created,
                Arrays.hashCode(salt),
                argon2Params,
                Arrays.hashCode(wrappedKey),
                Arrays.hashCode(sealedPhrase));
    }

    @Override
    public String toString() {
        return "KeySlot[" + id + ", " + kind.jsonName() + ", created " + created
                + (argon2Params == null ? "" : ", " + argon2Params)
                + (sealedPhrase == null ? "" : ", sealed phrase") + "]";
    }
}
