package dev.walrussync.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code key}, {@code repair}, {@code wallet}): run on its own, it
 * prints its usage. Its subcommands reach the global options through {@link #root}.
 */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    WalrusSyncCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.console().out());
    }
}
