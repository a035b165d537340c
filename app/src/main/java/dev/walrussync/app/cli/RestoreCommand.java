package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code restore SNAPSHOT --target DIR}: restores a snapshot, or part of one. */
@Command(name = "restore", description = "Restore a snapshot, or the parts named by --include, into a folder.")
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot ID (a prefix) or 'latest'.")
    String snapshot;

    @Option(names = "--target", required = true, paramLabel = "DIR", description = "Existing folder to restore into.")
    Path target;

    @Option(
            names = "--include",
            paramLabel = "PATH",
            description = "Restore only this path of the snapshot; repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace files that already exist in the target.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        RestoreProgress progress = new RestoreProgress();
        RestoreReport r;
        try (RepositorySession session = root.open(false);
                ProgressBar bar = ProgressBar.start(
                        root.console(),
                        !root.json(),
                        "restore",
                        () -> new ProgressBar.State(
                                progress.filesDone(),
                                progress.filesTotal(),
                                progress.bytesDone(),
                                progress.bytesTotal(),
                                true))) {
            r = session.restore(new RestoreRequest(snapshot, includes, target, overwrite), progress);
        }
        if (root.json()) {
            root.console().json(r);
        } else {
            Console c = root.console();
            for (String e : r.errors()) {
                c.err().println("error: " + e);
            }
            if (!r.skippedExisting().isEmpty()) {
                c.err()
                        .println(
                                "warning: " + r.skippedExisting().size()
                                        + " file(s) already exist in the target and were left alone (use --overwrite to replace):");
                r.skippedExisting().stream().limit(20).forEach(p -> c.err().println("  " + p));
            }
            c.println(String.format(
                    "Restored %d file(s), %d folder(s), %d symlink(s), %s from snapshot %s to %s in %s",
                    r.files(),
                    r.dirs(),
                    r.symlinks(),
                    Format.bytes(r.bytes()),
                    r.snapshotId().shortHex(),
                    target.toAbsolutePath(),
                    Format.duration(r.duration().toSeconds())));
        }
        return r.errors().isEmpty() && r.skippedExisting().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }
}
