package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-recover}: how long a new machine takes to rebuild the index of a large repository. It writes a corpus
 * of small files (folders of 1,000), backs it up into a directory store with the pack size that gives the asked-for
 * number of packs, changes 1 % of the files and backs up again, and then times {@code recover} into a fresh home twice:
 * with the packs' marks (the marked packs' index records list the others), and with the marks removed (every pack
 * header is read, as for a repository whose marks were lost). Each recovery is checked against the first machine's
 * snapshots.
 */
@Command(
        name = "bench-recover",
        description = "Measure the index rebuild of a new machine for a large repository (default 1,000,000 files"
                + " in 1,000 packs).")
final class RecoverBenchCommand implements java.util.concurrent.Callable<Integer> {
    /** The bytes of each file: unique, so every file is a chunk of its own. */
    private static final int FILE_SIZE = 100;

    @ParentCommand
    WalrusSyncCommand root;

    @Option(
            names = "--work",
            required = true,
            paramLabel = "DIR",
            description = "An empty folder with room for the" + " corpus and the store (about 1 GB per million files).")
    Path work;

    @Option(names = "--files", paramLabel = "N", description = "Files in the corpus (default: ${DEFAULT-VALUE}).")
    int files = 1_000_000;

    @Option(names = "--packs", paramLabel = "N", description = "Packs to aim for (default: ${DEFAULT-VALUE}).")
    int packs = 1_000;

    @Override
    public Integer call() throws Exception {
        if (files < 1 || packs < 1) {
            throw new IllegalArgumentException("--files and --packs must be positive");
        }
        Repositories engine = root.engine();
        char[] pass = "bench".toCharArray();
        Map<String, Object> out = new LinkedHashMap<>();
        Path corpus = work.resolve("corpus");
        long t = System.nanoTime();
        writeCorpus(corpus, 0);
        out.put("files", files);
        out.put("corpusWriteSeconds", BenchCommand.seconds(t));

        // Each file is one chunk of 128 bytes sealed and a 50-byte header entry; with the Padmé padding of packs
        // and headers and the trees, the store holds about 274 bytes per file (measured at 50,000 files).
        long packSize = Math.max(64 << 10, (long) files * 274 / packs);
        Path homeA = work.resolve("machine-a");
        Repositories.Created created = engine.init(homeA, "dir:" + work.resolve("store"), pass, packSize);
        List<?> snapshotsOfA;
        try (RepositorySession a = engine.openWithPassphrase(homeA, pass, true)) {
            t = System.nanoTime();
            BackupReport first = backUp(a, corpus);
            out.put("firstBackupSeconds", BenchCommand.seconds(t));
            writeCorpus(corpus, 1);
            t = System.nanoTime();
            BackupReport second = backUp(a, corpus);
            out.put("secondBackupSeconds", BenchCommand.seconds(t));
            out.put("packsStored", first.packsStored() + second.packsStored());
            snapshotsOfA = a.snapshots();
        }
        String phrase = String.join(" ", created.recoveryWords());
        try (HeapPeak heap = HeapPeak.start()) {
            recover(engine, "withMarks", phrase, snapshotsOfA, heap, out);
            try (Stream<Path> marks = Files.list(work.resolve("store").resolve("marks"))) {
                for (Path m : marks.toList()) {
                    Files.delete(m);
                }
            }
            recover(engine, "withoutMarks", phrase, snapshotsOfA, heap, out);
        }
        BenchCommand.printFigures(root, out);
        return ExitCode.OK;
    }

    private void recover(
            Repositories engine, String name, String phrase, List<?> expected, HeapPeak heap, Map<String, Object> out)
            throws Exception {
        heap.reset();
        long t = System.nanoTime();
        long[] packsRead = new long[1];
        Repositories.Recovered r = engine.recover(
                work.resolve("machine-b-" + name),
                "dir:" + work.resolve("store"),
                null,
                null,
                phrase,
                null,
                new RebuildListener() {
                    @Override
                    public void recordPackRead(int done, int total) {
                        packsRead[0] = System.nanoTime();
                    }

                    @Override
                    public void blobRead(int done, int total) {
                        packsRead[0] = System.nanoTime();
                    }
                });
        double seconds = BenchCommand.seconds(t);
        // Finding the key blob and reading the packs' headers; the rest is the index records and the trees' walk.
        out.put(name + "ReadingPacksSeconds", (packsRead[0] - t) / 1e9);
        try (RepositorySession b = r.session()) {
            if (!b.snapshots().equals(expected) || !r.report().complete()) {
                throw new IllegalStateException(
                        "the recovered repository differs from the first machine's: " + r.report());
            }
        }
        RebuildReport report = r.report();
        out.put(name + "Seconds", seconds);
        out.put(name + "Packs", report.packs());
        out.put(name + "HeadersRead", report.headersRead());
        out.put(name + "PacksFromRecords", report.packsFromRecords());
        out.put(name + "Chunks", report.chunks());
        out.put(name + "Snapshots", report.snapshots());
        out.put(name + "PeakHeapMiB", heap.mib());
    }

    private static BackupReport backUp(RepositorySession session, Path corpus) throws Exception {
        return session.backup(
                new BackupRequest(List.of(corpus), List.of(), List.of("bench"), "bench", "bench"),
                new BackupProgress());
    }

    /**
     * Writes the corpus (round 0), or rewrites 1 % of its files (round 1): folders of 1,000 files of {@value
     * #FILE_SIZE} random bytes each.
     */
    private void writeCorpus(Path corpus, int round) throws IOException {
        SplittableRandom random = new SplittableRandom(42 + round);
        byte[] data = new byte[FILE_SIZE];
        for (int i = 0; i < files; i++) {
            if (round > 0 && i % 100 != 0) {
                continue;
            }
            Path dir = corpus.resolve(String.format("d%04d", i / 1000));
            if (i % 1000 == 0 || round > 0) {
                Files.createDirectories(dir);
            }
            random.nextBytes(data);
            Files.write(dir.resolve(String.format("f%06d.bin", i)), data);
        }
    }
}
