package dev.walrussync.engine.api;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static dev.walrussync.engine.testing.TestRepositories.restore;
import static dev.walrussync.engine.testing.TreeAssert.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.CheckReport;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.RepositoryStats;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash after a pack reached the store but before the index recorded it leaves a pack the index
 * does not know. The next backup adopts it and reuses its chunks instead of uploading them again.
 *
 * <p>The crash is simulated by putting back a copy of the index taken before the interrupted
 * backup: the store then holds packs (and a snapshot) that the index never committed.
 */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    private TestRepo repo;
    private Path src;
    private Path savedIndex;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepositories.init(tmp.resolve("repo"), 1L << 20);
        src = tmp.resolve("src");
        Trees.writeRandom(src.resolve("old.bin"), 1, 600_000);
        try (RepositorySession session = repo.open()) {
            backup(session, src);
        }
        savedIndex = tmp.resolve("index-before.db");
        Files.copy(repo.home().resolve("index.db"), savedIndex);
        Trees.writeRandom(src.resolve("new-1.bin"), 2, 1_500_000);
        Trees.writeRandom(src.resolve("new-2.bin"), 3, 900_000);
        Trees.writeRandom(src.resolve("new-3.bin"), 4, 300_000);
    }

    /** Puts the index back to its state before the last backup, as if that backup never committed. */
    private void loseTheIndexCommits() throws Exception {
        repo.deleteIndex();
        Files.copy(savedIndex, repo.home().resolve("index.db"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theNextBackupAdoptsPacksTheIndexNeverRecordedAndUploadsNothingAgain() throws Exception {
        BackupReport interrupted;
        try (RepositorySession session = repo.open()) {
            interrupted = backup(session, src);
        }
        assertThat(interrupted.newChunks()).isGreaterThan(1);
        loseTheIndexCommits();

        BackupReport next;
        try (RepositorySession session = repo.open()) {
            CheckReport before = session.check(false, (d, t) -> {});
            assertThat(before.errors()).isEmpty();
            assertThat(before.warnings()).singleElement().asString().contains("not in the index");

            next = backup(session, src);

            CheckReport after = session.check(true, (d, t) -> {});
            assertThat(after.errors()).isEmpty();
            assertThat(after.warnings()).isEmpty();
            assertThat(session.snapshots())
                    .extracting(SnapshotInfo::id)
                    .as("the adopted pack's snapshot is back, and the new one is added")
                    .contains(interrupted.snapshotId(), next.snapshotId())
                    .hasSize(3);
            Path target = tmp.resolve("restored");
            assertThat(restore(session, next.snapshotId().hex(), target).errors())
                    .isEmpty();
            assertSameTree(src, target.resolve("src"));
        }

        assertThat(next.packsAdopted()).isEqualTo((int) interrupted.packsStored());
        assertThat(next.newChunks()).isZero();
        assertThat(next.newBytes()).isZero();
        assertThat(next.packsStored()).as("only the new snapshot").isEqualTo(1);
    }

    @Test
    void dataPacksLeftBeforeTheSnapshotPackWasWrittenAreAdoptedAndReused() throws Exception {
        Set<Path> before = new HashSet<>(repo.blobFiles());
        BackupReport interrupted;
        try (RepositorySession session = repo.open()) {
            interrupted = backup(session, src);
        }
        List<Path> written =
                repo.blobFiles().stream().filter(p -> !before.contains(p)).toList();
        assertThat(written).hasSizeGreaterThan(1);
        // The crash came before the last pack, which holds the snapshot, reached the store.
        String last = lastStoredBlob();
        Files.delete(written.stream()
                .filter(p -> p.getFileName().toString().equals(last))
                .findFirst()
                .orElseThrow());
        loseTheIndexCommits();

        BackupReport next;
        List<ChunkId> snapshots;
        RepositoryStats stats;
        try (RepositorySession session = repo.open()) {
            next = backup(session, src);
            snapshots = session.snapshots().stream().map(SnapshotInfo::id).toList();
            stats = session.stats();
            assertThat(session.check(true, (d, t) -> {}).errors()).isEmpty();
        }

        assertThat(next.packsAdopted()).isEqualTo(written.size() - 1);
        assertThat(next.newChunks())
                .as("only chunks of the pack that never arrived are uploaded again")
                .isLessThan(interrupted.newChunks());
        assertThat(snapshots).doesNotContain(interrupted.snapshotId()).contains(next.snapshotId());
        assertThat(stats.uniqueBytes()).isEqualTo(600_000L + 1_500_000 + 900_000 + 300_000);
    }

    @Test
    void staleStagingFilesAreRemovedWhenTheRepositoryIsOpenedForWriting() throws Exception {
        Path staging = Files.createDirectories(repo.home().resolve("staging"));
        Path leftover = Trees.write(staging.resolve("pack-123.tmp"), new byte[100]);

        try (RepositorySession session = repo.openReadOnly()) {
            assertThat(leftover).exists();
        }
        try (RepositorySession session = repo.open()) {
            assertThat(leftover).doesNotExist();
        }
    }

    /** The blob the last backup stored last, from the index's log of store operations. */
    private String lastStoredBlob() throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:sqlite:" + repo.home().resolve("index.db"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT blob_id FROM store_ops WHERE op = 'put' AND outcome = 'ok' ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
