package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code repair index}: rebuilds the local index from the store alone. */
@Command(
        name = "repair",
        description = "Repair local state.",
        subcommands = {RepairCommand.Index.class})
final class RepairCommand extends CommandGroup {
    @Command(name = "index", description = "Rebuild the index from the packs in the store.")
    static final class Index implements Callable<Integer> {
        @ParentCommand
        RepairCommand repair;

        @Override
        public Integer call() throws Exception {
            WalrusSyncCommand root = repair.root;
            ProgressBar.ItemCounter counter = new ProgressBar.ItemCounter();
            RebuildReport r;
            try (RepositorySession session = root.open(true);
                    ProgressBar bar = ProgressBar.start(root.console(), !root.json(), "index", counter)) {
                r = session.rebuildIndex(new RebuildListener() {
                    @Override
                    public void blobRead(int d, int t) {
                        counter.accept(d, t);
                    }
                });
            }
            if (root.json()) {
                root.console().json(r);
            } else {
                root.console()
                        .println(String.format(
                                "Rebuilt the index: %d pack(s), %d chunk(s), %d snapshot(s), %d forgotten;"
                                        + " %d foreign blob(s) ignored",
                                r.packs(), r.chunks(), r.snapshots(), r.forgotten(), r.foreignBlobs()));
            }
            return ExitCode.OK;
        }
    }
}
