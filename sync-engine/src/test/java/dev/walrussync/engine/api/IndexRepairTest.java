package dev.walrussync.engine.api;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static dev.walrussync.engine.testing.TestRepositories.restore;
import static dev.walrussync.engine.testing.TreeAssert.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.RepositoryStats;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.store.dir.DirectoryBlobStore;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is a cache: it can be deleted and rebuilt from the store alone, losing nothing. */
class IndexRepairTest {
    @TempDir
    Path tmp;

    private TestRepo repo;
    private Path src;
    private final List<Path> expected = new ArrayList<>();
    private List<SnapshotInfo> snapshots;
    private RepositoryStats stats;

    @BeforeEach
    void threeBackups() throws Exception {
        repo = TestRepositories.init(tmp.resolve("repo"), 1L << 20);
        src = tmp.resolve("src");
        try (RepositorySession session = repo.open()) {
            Trees.writeRandom(src.resolve("a.bin"), 1, 1_500_000);
            Trees.writeRandom(src.resolve("docs/b.bin"), 2, 200_000);
            Files.createSymbolicLink(Files.createDirectories(src).resolve("link"), Path.of("a.bin"));
            snapshot(session, 0);
            Trees.writeRandom(src.resolve("docs/b.bin"), 3, 250_000);
            Trees.writeRandom(src.resolve("c.bin"), 4, 700_000);
            snapshot(session, 1);
            Files.delete(src.resolve("a.bin"));
            Files.createDirectories(src.resolve("empty"));
            snapshot(session, 2);
            snapshots = session.snapshots();
            stats = session.stats();
        }
    }

    private void snapshot(RepositorySession session, int n) throws Exception {
        Trees.stampTimes(src, n * 1000L);
        backup(session, src);
        Path copy = tmp.resolve("expected-" + n);
        Trees.copy(src, copy);
        expected.add(copy);
    }

    private void assertEverySnapshotRestores(RepositorySession session) throws Exception {
        assertThat(session.snapshots()).isEqualTo(snapshots);
        for (int i = 0; i < snapshots.size(); i++) {
            Path target = tmp.resolve("restored-" + i + "-" + System.nanoTime());
            assertThat(restore(session, snapshots.get(i).id().hex(), target).errors())
                    .isEmpty();
            assertSameTree(expected.get(i), target.resolve("src"));
        }
    }

    @Test
    void reopeningAfterTheIndexWasDeletedRebuildsItAndLosesNothing() throws Exception {
        repo.deleteIndex();

        try (RepositorySession session = repo.open()) {
            assertThat(session.snapshots()).isEqualTo(snapshots);
            assertThat(session.stats()).isEqualTo(stats);
        }
        try (RepositorySession session = repo.openReadOnly()) {
            assertEverySnapshotRestores(session);
            assertThat(session.check(true, (d, t) -> {}).errors()).isEmpty();
        }
    }

    @Test
    void aReadOnlyOpenOfAMissingIndexRebuildsItToo() throws Exception {
        List<SnapshotInfo> before;
        try (RepositorySession session = repo.open()) {
            before = session.snapshots();
        }
        repo.deleteIndex();

        try (RepositorySession session = repo.openReadOnly()) {
            assertThat(session.snapshots()).isEqualTo(before);
            assertEverySnapshotRestores(session);
        }
    }

    @Test
    void rebuildIndexBringsBackEverySnapshot() throws Exception {
        AtomicInteger blobsRead = new AtomicInteger();
        AtomicInteger snapshotsIndexed = new AtomicInteger();
        try (RepositorySession session = repo.open()) {
            RebuildReport report = session.rebuildIndex(new RebuildListener() {
                @Override
                public void blobRead(int done, int total) {
                    blobsRead.set(done);
                }

                @Override
                public void snapshotIndexed(int done, int total) {
                    snapshotsIndexed.set(done);
                }
            });

            assertThat(report.snapshots()).isEqualTo(3);
            assertThat(report.packs()).isEqualTo(repo.packFiles().size());
            assertThat(report.foreignBlobs()).isZero();
            assertThat(report.forgotten()).isZero();
            assertThat(report.chunks()).isEqualTo(stats.chunks());
            // Each backup's last pack is marked and read; its index record lists the run's other packs.
            assertThat(report.headersRead()).isEqualTo(3);
            assertThat(report.packsFromRecords()).isEqualTo(report.packs() - 3);
            assertThat(blobsRead.get()).as("headers of packs no record lists").isZero();
            assertThat(report.complete()).isTrue();
            assertThat(snapshotsIndexed.get()).isEqualTo(3);
            assertEverySnapshotRestores(session);
        }
    }

    @Test
    void aBackupAfterARebuildUploadsNoNewDataChunks() throws Exception {
        repo.deleteIndex();

        BackupReport report;
        try (RepositorySession session = repo.open()) {
            report = backup(session, src);
        }

        assertThat(report.newChunks()).isZero();
        assertThat(report.newBytes()).isZero();
        assertThat(report.filesNew()).as("the rebuilt index knows every file").isZero();
        assertThat(report.packsStored()).isEqualTo(1);
    }

    @Test
    void rebuildIgnoresForeignBlobsInTheStore() throws Exception {
        try (DirectoryBlobStore store = DirectoryBlobStore.open(repo.store(), 0)) {
            store.put(Trees.randomBytes(99, 10_000));
            store.put("{\"not\":\"a pack\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            store.put(new byte[2]);
        }
        repo.deleteIndex();

        try (RepositorySession session = repo.open()) {
            RebuildReport report = session.rebuildIndex(RebuildListener.NONE);

            assertThat(report.foreignBlobs()).isEqualTo(3);
            assertThat(report.snapshots()).isEqualTo(3);
            assertEverySnapshotRestores(session);
        }
    }

    @Test
    void aRebuildAfterMoreBackupsStillMatches() throws Exception {
        try (RepositorySession session = repo.open()) {
            session.rebuildIndex(RebuildListener.NONE);
            Trees.writeRandom(src.resolve("later.bin"), 5, 100_000);
            Trees.stampTimes(src, 9000);
            backup(session, src);
            Trees.copy(src, tmp.resolve("expected-3"));
            expected.add(tmp.resolve("expected-3"));
            snapshots = session.snapshots();
        }
        repo.deleteIndex();

        try (RepositorySession session = repo.open()) {
            assertEverySnapshotRestores(session);
        }
    }
}
