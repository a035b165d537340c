package dev.walrussync.engine.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce; the output is {@code nonce || ciphertext || tag}.
 *
 * <p>Thread-safe: every call uses its own {@link Cipher}.
 */
public final class Aead {
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    /** Bytes that encryption adds to a plaintext. */
    public static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;

    /** Messages and their size for {@link #warmUp(SecureRandom)}: enough calls for HotSpot's C2 compiler to kick in. */
    private static final int WARM_UP_MESSAGES = 6000;

    private static final int WARM_UP_MESSAGE_SIZE = 8192;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** Keeps a reference to {@code key}; the caller keeps ownership of the array. */
    public Aead(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /**
     * Encrypts and decrypts a few thousand small messages under a throwaway key, so that HotSpot
     * compiles its AES-GCM intrinsics before real data arrives. Without this a short-lived process
     * runs GCM at about 60 MB/s instead of over 1 GB/s: a megabyte-sized {@code doFinal} is a single
     * call, and a handful of them never reach the compiler's invocation threshold. Call it on a
     * background thread early (for example while the passphrase KDF runs).
     */
    public static void warmUp(SecureRandom random) {
        // The same call shapes as real use: HotSpot compiles each Cipher entry point separately.
        Aead aead = new Aead(new byte[32], random);
        byte[] message = new byte[WARM_UP_MESSAGE_SIZE];
        byte[] associatedData = new byte[38];
        try {
            for (int i = 0; i < WARM_UP_MESSAGES; i++) {
                aead.decrypt(aead.encrypt(message, 0, message.length, associatedData), associatedData);
            }
        } catch (AuthenticationFailedException e) {
            throw new IllegalStateException("AES-GCM failed its own round trip", e);
        }
    }

    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        return encrypt(plaintext, 0, plaintext.length, associatedData);
    }

    public byte[] encrypt(byte[] plaintext, int offset, int length, byte[] associatedData) {
        byte[] out = new byte[NONCE_LENGTH + length + TAG_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            c.updateAAD(associatedData);
            c.doFinal(plaintext, offset, length, out, NONCE_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts {@code nonce || ciphertext || tag}; throws when the tag does not verify. */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) throws AuthenticationFailedException {
        return decrypt(sealed, 0, sealed.length, associatedData);
    }

    public byte[] decrypt(byte[] sealed, int offset, int length, byte[] associatedData)
            throws AuthenticationFailedException {
        if (length < OVERHEAD) {
            throw new AuthenticationFailedException("encrypted data too short: " + length + " bytes");
        }
        byte[] plain = new byte[length - OVERHEAD];
        decrypt(sealed, offset, length, associatedData, plain, 0);
        return plain;
    }

    /**
     * Decrypts {@code nonce || ciphertext || tag} into {@code out} at {@code outOffset}, which must have
     * room for {@code length - OVERHEAD} bytes and must not overlap the input; returns the plaintext
     * length. When the tag does not verify, {@code out} may hold garbage and must not be used.
     */
    public int decrypt(byte[] sealed, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AuthenticationFailedException {
        if (length < OVERHEAD) {
            throw new AuthenticationFailedException("encrypted data too short: " + length + " bytes");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, sealed, offset, NONCE_LENGTH));
            c.updateAAD(associatedData);
            return c.doFinal(sealed, offset + NONCE_LENGTH, length - NONCE_LENGTH, out, outOffset);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException("authentication tag does not verify", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
