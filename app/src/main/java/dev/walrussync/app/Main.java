package dev.walrussync.app;

import dev.walrussync.app.cli.Console;
import dev.walrussync.app.cli.WalrusSyncCommand;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import java.security.SecureRandom;
import java.time.Clock;

/** Entry point of Walrus Sync: wires the engine and runs the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; the composition root of the command line. */
    public static int run(String[] args) {
        Clock clock = Clock.systemUTC();
        Repositories engine =
                new Repositories(clock, new SecureRandom(), Repositories.defaultKdf(), new EmbeddedNetworks(clock));
        Console console = new Console(System.out, System.err, Console.isTerminal());
        return WalrusSyncCommand.commandLine(console, System.getenv(), engine).execute(args);
    }
}
