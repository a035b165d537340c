package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.CostEstimate;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.SyncException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backup PATH...}: backs up folders and files into a new snapshot. */
@Command(name = "backup", description = "Back up folders and files into a new snapshot.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders or files to back up.")
    List<Path> paths;

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Exclude paths (gitignore syntax); repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag the snapshot; repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--host", paramLabel = "NAME", description = "Host name to record (default: this machine's).")
    String host;

    @Option(
            names = "--dry-run",
            description = "Read and pack everything, store nothing: show how many blobs, storage units and WAL"
                    + " the backup would cost at today's prices.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        BackupProgress progress = new BackupProgress();
        BackupReport r;
        CostEstimate cost = null;
        RenewalReport renewal = null;
        try (RepositorySession session = root.open(true);
                ProgressBar bar = ProgressBar.start(
                        root.console(),
                        !root.json(),
                        "backup",
                        () -> new ProgressBar.State(
                                progress.filesDone(),
                                progress.filesTotal(),
                                progress.bytesDone(),
                                progress.bytesTotal(),
                                progress.scanDone()))) {
            r = session.backup(
                    new BackupRequest(paths, excludes, tags, host != null ? host : hostName(), user(), dryRun),
                    progress);
            if (dryRun && session.onWalrus()) {
                cost = session.costOf(r.packSizes());
            }
            if (!dryRun) {
                renewal = renewIfDue(session);
            }
        }
        if (dryRun) {
            return printDryRun(r, cost);
        }
        if (root.json()) {
            root.console().json(r);
        } else {
            Console c = root.console();
            for (String w : r.warnings()) {
                c.err().println("warning: " + w);
            }
            for (String e : r.errors()) {
                c.err().println("error: " + e);
            }
            if (r.packsAdopted() > 0) {
                c.println("Adopted " + r.packsAdopted() + " pack(s) left by an interrupted run.");
            }
            c.println(String.format(
                    "Files: %d new, %d changed, %d unchanged; %d folders",
                    r.filesNew(), r.filesChanged(), r.filesUnchanged(), r.dirs()));
            c.println(String.format(
                    "Added %s of new data (%d chunks) in %d pack(s), %s stored",
                    Format.bytes(r.newBytes()), r.newChunks(), r.packsStored(), Format.bytes(r.bytesStored())));
            c.println(String.format(
                    "Processed %s in %s",
                    Format.bytes(r.bytesProcessed()),
                    Format.duration(r.duration().toSeconds())));
            c.println("Snapshot " + r.snapshotId().shortHex() + " saved"
                    + (r.errors().isEmpty() ? "" : ", but " + r.errors().size() + " item(s) could not be read"));
            if (renewal != null
                    && (!renewal.renewed().isEmpty() || !renewal.alerts().isEmpty())) {
                c.println("Renewal (due since the last pass):");
                RenewCommand.print(c, renewal);
            }
        }
        return r.errors().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    /** The renewal pass a backup runs when one is due; its failure is a warning, the backup is saved. */
    private RenewalReport renewIfDue(RepositorySession session) {
        try {
            return session.renewIfDue((done, total) -> {}).orElse(null);
        } catch (SyncException e) {
            root.console().err().println("warning: the renewal pass after the backup failed: " + e.getMessage());
            return null;
        }
    }

    private Integer printDryRun(BackupReport r, CostEstimate cost) {
        if (root.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dryRun", true);
            out.put("report", r);
            if (cost != null) {
                out.put("cost", cost);
            }
            root.console().json(out);
            return r.errors().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
        }
        Console c = root.console();
        for (String e : r.errors()) {
            c.err().println("error: " + e);
        }
        c.println("Dry run: nothing was stored.");
        c.println(String.format(
                "Files: %d new, %d changed, %d unchanged; %s of new data in %d chunks",
                r.filesNew(), r.filesChanged(), r.filesUnchanged(), Format.bytes(r.newBytes()), r.newChunks()));
        c.println(String.format("Would store %d blob(s), %s", r.packsStored(), Format.bytes(r.bytesStored())));
        if (cost != null) {
            c.println(String.format(
                    "On Walrus: %s encoded, %d storage unit(s), for %d epoch(s): %s",
                    Format.bytes(cost.encodedBytes()),
                    cost.storageUnits(),
                    cost.epochs(),
                    Format.wal(cost.costFrost())));
        }
        return r.errors().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env != null ? env : "localhost";
        }
    }

    static String user() {
        return System.getProperty("user.name", "");
    }
}
