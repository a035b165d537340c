package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench}: measures the engine in one warm process: a throwaway backup first warms the JIT up,
 * then a first backup, an unchanged backup and a full restore of the corpus are timed, each with the
 * peak heap in use (sampled every 5 ms). This is the steady state of the long-running app; {@code bench/backup-vs-restic.sh}
 * measures the command line, start-up included.
 */
@Command(name = "bench", description = "Measure backup and restore throughput of the engine in a warm process.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "The corpus: folders to back up.")
    List<Path> corpus;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "An empty folder for repositories.")
    Path work;

    @Option(names = "--no-warm-up", description = "Skip the warm-up backup (measure a cold engine).")
    boolean noWarmUp;

    @Override
    public Integer call() throws Exception {
        char[] pass = "bench".toCharArray();
        Repositories engine = root.engine();
        long corpusBytes = sizeOf(corpus);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("corpusBytes", corpusBytes);
        if (!noWarmUp) {
            Path home = work.resolve("warm-up");
            engine.init(home, "dir:" + home.resolve("store"), pass, 0);
            try (RepositorySession s = engine.openWithPassphrase(home, pass, true)) {
                s.backup(request(), new BackupProgress());
            }
        }
        HeapPeak heap = HeapPeak.start();
        Path home = work.resolve("timed");
        engine.init(home, "dir:" + home.resolve("store"), pass, 0);
        try (RepositorySession s = engine.openWithPassphrase(home, pass, true)) {
            heap.reset();
            long t = System.nanoTime();
            BackupReport first = s.backup(request(), new BackupProgress());
            out.put("firstBackupSeconds", seconds(t));
            out.put("firstBackupMBps", corpusBytes / 1e6 / seconds(t));
            out.put("firstBackupPeakHeapMiB", heap.mib());
            out.put("storedBytes", first.bytesStored());

            heap.reset();
            t = System.nanoTime();
            s.backup(request(), new BackupProgress());
            out.put("unchangedBackupSeconds", seconds(t));
            out.put("unchangedBackupPeakHeapMiB", heap.mib());

            Path target = work.resolve("restored");
            Files.createDirectories(target);
            heap.reset();
            t = System.nanoTime();
            RestoreReport restored =
                    s.restore(new RestoreRequest("latest", List.of(), target, false), new RestoreProgress());
            out.put("restoreSeconds", seconds(t));
            out.put("restoreMBps", corpusBytes / 1e6 / seconds(t));
            out.put("restorePeakHeapMiB", heap.mib());
            out.put("restoreErrors", restored.errors().size());
        } finally {
            heap.close();
        }
        printFigures(root, out);
        return ExitCode.OK;
    }

    /** Prints a benchmark's figures as JSON, or one per line with seconds and rates to two decimals. */
    static void printFigures(WalrusSyncCommand root, Map<String, Object> figures) {
        if (root.json()) {
            root.console().json(figures);
        } else {
            figures.forEach((k, v) -> root.console()
                    .println(String.format(
                            Locale.ROOT,
                            "%-28s %s",
                            k,
                            v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v)));
        }
    }

    private BackupRequest request() {
        return new BackupRequest(corpus, List.of(), List.of("bench"), "bench", "bench");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long sizeOf(List<Path> paths) throws IOException {
        long[] total = new long[1];
        for (Path p : paths) {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return total[0];
    }
}
