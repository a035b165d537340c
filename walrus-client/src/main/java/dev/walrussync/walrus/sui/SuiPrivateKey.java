package dev.walrussync.walrus.sui;

import java.util.Arrays;
import java.util.Objects;

/**
 * A private key in Sui's export form {@code suiprivkey1…}: Bech32 with prefix {@code suiprivkey} over the scheme
 * flag byte followed by the 32-byte secret (for Ed25519, the seed).
 *
 * @param scheme the signature scheme
 * @param secretKey the 32-byte secret
 */
public record SuiPrivateKey(SignatureScheme scheme, byte[] secretKey) {
    /** The Bech32 prefix. */
    public static final String PREFIX = "suiprivkey";

    public static final int SECRET_KEY_LENGTH = 32;

    public SuiPrivateKey {
        Objects.requireNonNull(scheme, "scheme");
        if (secretKey.length != SECRET_KEY_LENGTH) {
            throw new IllegalArgumentException("a Sui private key is 32 bytes, got " + secretKey.length);
        }
        secretKey = secretKey.clone();
    }

    /** Returns a copy of the secret. */
    @Override
    public byte[] secretKey() {
        return secretKey.clone();
    }

    /** Returns the {@code suiprivkey1…} string. */
    public String encode() {
        byte[] payload = new byte[1 + SECRET_KEY_LENGTH];
        payload[0] = scheme.flag();
        System.arraycopy(secretKey, 0, payload, 1, SECRET_KEY_LENGTH);
        try {
            return Bech32.encode(PREFIX, payload);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /**
     * Decodes a {@code suiprivkey1…} string.
     *
     * @throws IllegalArgumentException when it is not valid Bech32, has another prefix, is not 33 bytes, or names
     *     an unknown scheme
     */
    public static SuiPrivateKey decode(String text) {
        Bech32.Decoded decoded = Bech32.decode(text);
        if (!decoded.hrp().equals(PREFIX)) {
            throw new IllegalArgumentException(
                    "not a Sui private key: prefix is '" + decoded.hrp() + "', expected '" + PREFIX + "'");
        }
        byte[] payload = decoded.data();
        try {
            if (payload.length != 1 + SECRET_KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "a Sui private key holds 33 bytes (flag and secret), got " + payload.length);
            }
            return new SuiPrivateKey(
                    SignatureScheme.fromFlag(payload[0] & 0xFF), Arrays.copyOfRange(payload, 1, payload.length));
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuiPrivateKey other && scheme == other.scheme && Arrays.equals(secretKey, other.secretKey);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + Arrays.hashCode(secretKey);
    }

    /** Names the scheme only; never prints the secret. */
    @Override
    public String toString() {
        return "SuiPrivateKey[" + scheme + ", secret redacted]";
    }
}
