package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
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
            RebuildReport r;
            try (RepositorySession session = root.open(true);
                    RebuildSteps steps = new RebuildSteps(root.console(), !root.json())) {
                r = session.rebuildIndex(steps);
            }
            if (root.json()) {
                root.console().json(r);
            } else {
                root.console()
                        .println(String.format(
                                "Rebuilt the index: %d pack(s) (%d from index records, %d read), %d chunk(s), %d"
                                        + " snapshot(s), %d forgotten; %d foreign blob(s) ignored",
                                r.packs(),
                                r.packsFromRecords(),
                                r.headersRead(),
                                r.chunks(),
                                r.snapshots(),
                                r.forgotten(),
                                r.foreignBlobs()));
            }
            return ExitCode.OK;
        }
    }
}
