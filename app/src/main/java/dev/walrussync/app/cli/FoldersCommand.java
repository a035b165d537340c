package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.daemon.DaemonClient;
import dev.walrussync.app.daemon.DaemonRequest;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WatchedFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code folders}: the folders the watch daemon backs up, with their excludes. Changes are saved in {@code
 * sync.json} and, when a daemon runs, take effect at once.
 */
@Command(
        name = "folders",
        description = "List, add, remove, pause or resume the folders the watch daemon backs up, and edit their"
                + " excludes.",
        subcommands = {
            FoldersCommand.ListFolders.class,
            FoldersCommand.Add.class,
            FoldersCommand.Remove.class,
            FoldersCommand.Pause.class,
            FoldersCommand.Resume.class
        })
final class FoldersCommand extends CommandGroup {

    /** Saves {@code settings} and tells a running daemon to apply them. */
    static void apply(WalrusSyncCommand root, SyncSettings settings) throws SyncException {
        Path home = root.home();
        settings.save(home);
        if (DaemonClient.send(home, DaemonRequest.of("reload")).isPresent()) {
            root.console().err().println("The running watch daemon applied the change.");
        }
    }

    @Command(name = "list", description = "List the watched folders and their excludes.")
    static final class ListFolders implements Callable<Integer> {
        @ParentCommand
        FoldersCommand group;

        @Override
        public Integer call() throws Exception {
            SyncSettings settings = SyncSettings.load(group.root.home());
            if (group.root.json()) {
                group.root.console().json(settings.folders());
                return ExitCode.OK;
            }
            Console c = group.root.console();
            if (settings.folders().isEmpty()) {
                c.println("No watched folders; add one with 'walrus-sync folders add PATH'.");
            }
            for (WatchedFolder f : settings.folders()) {
                c.println(f.path()
                        + (f.paused() ? "  PAUSED" : "")
                        + (f.excludes().isEmpty() ? "" : "  (excludes: " + String.join(", ", f.excludes()) + ")"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Watch a folder, or replace the excludes of one already watched.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        FoldersCommand group;

        @Parameters(paramLabel = "PATH", description = "The folder.")
        Path path;

        @Option(
                names = "--exclude",
                paramLabel = "PATTERN",
                description = "Exclude paths (gitignore syntax); repeatable.")
        List<String> excludes = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            SyncSettings settings = SyncSettings.load(group.root.home());
            WatchedFolder folder = settings.folder(path)
                    .map(f -> f.withExcludes(excludes))
                    .orElseGet(() -> new WatchedFolder(path, excludes));
            apply(group.root, settings.withFolder(folder));
            group.root
                    .console()
                    .println("Watching " + folder.path()
                            + (excludes.isEmpty() ? "" : " without " + String.join(", ", excludes)));
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Stop watching a folder; its snapshots stay.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        FoldersCommand group;

        @Parameters(paramLabel = "PATH", description = "The folder.")
        Path path;

        @Override
        public Integer call() throws Exception {
            apply(group.root, SyncSettings.load(group.root.home()).withoutFolder(path));
            group.root
                    .console()
                    .println("No longer watching " + path.toAbsolutePath().normalize()
                            + "; its snapshots stay in the repository.");
            return ExitCode.OK;
        }
    }

    /** {@code folders pause|resume PATH}: saves one folder paused or not, and says what that means. */
    abstract static class SetPaused implements Callable<Integer> {
        @ParentCommand
        FoldersCommand group;

        @Parameters(paramLabel = "PATH", description = "The folder.")
        Path path;

        abstract boolean pause();

        abstract String done(Path folder);

        @Override
        public Integer call() throws Exception {
            WalrusSyncCommand root = group.root;
            apply(root, SyncSettings.load(root.home()).withFolderChanged(path, f -> f.withPaused(pause())));
            root.console().println(done(path.toAbsolutePath().normalize()));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "pause",
            description = "Pause one folder: its changes are collected, not backed up, until 'folders resume'.")
    static final class Pause extends SetPaused {
        @Override
        boolean pause() {
            return true;
        }

        @Override
        String done(Path folder) {
            return "Paused " + folder + "; the other folders are still backed up.";
        }
    }

    @Command(name = "resume", description = "Resume a paused folder; its changes are backed up.")
    static final class Resume extends SetPaused {
        @Override
        boolean pause() {
            return false;
        }

        @Override
        String done(Path folder) {
            return "Resumed " + folder + ".";
        }
    }
}
