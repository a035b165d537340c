package dev.walrussync.engine.api;

import static dev.walrussync.engine.testing.TestRepositories.backup;
import static dev.walrussync.engine.testing.TestRepositories.restore;
import static dev.walrussync.engine.testing.TreeAssert.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.EntryInfo;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backing up a tree and restoring it gives back the same tree, byte for byte, with its metadata. */
class RoundTripTest {
    @TempDir
    Path tmp;

    private TestRepo repo;
    private Path src;
    private Path target;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepositories.init(tmp.resolve("repo"));
        src = Files.createDirectories(tmp.resolve("src"));
        target = tmp.resolve("restored");
    }

    /** Backs up {@link #src}, restores it into {@link #target} and returns the restore's report. */
    private RestoreReport roundTrip() throws Exception {
        try (RepositorySession session = repo.open()) {
            BackupReport b = backup(session, src);
            assertThat(b.errors()).isEmpty();
            assertThat(b.warnings()).isEmpty();
            RestoreReport r = restore(session, b.snapshotId().hex(), target);
            assertThat(r.errors()).isEmpty();
            assertThat(r.skippedExisting()).isEmpty();
            return r;
        }
    }

    @Test
    void emptyFileAndEmptyFoldersRoundTrip() throws Exception {
        Trees.write(src.resolve("empty.bin"), new byte[0]);
        Files.createDirectories(src.resolve("empty-folder"));
        Files.createDirectories(src.resolve("a/b/c/d"));
        Trees.write(src.resolve("a/b/empty-too"), new byte[0]);
        Trees.stampTimes(src, 0);

        RestoreReport r = roundTrip();

        assertSameTree(src, target.resolve("src"));
        assertThat(r.files()).isEqualTo(2);
        assertThat(r.bytes()).isZero();
    }

    @Test
    void smallAndMediumFilesRoundTrip() throws Exception {
        Trees.writeRandom(src.resolve("one-byte"), 1, 1);
        Trees.writeRandom(src.resolve("below-min-chunk"), 2, 500_000);
        Trees.writeRandom(src.resolve("several-chunks"), 3, 5_000_000);
        Trees.write(
                src.resolve("compressible.txt"),
                "hello walrus\n".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        Trees.write(src.resolve("zeros"), new byte[3_000_000]);
        Trees.stampTimes(src, 0);

        RestoreReport r = roundTrip();

        assertSameTree(src, target.resolve("src"));
        assertThat(r.files()).isEqualTo(5);
    }

    @Test
    void aLargeSparseFileRoundTripsAndStaysSparse() throws Exception {
        Path sparse = src.resolve("disk.img");
        long size = 200L << 20;
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(size);
            f.seek(0);
            f.write(Trees.randomBytes(1, 1 << 20));
            f.seek(100L << 20);
            f.write(Trees.randomBytes(2, 2 << 20));
            f.seek(150L << 20);
            f.write(Trees.randomBytes(3, 4096));
        }
        // Ends in a hole: the restore must still give the file its full length.
        Trees.stampTimes(src, 0);

        roundTrip();

        Path restored = target.resolve("src/disk.img");
        assertThat(Files.size(restored)).isEqualTo(size);
        assertThat(Files.mismatch(sparse, restored)).isEqualTo(-1);
        assertSameTree(src, target.resolve("src"));
        // Java cannot read allocated blocks; stat(1) can. Where the source is sparse, the copy must be too.
        Optional<Long> sourceBlocks = allocatedBytes(sparse);
        assumeTrue(sourceBlocks.isPresent() && sourceBlocks.get() < size / 4, "the file system keeps holes");
        assertThat(allocatedBytes(restored).orElseThrow()).isLessThan(size / 2);
    }

    /** Allocated bytes by {@code stat -c '%b %B'}, or empty where that does not work. */
    private static Optional<Long> allocatedBytes(Path file) {
        try {
            Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String[] parts = out.split(" ");
            return Optional.of(Long.parseLong(parts[0]) * Long.parseLong(parts[1]));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Test
    void unicodeNamesRoundTripInBothNormalForms() throws Exception {
        String nfc = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFD);
        assertThat(nfc).isNotEqualTo(nfd);
        Trees.writeString(src.resolve(nfc + ".txt"), "composed");
        Trees.writeString(src.resolve(nfd + ".txt"), "decomposed");
        Trees.writeString(src.resolve("\uD83D\uDCE6 box \uD83E\uDDAD.txt"), "emoji");
        Trees.writeString(
                src.resolve("\u65e5\u672c\u8a9e/\u0444\u0430\u0439\u043b \u0627\u0644\u0645\u0644\u0641.txt"),
                "scripts");
        Trees.writeString(src.resolve("spaces and 'quotes' \"double\" #hash%.txt"), "punctuation");
        Trees.writeString(src.resolve("new\nline"), "control character");
        Trees.stampTimes(src, 0);
        assertThat(Trees.listNames(src)).contains(nfc + ".txt", nfd + ".txt");

        roundTrip();

        assertSameTree(src, target.resolve("src"));
        assertThat(Files.readString(target.resolve("src").resolve(nfd + ".txt")))
                .isEqualTo("decomposed");
    }

    @Test
    void aDeepTreeRoundTrips() throws Exception {
        Path dir = src;
        for (int level = 0; level < 60; level++) {
            dir = dir.resolve("level-" + level);
            Trees.writeString(dir.resolve("file-" + level + ".txt"), "at depth " + level);
        }
        Files.createDirectories(dir.resolve("empty-at-the-bottom"));
        Trees.stampTimes(src, 0);

        RestoreReport r = roundTrip();

        assertSameTree(src, target.resolve("src"));
        assertThat(r.files()).isEqualTo(60);
    }

    @Test
    void symlinksRoundTripWithoutTouchingTheirTargets() throws Exception {
        Trees.writeString(src.resolve("notes.txt"), "notes");
        Trees.writeString(src.resolve("sub/deep.txt"), "deep");
        Files.createSymbolicLink(src.resolve("relative-link"), Path.of("notes.txt"));
        Files.createSymbolicLink(src.resolve("sub/up-link"), Path.of("../notes.txt"));
        Files.createSymbolicLink(src.resolve("folder-link"), Path.of("sub"));
        Files.createSymbolicLink(src.resolve("dangling-link"), Path.of("does/not/exist"));
        Path outside = Trees.writeString(tmp.resolve("outside/elsewhere.txt"), "outside");
        Files.createSymbolicLink(src.resolve("absolute-link"), outside.toAbsolutePath());
        Trees.stampTimes(src, 0);
        Trees.stampTimes(outside, 1_000_000);
        Instant outsideTime = Files.getLastModifiedTime(outside).toInstant();

        RestoreReport r = roundTrip();

        assertSameTree(src, target.resolve("src"));
        assertThat(r.symlinks()).isEqualTo(5);
        assertThat(Files.readSymbolicLink(target.resolve("src/dangling-link"))).isEqualTo(Path.of("does/not/exist"));
        assertThat(Files.getLastModifiedTime(outside).toInstant())
                .as("the restore left the absolute link's target alone")
                .isEqualTo(outsideTime);
    }

    @Test
    void modesRoundTrip() throws Exception {
        Trees.chmod(Trees.writeString(src.resolve("secret"), "s"), "rw-------");
        Trees.chmod(Trees.writeString(src.resolve("script.sh"), "#!/bin/sh\n"), "rwxr-xr-x");
        Trees.chmod(Trees.writeString(src.resolve("read-only"), "r"), "r--r--r--");
        Trees.chmod(Trees.writeString(src.resolve("group-write"), "g"), "rw-rw-r--");
        Trees.chmod(Files.createDirectories(src.resolve("private-dir")), "rwx------");
        Trees.writeString(src.resolve("locked-dir/inside.txt"), "inside");
        Trees.chmod(src.resolve("locked-dir"), "r-xr-xr-x");
        Trees.stampTimes(src, 0);

        roundTrip();

        assertSameTree(src, target.resolve("src"));
    }

    @Test
    void mtimesRoundTripIncludingFractionsAndOldDates() throws Exception {
        Path a = Trees.writeString(src.resolve("a"), "a");
        Path b = Trees.writeString(src.resolve("dir/b"), "b");
        Path c = Trees.writeString(src.resolve("c"), "c");
        Trees.setMtime(a, Instant.parse("2024-02-29T23:59:59.987654321Z"));
        Trees.setMtime(b, Instant.parse("1999-12-31T23:59:59Z"));
        Trees.setMtime(c, Instant.parse("1970-01-01T00:00:01Z"));
        Trees.setMtime(src.resolve("dir"), Instant.parse("2010-06-15T12:00:00.5Z"));
        Trees.setMtime(src, Instant.parse("2011-06-15T12:00:00Z"));

        roundTrip();

        assertSameTree(src, target.resolve("src"));
        assertThat(Files.getLastModifiedTime(target.resolve("src/a")).toInstant())
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.987654321Z"));
    }

    @Test
    void aSingleFileBackedUpOnItsOwnRoundTrips() throws Exception {
        Path file = Trees.writeRandom(src.resolve("report.pdf"), 9, 40_000);
        Trees.setMtime(file, Trees.EPOCH);

        try (RepositorySession session = repo.open()) {
            BackupReport b = backup(session, file);
            restore(session, "latest", target);
            assertThat(b.filesNew()).isEqualTo(1);
        }

        assertThat(Files.mismatch(file, target.resolve("report.pdf"))).isEqualTo(-1);
        assertThat(Files.getLastModifiedTime(target.resolve("report.pdf")).toInstant())
                .isEqualTo(Trees.EPOCH);
    }

    @Test
    void twoFoldersWithTheSameNameAreBothKept() throws Exception {
        Path one = Trees.writeString(tmp.resolve("one/docs/a.txt"), "one").getParent();
        Path two = Trees.writeString(tmp.resolve("two/docs/a.txt"), "two").getParent();
        Trees.stampTimes(one, 0);
        Trees.stampTimes(two, 100);

        try (RepositorySession session = repo.open()) {
            backup(session, one, two);
            restore(session, "latest", target);
        }

        assertSameTree(one, target.resolve("docs"));
        assertSameTree(two, target.resolve("docs-2"));
    }

    @Test
    void listShowsEveryEntryWithItsTypeSizeModeTimeAndTarget() throws Exception {
        Trees.chmod(Trees.writeRandom(src.resolve("data.bin"), 1, 1234), "rw-r-----");
        Files.createSymbolicLink(src.resolve("link"), Path.of("data.bin"));
        Files.createDirectories(src.resolve("sub"));
        Trees.stampTimes(src, 0);

        List<EntryInfo> entries;
        List<EntryInfo> below;
        try (RepositorySession session = repo.open()) {
            backup(session, src);
            entries = session.list("latest", "");
            below = session.list("latest", "/src/sub/");
        }

        assertThat(entries).extracting(EntryInfo::path).containsExactly("src", "src/data.bin", "src/link", "src/sub");
        EntryInfo data = entries.get(1);
        assertThat(data.type()).isEqualTo("file");
        assertThat(data.size()).isEqualTo(1234);
        assertThat(data.mode()).isEqualTo(0640);
        assertThat(data.mtime())
                .isEqualTo(Files.getLastModifiedTime(src.resolve("data.bin")).toInstant());
        assertThat(entries.get(2).type()).isEqualTo("symlink");
        assertThat(entries.get(2).target()).contains("data.bin");
        assertThat(below)
                .extracting(EntryInfo::path, EntryInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/sub", "dir"));
    }

    @Test
    void restoreOfASubPathWithIncludeRestoresOnlyThatPath() throws Exception {
        Trees.writeRandom(src.resolve("docs/a.txt"), 1, 100);
        Trees.writeRandom(src.resolve("docs/deeper/b.txt"), 2, 200);
        Trees.writeRandom(src.resolve("photos/c.jpg"), 3, 300);
        Trees.writeRandom(src.resolve("top.txt"), 4, 50);
        Trees.stampTimes(src, 0);

        RestoreReport r;
        try (RepositorySession session = repo.open()) {
            backup(session, src);
            Files.createDirectories(target);
            r = session.restore(
                    new RestoreRequest("latest", List.of("src/docs"), target, false), new RestoreProgress());
        }

        assertThat(r.files()).isEqualTo(2);
        assertSameTree(src.resolve("docs"), target.resolve("src/docs"));
        assertThat(Trees.listNames(target.resolve("src"))).containsExactly("docs");
    }

    @Test
    void restoreOfASingleFileWithInclude() throws Exception {
        Trees.writeRandom(src.resolve("docs/a.txt"), 1, 100);
        Trees.writeRandom(src.resolve("docs/b.txt"), 2, 100);
        Trees.stampTimes(src, 0);

        try (RepositorySession session = repo.open()) {
            backup(session, src);
            Files.createDirectories(target);
            session.restore(
                    new RestoreRequest("latest", List.of("src/docs/b.txt"), target, false), new RestoreProgress());
        }

        assertThat(Trees.listNames(target.resolve("src/docs"))).containsExactly("b.txt");
        assertThat(Files.mismatch(src.resolve("docs/b.txt"), target.resolve("src/docs/b.txt")))
                .isEqualTo(-1);
    }

    @Test
    void restoreOfAPathTheSnapshotDoesNotHoldFailsClearly() throws Exception {
        Trees.writeString(src.resolve("a.txt"), "a");

        try (RepositorySession session = repo.open()) {
            backup(session, src);
            Files.createDirectories(target);
            assertThatThrownBy(() -> session.restore(
                            new RestoreRequest("latest", List.of("src/nope"), target, false), new RestoreProgress()))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("src/nope");
        }
    }

    @Test
    void restoreLeavesExistingFilesAloneAndReportsThemUnlessOverwriteIsAsked() throws Exception {
        Trees.writeString(src.resolve("a.txt"), "from the backup");
        Trees.writeString(src.resolve("b.txt"), "only in the backup");
        Files.createSymbolicLink(src.resolve("link"), Path.of("a.txt"));
        Trees.stampTimes(src, 0);
        Trees.writeString(target.resolve("src/a.txt"), "the user's newer text");
        Files.createSymbolicLink(target.resolve("src/link"), Path.of("elsewhere"));

        try (RepositorySession session = repo.open()) {
            backup(session, src);

            RestoreReport kept =
                    session.restore(new RestoreRequest("latest", List.of(), target, false), new RestoreProgress());

            assertThat(kept.skippedExisting()).containsExactlyInAnyOrder("src/a.txt", "src/link");
            assertThat(kept.errors()).isEmpty();
            assertThat(target.resolve("src/a.txt")).hasContent("the user's newer text");
            assertThat(Files.readSymbolicLink(target.resolve("src/link"))).isEqualTo(Path.of("elsewhere"));
            assertThat(target.resolve("src/b.txt")).hasContent("only in the backup");

            RestoreReport replaced =
                    session.restore(new RestoreRequest("latest", List.of(), target, true), new RestoreProgress());

            assertThat(replaced.skippedExisting()).isEmpty();
            assertThat(replaced.errors()).isEmpty();
        }
        assertSameTree(src, target.resolve("src"));
        try (Stream<Path> leftovers = Files.list(target.resolve("src"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void restoreIntoAMissingTargetFailsClearly() throws Exception {
        Trees.writeString(src.resolve("a.txt"), "a");
        Path missing = tmp.resolve("no/such/folder");

        try (RepositorySession session = repo.open()) {
            backup(session, src);
            assertThatThrownBy(() -> session.restore(
                            new RestoreRequest("latest", List.of(), missing, false), new RestoreProgress()))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("does not exist");
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void restoreOfAnUnknownSnapshotFailsClearly() throws Exception {
        Trees.writeString(src.resolve("a.txt"), "a");

        try (RepositorySession session = repo.open()) {
            assertThatThrownBy(() -> restore(session, "latest", target))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("no snapshots");
            backup(session, src);
            assertThatThrownBy(() -> restore(session, "0000dead", target))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("no snapshot 0000dead");
            assertThatThrownBy(() -> restore(session, "xy", target))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("not a snapshot ID");
        }
    }

    @Test
    void treeAssertNoticesEachKindOfDifference() throws Exception {
        Trees.writeString(src.resolve("a.txt"), "a");
        Files.createSymbolicLink(src.resolve("link"), Path.of("a.txt"));
        Files.createDirectories(src.resolve("empty"));
        Trees.stampTimes(src, 0);
        Path copy = tmp.resolve("copy");
        Trees.copy(src, copy);
        assertSameTree(src, copy);

        Trees.setMtime(copy.resolve("a.txt"), Trees.EPOCH.minusSeconds(5));
        assertThatThrownBy(() -> assertSameTree(src, copy)).hasMessageContaining("a.txt");
        Trees.copy(src, Trees.fresh(copy));

        Trees.chmod(copy.resolve("a.txt"), "rwx------");
        assertThatThrownBy(() -> assertSameTree(src, copy)).hasMessageContaining("a.txt");
        Trees.copy(src, Trees.fresh(copy));

        Files.delete(copy.resolve("empty"));
        assertThatThrownBy(() -> assertSameTree(src, copy)).hasMessageContaining("empty");
        Trees.copy(src, Trees.fresh(copy));

        Files.delete(copy.resolve("link"));
        Files.createSymbolicLink(copy.resolve("link"), Path.of("b.txt"));
        Trees.setMtime(
                copy.resolve("link"),
                Files.getLastModifiedTime(src.resolve("link"), LinkOption.NOFOLLOW_LINKS)
                        .toInstant());
        assertThatThrownBy(() -> assertSameTree(src, copy)).hasMessageContaining("b.txt");
        Trees.copy(src, Trees.fresh(copy));

        Instant t = Files.getLastModifiedTime(copy.resolve("a.txt")).toInstant();
        Files.writeString(copy.resolve("a.txt"), "b");
        Trees.setMtime(copy.resolve("a.txt"), t);
        assertThatThrownBy(() -> assertSameTree(src, copy)).hasMessageContaining("sha256");
        assertThat(TreeAssert.describe(copy)).containsKey(".");
    }
}
