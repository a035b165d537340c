package dev.walrussync.engine.api;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.RepositoryStats;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical content is stored once, wherever and whenever it appears. */
class DedupTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;

    private TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepositories.init(tmp.resolve("repo"));
    }

    @Test
    void theSameContentInTwoFilesAndTwoFoldersIsStoredOnce() throws Exception {
        byte[] content = Trees.randomBytes(1, 3 * MIB + 12345);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Trees.write(a.resolve("one.bin"), content);
        Trees.write(a.resolve("sub/two.bin"), content);
        Trees.write(b.resolve("three.bin"), content);

        BackupReport first;
        RepositoryStats stats;
        try (RepositorySession session = repo.open()) {
            first = backup(session, a, b);
            stats = session.stats();
        }

        assertThat(first.filesNew()).isEqualTo(3);
        assertThat(first.bytesProcessed()).isEqualTo(3L * content.length);
        assertThat(first.newBytes()).isEqualTo(content.length);
        assertThat(stats.uniqueBytes()).isEqualTo(content.length);
        assertThat(stats.logicalBytes()).isEqualTo(3L * content.length);
        assertThat(stats.storedBytes())
                .as("stored bytes (encrypted and padded) stay near one copy")
                .isLessThan(content.length * 5L / 4);
    }

    @Test
    void contentAlreadyStoredFromAnotherFolderAddsNothing() throws Exception {
        byte[] content = Trees.randomBytes(2, 2 * MIB);
        Path a = Trees.write(tmp.resolve("a/file.bin"), content).getParent();
        Path b = Trees.write(tmp.resolve("b/copy-with-another-name.bin"), content)
                .getParent();

        BackupReport second;
        try (RepositorySession session = repo.open()) {
            backup(session, a);
            second = backup(session, b);
        }

        assertThat(second.filesNew()).isEqualTo(1);
        assertThat(second.newChunks()).isZero();
        assertThat(second.newBytes()).isZero();
    }

    @Test
    void aSecondBackupOfAnUnchangedTreeStoresNoNewDataAndReportsFilesUnchanged() throws Exception {
        Path src = tmp.resolve("src");
        Trees.writeRandom(src.resolve("big.bin"), 3, 4 * MIB);
        Trees.writeRandom(src.resolve("small.txt"), 4, 100);
        Trees.write(src.resolve("empty"), new byte[0]);
        Trees.writeRandom(src.resolve("sub/inner.bin"), 5, 700_000);
        Files.createDirectories(src.resolve("empty-dir"));

        BackupReport first;
        BackupReport second;
        RepositoryStats before;
        RepositoryStats after;
        try (RepositorySession session = repo.open()) {
            first = backup(session, src);
            before = session.stats();
            second = backup(session, src);
            after = session.stats();
        }

        assertThat(first.filesNew()).isEqualTo(4);
        assertThat(second.filesNew()).isZero();
        assertThat(second.filesChanged()).isZero();
        assertThat(second.filesUnchanged()).isEqualTo(4);
        assertThat(second.newChunks()).isZero();
        assertThat(second.newBytes()).isZero();
        assertThat(second.bytesProcessed()).isEqualTo(first.bytesProcessed());
        assertThat(second.packsStored()).as("only the new snapshot is written").isEqualTo(1);
        assertThat(after.uniqueBytes()).isEqualTo(before.uniqueBytes());
        assertThat(after.chunks()).as("one new snapshot chunk, no new trees").isEqualTo(before.chunks() + 1);
        assertThat(after.snapshots()).isEqualTo(2);
    }

    @Test
    void appendingToALargeFileStoresOnlyTheChangedTail() throws Exception {
        Path src = tmp.resolve("src");
        Path log = Trees.writeRandom(src.resolve("app.log"), 6, 16 * MIB);

        BackupReport first;
        BackupReport second;
        try (RepositorySession session = repo.open()) {
            first = backup(session, src);
            Files.write(log, Trees.randomBytes(7, 200_000), StandardOpenOption.APPEND);
            second = backup(session, src);
        }

        assertThat(first.newChunks()).as("chunks of 16 MiB of random data").isGreaterThan(5);
        assertThat(second.filesChanged()).isEqualTo(1);
        assertThat(second.newChunks()).isBetween(1L, 2L);
        assertThat(second.newBytes())
                .as("the last chunk of the old file plus what was appended")
                .isGreaterThanOrEqualTo(200_000)
                .isLessThan(8L * MIB);
        assertThat(second.bytesProcessed()).isEqualTo(16L * MIB + 200_000);
    }

    @Test
    void insertingBytesNearTheStartOfAFileChangesOnlyTheChunksAroundThem() throws Exception {
        Path src = tmp.resolve("src");
        byte[] original = Trees.randomBytes(8, 12 * MIB);
        Path file = Trees.write(src.resolve("doc.bin"), original);

        BackupReport second;
        try (RepositorySession session = repo.open()) {
            backup(session, src);
            byte[] edited = new byte[original.length + 100];
            System.arraycopy(original, 0, edited, 0, MIB);
            System.arraycopy(original, MIB, edited, MIB + 100, original.length - MIB);
            Files.write(file, edited);
            second = backup(session, src);
        }

        assertThat(second.newChunks()).isBetween(1L, 3L);
        assertThat(second.newBytes()).isLessThan(6L * MIB);
    }

    @Test
    void aRenamedFileStoresNoNewData() throws Exception {
        Path src = tmp.resolve("src");
        Path file = Trees.writeRandom(src.resolve("before.bin"), 9, 2 * MIB);

        BackupReport second;
        try (RepositorySession session = repo.open()) {
            backup(session, src);
            Files.move(file, src.resolve("after.bin"));
            second = backup(session, src);
        }

        assertThat(second.filesNew()).isEqualTo(1);
        assertThat(second.newChunks()).isZero();
    }
}
