package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.PruneReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code prune}: removes data that no snapshot references. */
@Command(name = "prune", description = "Remove data that no snapshot references any more.")
final class PruneCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Override
    public Integer call() throws Exception {
        ProgressBar.ItemCounter counter = new ProgressBar.ItemCounter();
        PruneReport r;
        try (RepositorySession session = root.open(true);
                ProgressBar bar = ProgressBar.start(root.console(), !root.json(), "repack", counter)) {
            r = session.prune(counter);
        }
        if (root.json()) {
            root.console().json(r);
        } else {
            print(root.console(), r);
        }
        return ExitCode.OK;
    }

    static void print(Console c, PruneReport r) {
        c.println(String.format(
                "Removed %d unreferenced chunk(s): deleted %d pack(s), repacked %d; freed %s, wrote %s",
                r.chunksRemoved(),
                r.packsDeleted(),
                r.packsRepacked(),
                Format.bytes(r.bytesFreed()),
                Format.bytes(r.bytesWritten())));
    }
}
