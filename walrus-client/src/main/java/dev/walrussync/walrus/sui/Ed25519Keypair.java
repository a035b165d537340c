package dev.walrussync.walrus.sui;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key pair that signs Sui transactions: pure Ed25519 over Blake2b-256 of the intent message. Immutable
 * and thread-safe.
 */
public final class Ed25519Keypair {
    public static final int SEED_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;
    /** Flag, signature and public key. */
    public static final int SERIALIZED_SIGNATURE_LENGTH = 1 + SIGNATURE_LENGTH + PUBLIC_KEY_LENGTH;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final SuiAddress address;

    private Ed25519Keypair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.address = SuiAddress.fromEd25519PublicKey(publicKey);
    }

    /** Derives the key pair from a 32-byte seed (the Sui "secret key"); the seed is copied. */
    public static Ed25519Keypair fromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        return new Ed25519Keypair(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** Generates a fresh key pair. */
    public static Ed25519Keypair generate(SecureRandom random) {
        return new Ed25519Keypair(new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Imports a {@code suiprivkey1…} string.
     *
     * @throws IllegalArgumentException when it is malformed or not an Ed25519 key
     */
    public static Ed25519Keypair fromSuiPrivateKey(String suiPrivateKey) {
        SuiPrivateKey key = SuiPrivateKey.decode(suiPrivateKey);
        if (key.scheme() != SignatureScheme.ED25519) {
            throw new IllegalArgumentException("expected an ED25519 key, got " + key.scheme());
        }
        byte[] seed = key.secretKey();
        try {
            return fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Returns a copy of the 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns the Sui address: Blake2b-256 of {@code 0x00 || publicKey}. */
    public SuiAddress address() {
        return address;
    }

    /** Exports the seed as {@code suiprivkey1…}. */
    public String toSuiPrivateKey() {
        byte[] seed = privateKey.getEncoded();
        try {
            return new SuiPrivateKey(SignatureScheme.ED25519, seed).encode();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Signs transaction bytes: returns the 64-byte Ed25519 signature of Blake2b-256({@code 00 00 00 || txBytes}). */
    public byte[] sign(byte[] txBytes) {
        return signWithIntent(Intent.TRANSACTION_DATA, txBytes);
    }

    /** Signs {@code bcsValue} under {@code intent}; returns the 64-byte signature. */
    public byte[] signWithIntent(Intent intent, byte[] bcsValue) {
        byte[] digest = intent.signingDigest(bcsValue);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(digest, 0, digest.length);
        return signer.generateSignature();
    }

    /** Signs transaction bytes and returns Base64 of {@code 0x00 || signature || publicKey} (97 bytes). */
    public String serializedSignature(byte[] txBytes) {
        return serialize(sign(txBytes), publicKey);
    }

    /** Returns Base64 of {@code 0x00 || signature || publicKey}. */
    public static String serialize(byte[] signature, byte[] publicKey) {
        if (signature.length != SIGNATURE_LENGTH || publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("need a 64-byte signature and a 32-byte public key");
        }
        byte[] out = new byte[SERIALIZED_SIGNATURE_LENGTH];
        out[0] = SignatureScheme.ED25519.flag();
        System.arraycopy(signature, 0, out, 1, SIGNATURE_LENGTH);
        System.arraycopy(publicKey, 0, out, 1 + SIGNATURE_LENGTH, PUBLIC_KEY_LENGTH);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Checks a serialized Ed25519 signature over transaction bytes and returns the signer's address. The caller
     * still has to check that the address is the one expected (the sender or the gas owner).
     *
     * @throws InvalidSignatureException when the signature is not Base64 of 97 bytes, is not Ed25519, or does not
     *     verify for these bytes and this public key
     */
    public static SuiAddress verify(String serializedSignature, byte[] txBytes) throws InvalidSignatureException {
        return verifyWithIntent(serializedSignature, Intent.TRANSACTION_DATA, txBytes);
    }

    /** Like {@link #verify(String, byte[])} for a message under any intent. */
    public static SuiAddress verifyWithIntent(String serializedSignature, Intent intent, byte[] bcsValue)
            throws InvalidSignatureException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(serializedSignature);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("serialized signature is not valid Base64", e);
        }
        if (raw.length == 0) {
            throw new InvalidSignatureException("serialized signature is empty");
        }
        int flag = raw[0] & 0xFF;
        if (flag != (SignatureScheme.ED25519.flag() & 0xFF)) {
            String scheme;
            try {
                scheme = SignatureScheme.fromFlag(flag).name();
            } catch (IllegalArgumentException e) {
                scheme = String.format("unknown flag 0x%02x", flag);
            }
            throw new InvalidSignatureException("unsupported signature scheme " + scheme + "; only ED25519 is");
        }
        if (raw.length != SERIALIZED_SIGNATURE_LENGTH) {
            throw new InvalidSignatureException("an Ed25519 serialized signature is 97 bytes, got " + raw.length);
        }
        byte[] signature = Arrays.copyOfRange(raw, 1, 1 + SIGNATURE_LENGTH);
        byte[] publicKey = Arrays.copyOfRange(raw, 1 + SIGNATURE_LENGTH, raw.length);
        byte[] digest = intent.signingDigest(bcsValue);
        boolean valid;
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(digest, 0, digest.length);
            valid = verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("invalid Ed25519 public key", e);
        }
        if (!valid) {
            throw new InvalidSignatureException("Ed25519 signature does not verify for these bytes and public key");
        }
        return SuiAddress.fromEd25519PublicKey(publicKey);
    }

    /** Names the address only; never prints the key. */
    @Override
    public String toString() {
        return "Ed25519Keypair[" + address + "]";
    }
}
