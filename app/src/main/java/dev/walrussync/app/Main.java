package dev.walrussync.app;

import dev.walrussync.app.cli.Console;
import dev.walrussync.app.cli.WalrusSyncCommand;
import dev.walrussync.app.desktop.Desktop;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** Entry point of Walrus Sync: wires the engine and runs the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs one command and returns its exit code; the composition root of the command line. With no arguments it
     * starts the desktop app, or, with no display to show it on, prints the help and says so.
     */
    public static int run(String[] args) {
        Clock clock = Clock.systemUTC();
        Repositories engine =
                new Repositories(clock, new SecureRandom(), Repositories.defaultKdf(), new EmbeddedNetworks(clock));
        Console console = new Console(System.out, System.err, Console.isTerminal());
        Map<String, String> env = System.getenv();
        String os = System.getProperty("os.name", "");
        if (args.length == 0 && Desktop.displayAvailable(env, os)) {
            return Desktop.run(engine, AppHome.resolve(null, env, os, System.getProperty("user.home", ".")));
        }
        int code = WalrusSyncCommand.commandLine(console, env, engine).execute(args);
        if (args.length == 0) {
            console.println("");
            console.println("The Walrus Sync window needs a display, and none was found (DISPLAY is not set);"
                    + " the commands above work without one.");
        }
        return code;
    }
}
