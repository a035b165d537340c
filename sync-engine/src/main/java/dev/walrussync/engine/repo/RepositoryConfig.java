package dev.walrussync.engine.repo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.walrussync.engine.internal.AtomicFiles;
import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The repository binding kept in the app home ({@code config.json}): which store holds the
 * repository, and which blob holds its keys. It holds no secret.
 *
 * @param version the config file format, 1
 * @param repositoryId hex of the repository's random 32-byte ID
 * @param store the store spec, for example {@code dir:/mnt/backup/walrus-sync}
 * @param keyBlob the blob ID of the current key blob
 * @param packSize the target pack size in bytes, or 0 for the store's default
 */
@JsonPropertyOrder({"version", "repositoryId", "store", "keyBlob", "packSize"})
public record RepositoryConfig(int version, String repositoryId, String store, String keyBlob, long packSize) {
    public static final String FILE_NAME = "config.json";

    public RepositoryConfig withKeyBlob(String blobId) {
        return new RepositoryConfig(version, repositoryId, store, blobId, packSize);
    }

    public static boolean existsIn(Path home) {
        return Files.exists(home.resolve(FILE_NAME));
    }

    public static RepositoryConfig load(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        try {
            RepositoryConfig c = Json.read(Files.readAllBytes(file), RepositoryConfig.class);
            if (c.version() != 1 || c.repositoryId() == null || c.store() == null || c.keyBlob() == null) {
                throw new SyncException("the configuration " + file + " is incomplete or of an unknown version");
            }
            return c;
        } catch (NoSuchFileException e) {
            throw new SyncException("no repository in " + home + ": run 'walrus-sync init' first (or pass --home)", e);
        } catch (IOException e) {
            throw new SyncException("the configuration " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the file atomically: a temporary file, then a rename. */
    public void save(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        try {
            AtomicFiles.write(
                    file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this), false);
        } catch (IOException e) {
            throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
