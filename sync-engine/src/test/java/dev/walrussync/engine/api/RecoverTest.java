package dev.walrussync.engine.api;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static dev.walrussync.engine.testing.TestRepositories.restore;
import static dev.walrussync.engine.testing.TreeAssert.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.RebuildReport.LostData;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.repo.NoRepositoryException;
import dev.walrussync.engine.repo.WrongCredentialException;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new machine holds only the store and the recovery phrase (or a passphrase): {@code recover} finds the key blob,
 * rebuilds the index from the marked packs' index records, and restores every snapshot byte for byte.
 */
class RecoverTest {
    @TempDir
    Path tmp;

    private TestRepo machineA;
    private String phrase;
    private Path src;
    private final List<Path> expected = new ArrayList<>();
    private List<SnapshotInfo> snapshots;

    @BeforeEach
    void machineABacksUpTwice() throws Exception {
        machineA = TestRepositories.init(tmp.resolve("a"), 1L << 20);
        phrase = String.join(" ", machineA.created().recoveryWords());
        src = tmp.resolve("src");
        try (RepositorySession session = machineA.open()) {
            Trees.writeRandom(src.resolve("big.bin"), 1, 3_500_000);
            Trees.writeRandom(src.resolve("docs/b.bin"), 2, 200_000);
            snapshot(session, 0);
            Trees.writeRandom(src.resolve("docs/b.bin"), 3, 250_000);
            Trees.writeRandom(src.resolve("more/c.bin"), 4, 2_700_000);
            snapshot(session, 1);
            snapshots = session.snapshots();
        }
    }

    private void snapshot(RepositorySession session, int n) throws Exception {
        Trees.stampTimes(src, n * 1000L);
        backup(session, src);
        Path copy = tmp.resolve("expected-" + n);
        Trees.copy(src, copy);
        expected.add(copy);
    }

    private Repositories.Recovered recoverWithPhrase(Path home) throws Exception {
        return machineA.engine()
                .recover(home, "dir:" + machineA.store(), null, null, phrase, null, RebuildListener.NONE);
    }

    private void assertEverySnapshotRestores(RepositorySession session) throws Exception {
        for (int i = 0; i < snapshots.size(); i++) {
            Path target = tmp.resolve("restored-" + i + "-" + System.nanoTime());
            assertThat(restore(session, snapshots.get(i).id().hex(), target).errors())
                    .isEmpty();
            assertSameTree(expected.get(i), target.resolve("src"));
        }
    }

    @Test
    void aNewMachineRecoversFromTheStoreAndThePhraseReadingOnlyTheMarkedPacks() throws Exception {
        List<String> steps = new ArrayList<>();
        Repositories.Recovered recovered = machineA.engine()
                .recover(tmp.resolve("b"), "dir:" + machineA.store(), null, null, phrase, null, new RebuildListener() {
                    @Override
                    public void blobsListed(int blobs) {
                        steps.add("listed " + blobs);
                    }

                    @Override
                    public void recordPackRead(int done, int total) {
                        steps.add("records " + done + "/" + total);
                    }

                    @Override
                    public void snapshotIndexed(int done, int total) {
                        steps.add("snapshot " + done + "/" + total);
                    }
                });
        try (RepositorySession session = recovered.session()) {
            RebuildReport report = recovered.report();
            int packs = machineA.packFiles().size();
            assertThat(report.packs()).isEqualTo(packs);
            assertThat(report.snapshots()).isEqualTo(2);
            assertThat(report.complete()).isTrue();
            // Each backup ends with one marked pack; its index record lists the run's other packs.
            assertThat(report.headersRead()).isEqualTo(2);
            assertThat(report.packsFromRecords()).isEqualTo(packs - 2).isPositive();
            assertThat(recovered.repositoryId()).isEqualTo(machineA.created().repositoryId());
            assertThat(steps).contains("listed " + (packs + 1), "records 2/2", "snapshot 2/2");
            assertThat(session.snapshots()).isEqualTo(snapshots);
            assertEverySnapshotRestores(session);
            assertThat(session.check(true, (d, t) -> {}).errors()).isEmpty();
        }
    }

    @Test
    void withoutMarksEveryHeaderIsReadAndTheResultIsTheSame() throws Exception {
        try (Stream<Path> marks = Files.list(machineA.store().resolve("marks"))) {
            for (Path m : marks.toList()) {
                Files.delete(m);
            }
        }
        Repositories.Recovered recovered = machineA.engine()
                .recover(
                        tmp.resolve("b"),
                        "dir:" + machineA.store(),
                        null,
                        null,
                        null,
                        TestRepositories.PASSPHRASE.toCharArray(),
                        RebuildListener.NONE);
        try (RepositorySession session = recovered.session()) {
            assertThat(recovered.report().packsFromRecords()).isZero();
            assertThat(recovered.report().headersRead())
                    .isEqualTo(machineA.packFiles().size());
            assertThat(session.snapshots()).isEqualTo(snapshots);
            assertEverySnapshotRestores(session);
        }
    }

    @Test
    void bothMachinesBackUpIntoOneRepositoryAndEachKeepsItsOwnSnapshots() throws Exception {
        Path other = tmp.resolve("other");
        Trees.writeRandom(other.resolve("notes.bin"), 9, 400_000);
        SnapshotInfo fromB;
        try (RepositorySession b = recoverWithPhrase(tmp.resolve("b")).session()) {
            b.backup(new BackupRequest(List.of(other), List.of(), List.of(), "machine-b", "bee"), new BackupProgress());
            fromB = b.snapshots().getLast();
            assertThat(fromB.host()).isEqualTo("machine-b");
        }
        try (RepositorySession a = machineA.open()) {
            Trees.writeRandom(src.resolve("new.bin"), 5, 100_000);
            backup(a, src);
            List<SnapshotInfo> seenByA = a.snapshots();
            assertThat(seenByA).hasSize(4).contains(fromB).containsAll(snapshots);
            assertEverySnapshotRestores(a);
            Path target = tmp.resolve("b-restored-on-a");
            assertThat(restore(a, fromB.id().hex(), target).errors()).isEmpty();
            assertSameTree(other, target.resolve("other"));
        }
    }

    @Test
    void aWrongPhraseIsRefusedAndLeavesNothingBehind() throws Exception {
        Path home = tmp.resolve("b");
        String other = String.join(
                " ", TestRepositories.init(tmp.resolve("x")).created().recoveryWords());
        assertThatThrownBy(() -> machineA.engine()
                        .recover(home, "dir:" + machineA.store(), null, null, other, null, RebuildListener.NONE))
                .isInstanceOf(WrongCredentialException.class)
                .hasMessageContaining("recovery phrase does not open the repository "
                        + machineA.created().repositoryId().substring(0, 8))
                .hasMessageContaining("24 words");
        assertThat(Repositories.exists(home)).isFalse();
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .doesNotContain("config.json", "index.db", "keys.json");
        }

        try (RepositorySession session = recoverWithPhrase(home).session()) {
            assertThat(session.snapshots()).isEqualTo(snapshots);
        }
    }

    @Test
    void aStoreWithoutARepositoryIsNamed() throws Exception {
        Path empty = TestRepositories.init(tmp.resolve("x")).store();
        for (Path f : TestRepositories.init(tmp.resolve("y")).blobFiles()) {
            Files.delete(f);
        }
        Path bare = tmp.resolve("y").resolve("store");
        assertThatThrownBy(() -> machineA.engine()
                        .recover(tmp.resolve("b"), "dir:" + bare, null, null, phrase, null, RebuildListener.NONE))
                .isInstanceOf(NoRepositoryException.class)
                .hasMessageContaining("holds no blobs");
        assertThat(empty).isDirectory();
    }

    @Test
    void aMissingPackIsNamedWithWhatItHeldAndEverythingElseIsRecovered() throws Exception {
        Path lostPack = unmarkedPack();
        Files.delete(lostPack);

        Repositories.Recovered recovered = recoverWithPhrase(tmp.resolve("b"));
        try (RepositorySession session = recovered.session()) {
            RebuildReport report = recovered.report();
            assertThat(report.complete()).isFalse();
            assertThat(report.unreadableBlobs()).singleElement().satisfies(u -> {
                assertThat(u.blobId()).isEqualTo(lostPack.getFileName().toString());
                assertThat(u.reason()).isEqualTo("no longer in the store");
            });
            assertThat(report.lost()).isNotEmpty();
            assertThat(session.snapshots()).isEqualTo(snapshots);
            // Every file the report does not name restores byte for byte; every file it names is not restored whole.
            for (int i = 0; i < snapshots.size(); i++) {
                String id = snapshots.get(i).id().shortHex();
                List<String> lostHere = report.lost().stream()
                        .filter(l -> l.snapshot().equals(id))
                        .map(LostData::path)
                        .toList();
                Path target = tmp.resolve("partial-" + i);
                restore(session, snapshots.get(i).id().hex(), target);
                try (Stream<Path> files = Files.walk(expected.get(i))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String rel = expected.get(i).relativize(f).toString();
                        String original = src + "/" + rel;
                        boolean named =
                                lostHere.stream().anyMatch(l -> original.equals(l) || original.startsWith(l + "/"));
                        Path restored = target.resolve("src").resolve(rel);
                        if (named) {
                            assertThat(Files.exists(restored) && Files.mismatch(restored, f) == -1)
                                    .as("%s is named lost in %s", rel, id)
                                    .isFalse();
                        } else {
                            assertThat(restored).as("%s in %s", rel, id).hasSameBinaryContentAs(f);
                        }
                    }
                }
            }
        }
    }

    /** A pack without a mark: one an index record lists. */
    private Path unmarkedPack() throws Exception {
        List<String> marked;
        try (Stream<Path> marks = Files.list(machineA.store().resolve("marks"))) {
            marked = marks.map(p -> p.getFileName().toString()).toList();
        }
        return machineA.packFiles().stream()
                .filter(p -> !marked.contains(p.getFileName().toString()))
                .findFirst()
                .orElseThrow();
    }
}
