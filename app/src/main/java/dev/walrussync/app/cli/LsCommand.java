package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.EntryInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ls SNAPSHOT [PATH]}: lists what a snapshot holds. */
@Command(name = "ls", description = "List the files in a snapshot, or below PATH in it.")
final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @ParentCommand
    WalrusSyncCommand root;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot ID (a prefix) or 'latest'.")
    String snapshot;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "Path inside the snapshot.")
    String path = "";

    @Override
    public Integer call() throws Exception {
        List<EntryInfo> entries;
        try (RepositorySession session = root.open(false)) {
            entries = session.list(snapshot, path);
        }
        if (root.json()) {
            root.console().json(entries);
            return ExitCode.OK;
        }
        Console c = root.console();
        for (EntryInfo e : entries) {
            String kind = switch (e.type()) {
                case "dir" -> "d";
                case "symlink" -> "l";
                default -> "-";
            };
            c.println(String.format(
                    "%s%s %10s %s  %s%s",
                    kind,
                    modeString(e.mode()),
                    e.type().equals("file") ? Format.bytes(e.size()) : "",
                    TIME.format(e.mtime()),
                    e.path(),
                    e.target().map(t -> " -> " + t).orElse("")));
        }
        return ExitCode.OK;
    }

    private static String modeString(int mode) {
        String chars = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? chars.charAt(i) : '-');
        }
        return sb.toString();
    }
}
