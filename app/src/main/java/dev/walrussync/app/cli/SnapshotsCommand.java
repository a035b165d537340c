package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.SnapshotInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code snapshots}: lists the snapshots, oldest first. */
@Command(name = "snapshots", description = "List snapshots, oldest first.")
final class SnapshotsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @ParentCommand
    WalrusSyncCommand root;

    @Override
    public Integer call() throws Exception {
        List<SnapshotInfo> snapshots;
        try (RepositorySession session = root.open(false)) {
            snapshots = session.snapshots();
        }
        if (root.json()) {
            root.console().json(snapshots);
            return ExitCode.OK;
        }
        Console c = root.console();
        if (snapshots.isEmpty()) {
            c.println("No snapshots yet. Run 'walrus-sync backup PATH' to make one.");
            return ExitCode.OK;
        }
        printTable(c, snapshots);
        return ExitCode.OK;
    }

    /** The snapshots as a table, one line each, and their count. */
    static void printTable(Console c, List<SnapshotInfo> snapshots) {
        c.println(String.format("%-9s %-19s %-16s %8s %10s  %s", "ID", "Time", "Host", "Files", "Size", "Paths"));
        for (SnapshotInfo s : snapshots) {
            c.println(String.format(
                    "%-9s %-19s %-16s %8d %10s  %s%s",
                    s.id().shortHex(),
                    TIME.format(s.time()),
                    s.host(),
                    s.files(),
                    Format.bytes(s.bytes()),
                    String.join(", ", s.paths()),
                    s.tags().isEmpty() ? "" : "  [" + String.join(", ", s.tags()) + "]"));
        }
        c.println(snapshots.size() + " snapshot(s)");
    }
}
