package dev.walrussync.engine.repo;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static dev.walrussync.engine.testing.TestRepositories.restore;
import static dev.walrussync.engine.testing.TreeAssert.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.CheckReport;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.ForgetPolicy;
import dev.walrussync.engine.model.PruneReport;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.RepositoryStats;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.store.StoredBlob;
import dev.walrussync.engine.store.walrus.PublicNetworks;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting snapshots and pruning: the remaining snapshots stay whole, the store keeps only what
 * they reference, and forgotten snapshots stay forgotten when the index is rebuilt.
 */
class ForgetPruneTest {
    private static final long PACK_SIZE = 1L << 20;

    @TempDir
    Path tmp;

    private TestRepo repo;
    private Path src;
    /** Each snapshot's ID and a copy of the tree it was taken of. */
    private final Map<ChunkId, Path> expected = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepositories.init(tmp.resolve("repo"), PACK_SIZE);
        src = tmp.resolve("src");
    }

    private ChunkId snapshot(RepositorySession session, int version) throws Exception {
        Trees.stampTimes(src, version * 10_000L);
        ChunkId id = backup(session, src).snapshotId();
        Path copy = tmp.resolve("expected-" + version);
        Trees.copy(src, copy);
        expected.put(id, copy);
        return id;
    }

    /** Four snapshots; each removes, rewrites or adds files of the one before. */
    private List<ChunkId> fourSnapshots(RepositorySession session) throws Exception {
        Trees.writeRandom(src.resolve("a.bin"), 1, 300_000);
        Trees.writeRandom(src.resolve("b.bin"), 2, 300_000);
        Trees.writeRandom(src.resolve("docs/c.bin"), 3, 300_000);
        Trees.writeRandom(src.resolve("docs/d.bin"), 4, 400_000);
        Trees.writeRandom(src.resolve("e.bin"), 5, 2_000_000);
        Trees.writeString(src.resolve("notes.txt"), "version 1");
        ChunkId s1 = snapshot(session, 1);

        Files.delete(src.resolve("b.bin"));
        Trees.writeRandom(src.resolve("docs/c.bin"), 6, 300_000);
        Trees.writeRandom(src.resolve("f.bin"), 7, 200_000);
        Trees.writeString(src.resolve("notes.txt"), "version 2");
        ChunkId s2 = snapshot(session, 2);

        Trees.writeRandom(src.resolve("docs/d.bin"), 8, 400_000);
        Files.write(src.resolve("e.bin"), Trees.randomBytes(9, 500_000), StandardOpenOption.APPEND);
        Files.createDirectories(src.resolve("empty"));
        ChunkId s3 = snapshot(session, 3);

        Files.delete(src.resolve("a.bin"));
        Trees.writeRandom(src.resolve("g.bin"), 10, 100_000);
        Trees.writeString(src.resolve("notes.txt"), "version 4");
        ChunkId s4 = snapshot(session, 4);
        return List.of(s1, s2, s3, s4);
    }

    private static List<ChunkId> ids(List<SnapshotInfo> snapshots) {
        return snapshots.stream().map(SnapshotInfo::id).toList();
    }

    @Test
    void forgetAndPruneKeepTheRestWholeAndFreeTheRest() throws Exception {
        List<ChunkId> s;
        try (RepositorySession session = repo.open()) {
            s = fourSnapshots(session);
            RepositoryStats before = session.stats();

            List<SnapshotInfo> plan = session.forgetPlan(new ForgetPolicy(3, 0, 0, 0, 0, 0), ZoneOffset.UTC);
            assertThat(ids(plan)).containsExactly(s.get(0));
            session.forget(ids(plan));
            session.forget(List.of(s.get(2)));
            assertThat(ids(session.snapshots())).containsExactly(s.get(1), s.get(3));
            assertThat(session.stats().storedBytes())
                    .as("forget alone frees nothing")
                    .isGreaterThanOrEqualTo(before.storedBytes());

            RebuildReport rebuilt = session.rebuildIndex(RebuildListener.NONE);
            assertThat(rebuilt.forgotten()).isEqualTo(2);
            assertThat(rebuilt.snapshots()).isEqualTo(2);
            assertThat(ids(session.snapshots()))
                    .as("tombstones keep forgotten snapshots out of a rebuilt index")
                    .containsExactly(s.get(1), s.get(3));

            PruneReport pruned = session.prune((done, total) -> {});
            RepositoryStats after = session.stats();

            assertThat(pruned.chunksRemoved()).isPositive();
            assertThat(pruned.bytesFreed()).isPositive();
            assertThat(pruned.packsRepacked())
                    .as("packs mixing kept and forgotten chunks")
                    .isPositive();
            assertThat(pruned.bytesWritten()).isPositive();
            assertThat(after.storedBytes()).isLessThan(before.storedBytes());
            assertThat(after.uniqueBytes()).isLessThan(before.uniqueBytes());
            assertThat(after.snapshots()).isEqualTo(2);

            CheckReport check = session.check(true, (done, total) -> {});
            assertThat(check.errors()).isEmpty();
            assertThat(check.warnings()).isEmpty();
            assertThat(check.snapshots()).isEqualTo(2);

            for (ChunkId id : List.of(s.get(1), s.get(3))) {
                Path target = tmp.resolve("restored-" + id.shortHex());
                assertThat(restore(session, id.hex(), target).errors()).isEmpty();
                assertSameTree(expected.get(id), target.resolve("src"));
            }

            RebuildReport again = session.rebuildIndex(RebuildListener.NONE);
            assertThat(again.snapshots()).isEqualTo(2);
            assertThat(again.foreignBlobs()).isZero();
            assertThat(ids(session.snapshots()))
                    .as("forgotten snapshots stay away after prune and a rebuild")
                    .containsExactly(s.get(1), s.get(3));
        }
        assertStoreHoldsExactlyTheReferencedChunks();
    }

    @Test
    void pruneWithNothingForgottenChangesNothing() throws Exception {
        try (RepositorySession session = repo.open()) {
            List<ChunkId> s = fourSnapshots(session);
            RepositoryStats before = session.stats();
            List<Path> blobsBefore = repo.blobFiles();

            PruneReport pruned = session.prune((done, total) -> {});

            assertThat(pruned.chunksRemoved()).isZero();
            assertThat(pruned.bytesFreed()).isZero();
            assertThat(pruned.packsDeleted() + pruned.packsRepacked()).isZero();
            assertThat(session.stats()).isEqualTo(before);
            assertThat(repo.blobFiles()).isEqualTo(blobsBefore);
            assertThat(ids(session.snapshots())).containsExactlyElementsOf(s);
        }
    }

    @Test
    void forgettingEverySnapshotThenPruningLeavesOnlyTheKeyBlob() throws Exception {
        try (RepositorySession session = repo.open()) {
            List<ChunkId> s = fourSnapshots(session);
            session.forget(s);
            session.prune((done, total) -> {});

            assertThat(session.snapshots()).isEmpty();
            assertThat(session.stats().packs()).isZero();
            assertThat(session.check(true, (done, total) -> {}).ok()).isTrue();
        }
        assertThat(repo.blobFiles()).containsExactly(repo.keyBlobFile());
    }

    @Test
    void aBackupAfterPruneReusesTheChunksThatWereKept() throws Exception {
        try (RepositorySession session = repo.open()) {
            List<ChunkId> s = fourSnapshots(session);
            session.forget(s.subList(0, 3));
            session.prune((done, total) -> {});

            var report = backup(session, src);

            assertThat(report.newChunks()).isZero();
            assertThat(report.filesUnchanged())
                    .isEqualTo(report.filesNew() + report.filesChanged() + report.filesUnchanged());
        }
    }

    /**
     * Opens the repository beside the façade and checks, from the trees and the pack headers alone,
     * that every pack in the store holds only chunks a snapshot references, and that every
     * referenced chunk is in some pack.
     */
    private void assertStoreHoldsExactlyTheReferencedChunks() throws SyncException {
        try (Repository r = Repository.open(
                repo.home(),
                new Repository.Passphrase(TestRepositories.PASSPHRASE.toCharArray()),
                new SecureRandom(),
                Clock.systemUTC(),
                false,
                new PublicNetworks())) {
            Set<ChunkId> referenced = new HashSet<>();
            for (SnapshotRow s : r.index().snapshots()) {
                referenced.add(s.id());
                walk(r, s.tree(), referenced);
            }
            Set<ChunkId> stored = new HashSet<>();
            for (StoredBlob blob : r.store().list()) {
                if (blob.id().equals(new BlobId(r.config().keyBlob()))) {
                    continue;
                }
                Optional<Repository.HeaderRead> header = r.readPackHeader(blob);
                assertThat(header)
                        .as("blob %s is a pack of this repository", blob.id())
                        .isPresent();
                for (PackEntry e : header.get().entries()) {
                    if (e.type() == ChunkType.INDEX) {
                        continue; // an index record of the run that wrote this pack, kept with it
                    }
                    assertThat(referenced)
                            .as("pack %s holds %s chunk %s", blob.id(), e.type(), e.id().shortHex())
                            .contains(e.id());
                    assertThat(stored.add(e.id()))
                            .as("chunk %s is stored once", e.id().shortHex())
                            .isTrue();
                }
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(referenced);
        }
    }

    private static void walk(Repository r, ChunkId tree, Set<ChunkId> referenced) throws SyncException {
        referenced.add(tree);
        for (TreeNode n : r.loadTree(tree).entries()) {
            if (n.isDir()) {
                walk(r, ChunkId.fromHex(n.tree()), referenced);
            } else if (n.isFile()) {
                n.chunks().forEach(c -> referenced.add(ChunkId.fromHex(c)));
            }
        }
    }
}
