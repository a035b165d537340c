package dev.walrussync.engine.testing;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.crypto.Argon2Params;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Repositories for tests: cheap Argon2 costs, an app home and a directory store in a temporary
 * folder, and one-line backups and restores.
 */
public final class TestRepositories {
    /** Argon2id costs low enough that unlocking takes milliseconds. */
    public static final Argon2Params CHEAP_KDF = new Argon2Params(1024, 1, 1);

    public static final String PASSPHRASE = "correct horse battery staple";

    public static final String HOST = "test-host";
    public static final String USER = "tester";

    private TestRepositories() {}

    /** An engine with the system clock, a fresh CSPRNG and {@link #CHEAP_KDF}. */
    public static Repositories engine() {
        return new Repositories(Clock.systemUTC(), new SecureRandom(), CHEAP_KDF);
    }

    /**
     * A repository set up in a temporary folder.
     *
     * @param home the app home ({@code dir/home})
     * @param store the directory store ({@code dir/store})
     */
    public record TestRepo(Repositories engine, Path home, Path store, Repositories.Created created) {
        /** Unlocks it with {@link #PASSPHRASE} for changes (backup, forget, prune, keys). */
        public RepositorySession open() throws SyncException {
            return engine.openWithPassphrase(home, PASSPHRASE.toCharArray(), true);
        }

        /** Unlocks it with {@link #PASSPHRASE} for reading only. */
        public RepositorySession openReadOnly() throws SyncException {
            return engine.openWithPassphrase(home, PASSPHRASE.toCharArray(), false);
        }

        /** Every blob file of the directory store. */
        public List<Path> blobFiles() throws IOException {
            try (var files = Files.walk(store.resolve("blobs"))) {
                return files.filter(Files::isRegularFile).sorted().toList();
            }
        }

        /** The blob file of the key blob. */
        public Path keyBlobFile() throws IOException {
            String json = Files.readString(home.resolve("config.json"));
            String id = json.replaceAll("(?s).*\"keyBlob\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            return store.resolve("blobs").resolve(id.substring(0, 2)).resolve(id);
        }

        /** Every pack blob file: the blob files except the key blob. */
        public List<Path> packFiles() throws IOException {
            Path key = keyBlobFile();
            return blobFiles().stream().filter(p -> !p.equals(key)).toList();
        }

        /** Deletes the index and its SQLite side files, as a user who lost it would. */
        public void deleteIndex() throws IOException {
            for (String name : List.of("index.db", "index.db-wal", "index.db-shm")) {
                Files.deleteIfExists(home.resolve(name));
            }
        }
    }

    /** Sets up a repository in {@code dir} with the directory store's default pack size. */
    public static TestRepo init(Path dir) throws SyncException {
        return init(dir, 0);
    }

    /** Sets up a repository in {@code dir}; {@code packSize} 0 means the store's default. */
    public static TestRepo init(Path dir, long packSize) throws SyncException {
        Repositories engine = engine();
        Path home = dir.resolve("home");
        Path store = dir.resolve("store");
        Repositories.Created created = engine.init(home, "dir:" + store, PASSPHRASE.toCharArray(), packSize);
        return new TestRepo(engine, home, store, created);
    }

    /** A backup request for the paths with no excludes or tags, from {@link #HOST}. */
    public static BackupRequest request(Path... paths) {
        return new BackupRequest(List.of(paths), List.of(), List.of(), HOST, USER);
    }

    public static BackupReport backup(RepositorySession session, Path... paths) throws SyncException {
        return session.backup(request(paths), new BackupProgress());
    }

    /** Restores a whole snapshot into {@code target}, which is created if needed. */
    public static RestoreReport restore(RepositorySession session, String snapshot, Path target)
            throws SyncException, IOException {
        Files.createDirectories(target);
        return session.restore(new RestoreRequest(snapshot, List.of(), target, false), new RestoreProgress());
    }
}
