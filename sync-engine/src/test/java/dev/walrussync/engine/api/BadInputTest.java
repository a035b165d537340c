package dev.walrussync.engine.api;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static dev.walrussync.engine.testing.TestRepositories.restore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.CheckReport;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.repo.WrongCredentialException;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.engine.testing.UnreadableFiles;
import dev.walrussync.engine.testing.UnreadableFiles.TooLongPath;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong credentials, unreadable files, damaged or missing data and configuration fail clearly. */
class BadInputTest {
    @TempDir
    Path tmp;

    private TestRepo repo;
    private Path src;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepositories.init(tmp.resolve("repo"));
        src = tmp.resolve("src");
        Trees.writeRandom(src.resolve("data.bin"), 1, 600_000);
        Trees.writeString(src.resolve("notes.txt"), "notes");
    }

    private BackupReport backupSrc() throws Exception {
        try (RepositorySession session = repo.open()) {
            return backup(session, src);
        }
    }

    private CheckReport check(boolean readData) throws Exception {
        try (RepositorySession session = repo.openReadOnly()) {
            return session.check(readData, (d, t) -> {});
        }
    }

    private static void flipByte(Path file, long position) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(position);
            int b = f.read();
            f.seek(position);
            f.write(b ^ 0x40);
        }
    }

    // ---- credentials ----

    @Test
    void aWrongPassphraseIsRefused() {
        assertThatThrownBy(() -> repo.engine().openWithPassphrase(repo.home(), "wrong".toCharArray(), false))
                .isInstanceOf(WrongCredentialException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void aWrongRecoveryPhraseIsRefused() throws Exception {
        TestRepo other = TestRepositories.init(tmp.resolve("other"));
        String otherWords = String.join(" ", other.created().recoveryWords());

        assertThatThrownBy(() -> repo.engine().openWithRecoveryPhrase(repo.home(), otherWords, false))
                .isInstanceOf(WrongCredentialException.class)
                .hasMessageContaining("wrong recovery phrase");
    }

    @Test
    void aRecoveryPhraseWithAWordNotInTheListIsRefusedClearly() {
        List<String> words = new java.util.ArrayList<>(repo.created().recoveryWords());
        words.set(3, "walrusx");

        assertThatThrownBy(() -> repo.engine().openWithRecoveryPhrase(repo.home(), String.join(" ", words), false))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("walrusx");
    }

    @Test
    void theRecoveryPhraseFromInitUnlocks() throws Exception {
        backupSrc();
        String words = String.join(" ", repo.created().recoveryWords());

        try (RepositorySession session = repo.engine().openWithRecoveryPhrase(repo.home(), words, false)) {
            assertThat(session.snapshots()).hasSize(1);
        }
    }

    // ---- files that cannot be read ----

    @Test
    void aFileWithoutReadPermissionIsSkippedAndNamed() throws Exception {
        Path secret = Trees.writeString(src.resolve("secret.txt"), "secret");
        Trees.chmod(secret, "---------");
        assumeFalse(Files.isReadable(secret), "running as root: permissions do not stop reading");

        BackupReport r = backupSrc();

        assertThat(r.errors()).singleElement().asString().contains(secret.toString(), "permission denied");
        assertThat(r.filesNew()).isEqualTo(2);
    }

    @Test
    void aFolderWithoutReadPermissionIsSkippedAndNamed() throws Exception {
        Path locked = Files.createDirectories(src.resolve("locked"));
        Trees.writeString(locked.resolve("inside.txt"), "x");
        Trees.chmod(locked, "---------");
        try {
            assumeFalse(Files.isReadable(locked), "running as root: permissions do not stop reading");

            BackupReport r = backupSrc();

            assertThat(r.errors()).singleElement().asString().contains(locked.toString());
        } finally {
            Trees.chmod(locked, "rwx------");
        }
    }

    @Test
    void aFileWhosePathIsTooLongToOpenIsSkippedAndNamedEvenForRoot() throws Exception {
        try (TooLongPath unreadable =
                UnreadableFiles.tooLongToOpen(src.resolve("deep"), "unreachable.txt", new byte[] {1, 2, 3})) {
            assertThat(unreadable.file().toString()).hasSizeGreaterThan(4095);
            assumeFalse(Files.exists(unreadable.file()), "this system opens paths longer than 4095 bytes");

            BackupReport r = backupSrc();

            assertThat(r.errors()).singleElement().asString().contains("unreachable.txt");
            assertThat(r.filesNew()).as("the readable files are kept").isEqualTo(2);
            try (RepositorySession session = repo.openReadOnly()) {
                assertThat(session.snapshots()).hasSize(1);
                assertThat(session.list("latest", "src"))
                        .extracting(e -> e.path())
                        .contains("src/data.bin", "src/notes.txt")
                        .noneMatch(p -> p.endsWith("unreachable.txt"));
            }
        }
    }

    @Test
    void aFifoIsSkippedWithAWarningWithoutBlockingTheBackup() throws Exception {
        Path fifo = src.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");

        BackupReport r = backupSrc();

        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains(fifo.toString(), "skipped");
        assertThat(r.filesNew()).isEqualTo(2);
    }

    private static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(path);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void backingUpAPathThatDoesNotExistFailsClearly() throws Exception {
        Path missing = tmp.resolve("nope");

        try (RepositorySession session = repo.open()) {
            assertThatThrownBy(() -> backup(session, missing))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("does not exist");
            assertThat(session.snapshots()).isEmpty();
        }
    }

    // ---- damaged or missing packs ----

    @Test
    void aPackWithADamagedHeaderIsNamedByCheck() throws Exception {
        backupSrc();
        Path pack = repo.packFiles().get(0);
        flipByte(pack, Files.size(pack) - 10);

        CheckReport r = check(false);

        assertThat(r.ok()).isFalse();
        assertThat(r.errors())
                .anySatisfy(e -> assertThat(e).contains(pack.getFileName().toString(), "damaged"));
    }

    @Test
    void aMissingPackIsNamedByCheck() throws Exception {
        backupSrc();
        Path pack = repo.packFiles().get(0);
        Files.delete(pack);

        CheckReport r = check(false);

        assertThat(r.ok()).isFalse();
        assertThat(r.errors())
                .anySatisfy(e -> assertThat(e).contains(pack.getFileName().toString(), "missing from the store"));
    }

    @Test
    void damageInsideAChunkIsFoundByReadDataButNotByAPlainCheck() throws Exception {
        backupSrc();
        Path pack = repo.packFiles().get(0);
        // Inside data.bin's chunk, whether notes.txt's small chunk came before it or after; the
        // trees are stored after the files they list.
        flipByte(pack, 300_000);

        CheckReport plain = check(false);
        CheckReport deep = check(true);

        assertThat(plain.errors()).isEmpty();
        assertThat(deep.ok()).isFalse();
        assertThat(deep.errors())
                .singleElement()
                .asString()
                .contains(pack.getFileName().toString(), "damaged");
        try (RepositorySession session = repo.openReadOnly()) {
            RestoreReport restored = restore(session, "latest", tmp.resolve("restored"));
            assertThat(restored.errors()).singleElement().asString().contains("src/data.bin", "damaged");
            assertThat(tmp.resolve("restored/src/notes.txt")).hasContent("notes");
            assertThat(tmp.resolve("restored/src/data.bin")).doesNotExist();
        }
    }

    @Test
    void aTruncatedPackIsNamedByCheck() throws Exception {
        backupSrc();
        Path pack = repo.packFiles().get(0);
        try (RandomAccessFile f = new RandomAccessFile(pack.toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }

        assertThat(check(false).errors())
                .anySatisfy(e -> assertThat(e).contains(pack.getFileName().toString(), "bytes"));
    }

    // ---- configuration and keys ----

    @Test
    void aDamagedConfigurationFailsClearly() throws Exception {
        Path config = repo.home().resolve("config.json");
        Files.writeString(config, "{ this is not json");

        assertThatThrownBy(repo::openReadOnly)
                .isInstanceOf(SyncException.class)
                .hasMessageContaining(config.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aConfigurationOfAnUnknownVersionFailsClearly() throws Exception {
        Path config = repo.home().resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"version\" : 1", "\"version\" : 7"));

        assertThatThrownBy(repo::openReadOnly)
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("unknown version");
    }

    @Test
    void aHomeWithoutARepositorySaysToRunInit() {
        Path empty = tmp.resolve("empty-home");

        assertThatThrownBy(() -> repo.engine().openWithPassphrase(empty, "x".toCharArray(), false))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("walrus-sync init");
    }

    @Test
    void aDamagedKeyBlobFailsClearly() throws Exception {
        Files.writeString(repo.keyBlobFile(), "{\"format\":\"walrus-sync-keys\",\"version\":1,\"slots\":[");

        assertThatThrownBy(repo::openReadOnly)
                .isInstanceOf(SyncException.class)
                .isNotInstanceOf(WrongCredentialException.class)
                .hasMessageContaining("key blob")
                .hasMessageContaining("damaged");
    }

    @Test
    void aKeyBlobMissingFromTheStoreFallsBackToTheLocalCopyAndCheckNamesIt() throws Exception {
        backupSrc();
        Path keyBlob = repo.keyBlobFile();
        Files.delete(keyBlob);

        CheckReport r = check(false);

        assertThat(r.errors())
                .singleElement()
                .asString()
                .contains("key blob", keyBlob.getFileName().toString());
    }

    @Test
    void aMissingStoreFailsClearly() throws Exception {
        Files.move(repo.store(), tmp.resolve("unplugged"));

        assertThatThrownBy(repo::openReadOnly)
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("no Walrus Sync store at " + repo.store());
    }

    @Test
    void aDamagedIndexFileIsMovedAsideAndRebuilt() throws Exception {
        backupSrc();
        repo.deleteIndex();
        byte[] garbage = Trees.randomBytes(5, 8192);
        Files.write(repo.home().resolve("index.db"), garbage);

        try (RepositorySession session = repo.openReadOnly()) {
            assertThat(session.snapshots()).hasSize(1);
        }
        try (var files = Files.list(repo.home())) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("index.db.damaged-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        }
    }

    @Test
    void initRefusesAHomeThatAlreadyHoldsARepository() {
        assertThatThrownBy(() -> TestRepositories.init(tmp.resolve("repo")))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("already set up");
    }

    @Test
    void initRefusesAnEmptyPassphrase() {
        assertThatThrownBy(() -> repo.engine().init(tmp.resolve("h"), "dir:" + tmp.resolve("s"), new char[0], 0))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void initRefusesAStoreFolderThatHoldsOtherFiles() throws Exception {
        Path photos = Trees.writeString(tmp.resolve("photos/cat.jpg"), "meow").getParent();

        assertThatThrownBy(() -> repo.engine().init(tmp.resolve("h"), "dir:" + photos, "pw".toCharArray(), 0))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("not empty");
        assertThat(Trees.listNames(photos)).containsExactly("cat.jpg");
    }

    @Test
    void anUnknownStoreKindIsRefused() {
        assertThatThrownBy(() -> repo.engine().init(tmp.resolve("h"), "s3:bucket", "pw".toCharArray(), 0))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("unknown store kind 's3'");
    }

    @Test
    void aSecondWriterIsTurnedAwayWhileTheFirstHoldsTheRepository() throws Exception {
        try (RepositorySession first = repo.open()) {
            assertThatThrownBy(repo::open)
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("another Walrus Sync process");
        }
        try (RepositorySession again = repo.open()) {
            assertThat(again.snapshots()).isEmpty();
        }
    }
}
