package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.PruneReport;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code prune}: removes data that no snapshot references. */
@Command(name = "prune", description = "Remove data that no snapshot references any more.")
final class PruneCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Override
    public Integer call() throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        PruneReport r;
        try (RepositorySession session = root.open(true);
                ProgressBar bar = ProgressBar.start(
                        root.console(),
                        !root.json(),
                        "repack",
                        () -> new ProgressBar.State(done.get(), total.get(), 0, 0, true))) {
            r = session.prune((d, t) -> {
                done.set(d);
                total.set(t);
            });
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
