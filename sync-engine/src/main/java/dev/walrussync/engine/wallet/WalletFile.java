package dev.walrussync.engine.wallet;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.crypto.RepositoryKeys;
import dev.walrussync.engine.internal.AtomicFiles;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The Sui wallet of a repository on Walrus, kept in the app home as {@code wallet.json}. The address is
 * in clear (it is public on chain anyway); the private key is sealed with AES-256-GCM under the
 * repository's wallet subkey, with the address as associated data, so the key is never on disk in
 * clear and only an unlocked repository can use it.
 *
 * @param version the file format, 1
 * @param address the wallet's Sui address
 * @param sealedKey base64 of the sealed {@code suiprivkey1…} text
 * @param created when the key was created or imported
 */
@JsonPropertyOrder({"version", "address", "sealedKey", "created"})
public record WalletFile(int version, String address, String sealedKey, String created) {
    public static final String FILE_NAME = "wallet.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Seals a key pair under the repository's wallet subkey. */
    public static WalletFile seal(Ed25519Keypair keypair, RepositoryKeys keys, Clock clock) {
        byte[] secret = keypair.toSuiPrivateKey().getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] sealed = keys.walletAead().encrypt(secret, associatedData(keypair.address()));
            return new WalletFile(
                    1,
                    keypair.address().toString(),
                    Base64.getEncoder().encodeToString(sealed),
                    Instant.now(clock).toString());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The wallet's address. */
    public SuiAddress suiAddress() {
        return SuiAddress.parse(address);
    }

    /** Unseals the key pair; fails if the file was sealed by another repository or was changed. */
    public Ed25519Keypair open(RepositoryKeys keys) throws SyncException {
        SuiAddress owner = suiAddress();
        byte[] secret;
        try {
            secret = keys.walletAead().decrypt(Base64.getDecoder().decode(sealedKey), associatedData(owner));
        } catch (AuthenticationFailedException | IllegalArgumentException e) {
            throw new SyncException("the wallet file does not belong to this repository or was changed", e);
        }
        try {
            Ed25519Keypair keypair = Ed25519Keypair.fromSuiPrivateKey(new String(secret, StandardCharsets.US_ASCII));
            if (!keypair.address().equals(owner)) {
                throw new SyncException("the wallet file's key does not match its address " + address);
            }
            return keypair;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] associatedData(SuiAddress address) {
        return ("walrus-sync wallet v1 " + address).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads {@code wallet.json} from the app home, if there is one. */
    public static Optional<WalletFile> load(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        try {
            WalletFile w = JSON.readValue(Files.readAllBytes(file), WalletFile.class);
            if (w.version() != 1 || w.address() == null || w.sealedKey() == null) {
                throw new SyncException("the wallet file " + file + " is incomplete or of an unknown version");
            }
            SuiAddress.parse(w.address());
            return Optional.of(w);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new SyncException("the wallet file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes {@code wallet.json} atomically, readable by the owner only where the file system allows. */
    public void save(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this), true);
        } catch (IOException e) {
            throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
