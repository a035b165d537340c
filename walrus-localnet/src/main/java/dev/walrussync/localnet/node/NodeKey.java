package dev.walrussync.localnet.node;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A local node's signing key: Ed25519 (Bouncy Castle), kept as a 32-byte seed in the node's folder.
 *
 * <p>Real storage nodes sign storage confirmations with BLS12-381 min-pk keys, whose signatures the chain
 * aggregates; the local network uses Ed25519 until BLS signing is added, so its confirmations are not valid for
 * the real Walrus contracts.
 */
public final class NodeKey {
    /** Length of the seed and of the public key, in bytes. */
    public static final int KEY_LENGTH = 32;
    /** Length of a signature, in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private NodeKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /** The key with the given 32-byte seed. */
    public static NodeKey fromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, got " + seed.length);
        }
        return new NodeKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** Reads the key from {@code file}, or creates a random one there (readable by the owner only) if missing. */
    public static NodeKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return fromSeed(Files.readAllBytes(file));
        }
        byte[] seed = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(seed);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, seed);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; keep the default permissions.
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return fromSeed(seed);
    }

    /** A copy of the 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} under the 32-byte public key. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
