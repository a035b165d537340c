package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.CheckReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code check}: verifies the repository and names what is missing or damaged. */
@Command(name = "check", description = "Verify the repository; name any missing or damaged pack.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Option(names = "--read-data", description = "Also read and verify every chunk of every pack.")
    boolean readData;

    @Override
    public Integer call() throws Exception {
        ProgressBar.ItemCounter counter = new ProgressBar.ItemCounter();
        CheckReport r;
        try (RepositorySession session = root.open(false);
                ProgressBar bar = ProgressBar.start(root.console(), !root.json(), "check", counter)) {
            r = session.check(readData, counter);
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
            c.println(String.format(
                    "Checked %d pack(s), %d snapshot(s), %d tree(s)%s: %s",
                    r.packs(),
                    r.snapshots(),
                    r.trees(),
                    readData ? ", " + r.chunksRead() + " chunk(s) read" : "",
                    r.ok() ? "no errors" : r.errors().size() + " error(s)"));
        }
        return r.ok() ? ExitCode.OK : ExitCode.FAILED;
    }
}
