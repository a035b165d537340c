package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public Integer call() throws Exception {
        BackupProgress progress = new BackupProgress();
        BackupReport r;
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
                    new BackupRequest(paths, excludes, tags, host != null ? host : hostName(), user()), progress);
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
