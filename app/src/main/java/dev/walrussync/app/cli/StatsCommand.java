package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.RepositoryStats;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code stats}: how much the repository holds and how well it deduplicates. */
@Command(name = "stats", description = "Show how much the repository holds.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Override
    public Integer call() throws Exception {
        RepositoryStats s;
        try (RepositorySession session = root.open(false)) {
            s = session.stats();
        }
        if (root.json()) {
            root.console().json(s);
            return ExitCode.OK;
        }
        Console c = root.console();
        c.println("Store:            " + s.store());
        c.println("Snapshots:        " + s.snapshots());
        c.println("Latest snapshot:  " + s.latestFiles() + " files, " + Format.bytes(s.latestBytes()));
        c.println("All snapshots:    " + Format.bytes(s.logicalBytes()) + " of files");
        c.println("Unique data:      " + Format.bytes(s.uniqueBytes()) + " in " + s.chunks() + " chunks");
        c.println("Stored:           " + Format.bytes(s.storedBytes()) + " in " + s.packs() + " packs");
        if (s.storedBytes() > 0) {
            c.println(String.format(
                    Locale.ROOT,
                    "Space saving:     %.1fx (files / stored)",
                    (double) s.logicalBytes() / s.storedBytes()));
        }
        return ExitCode.OK;
    }
}
