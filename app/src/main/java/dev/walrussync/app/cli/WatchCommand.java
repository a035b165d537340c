package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.LogSetup;
import dev.walrussync.app.daemon.DaemonClient;
import dev.walrussync.app.daemon.DaemonReply;
import dev.walrussync.app.daemon.DaemonRequest;
import dev.walrussync.app.daemon.DaemonServer;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.Durations;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WatchedFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code watch}: the headless daemon. It watches the folders of {@code sync.json} (and those given with {@code
 * --folder}, which it adds there) and backs up their changes continuously, in the foreground, logging what it does.
 * Its subcommands talk to a running daemon.
 */
@Command(
        name = "watch",
        description = {
            "Watch folders and back up their changes continuously, in the foreground (stop with Ctrl-C or"
                    + " 'watch stop').",
            "The daemon's state is shown by 'walrus-sync status' while it runs."
        })
final class WatchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchCommand.class);

    @ParentCommand
    WalrusSyncCommand root;

    @Option(
            names = "--folder",
            paramLabel = "PATH",
            description = "Watch this folder too, from now on (it is added to the watched folders); repeatable.")
    List<Path> folders = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "PATTERN",
            description = "Exclude paths (gitignore syntax) in the folders given with --folder; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description = "json (one object per line) or text; default: text in a terminal, json otherwise.")
    String logFormat;

    @Override
    public Integer call() throws Exception {
        Path home = root.home();
        if (!Repositories.exists(home)) {
            throw new SyncException("no repository in " + home + ": run 'walrus-sync init' first (or pass --home)");
        }
        if (logFormat != null && !logFormat.equals("json") && !logFormat.equals("text")) {
            throw new SyncException("--log-format must be json or text, not '" + logFormat + "'");
        }
        try (SyncService.InstanceLock instance = SyncService.lockInstance(home)) {
            SyncSettings settings = SyncSettings.load(home);
            for (Path f : folders) {
                settings = settings.withFolder(new WatchedFolder(f, excludes));
            }
            if (settings.folders().isEmpty()) {
                throw new SyncException("no folders to watch: run 'walrus-sync watch --folder PATH'"
                        + " or 'walrus-sync folders add PATH' first");
            }
            settings.save(home);
            LogSetup.forDaemon(
                    logFormat != null
                            ? logFormat.equals("json")
                            : !root.console().terminal());
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "watch-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try (RepositorySession session = root.open(true);
                    SyncService sync = new SyncService(
                            session,
                            root.engine().clock(),
                            ZoneId.systemDefault(),
                            BackupCommand.hostName(),
                            BackupCommand.user());
                    DaemonServer server = DaemonServer.start(home, sync, session.onWalrus(), stop::countDown)) {
                sync.start();
                LOG.info(
                        "watching {} folder(s) for {}; 'walrus-sync status' shows what the daemon does",
                        settings.folders().size(),
                        home);
                stop.await();
                LOG.info("stopping: a backup under way is abandoned, and the next start resumes it");
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // Already shutting down.
                }
            }
        }
        return ExitCode.OK;
    }

    /** Sends {@code command} to the daemon and prints its answer; an error if none runs. */
    private static int tell(WalrusSyncCommand root, String command, String done) throws SyncException {
        return tell(root, DaemonRequest.of(command), done);
    }

    private static int tell(WalrusSyncCommand root, DaemonRequest request, String done) throws SyncException {
        Optional<DaemonReply> reply = DaemonClient.send(root.home(), request);
        if (reply.isEmpty()) {
            throw new SyncException("no watch daemon runs for " + root.home() + "; start one with 'walrus-sync watch'");
        }
        if (reply.get().error() != null) {
            throw new SyncException(reply.get().error());
        }
        if (root.json()) {
            root.console().json(reply.get());
        } else {
            root.console().println(done);
        }
        return ExitCode.OK;
    }

    @Command(
            name = "pause",
            description = "Pause uploads of the running daemon (remembered until 'watch resume', or for a while).")
    int pause(
            @Option(
                            names = "--for",
                            paramLabel = "DURATION",
                            description = "Resume by itself after this long, e.g. 1h or 30m.")
                    @Nullable
                    String duration)
            throws SyncException {
        if (duration == null) {
            return tell(root, "pause", "Paused: no upload starts until 'walrus-sync watch resume'.");
        }
        Duration d;
        try {
            d = Durations.parse(duration);
        } catch (IllegalArgumentException e) {
            throw new SyncException("--for " + duration + ": " + e.getMessage());
        }
        return tell(
                root,
                new DaemonRequest("pause", false, Durations.format(d)),
                "Paused for " + Durations.format(d) + ": uploads resume by themselves then, or with"
                        + " 'walrus-sync watch resume'.");
    }

    @Command(name = "resume", description = "Resume uploads of the running daemon.")
    int resume() throws SyncException {
        return tell(root, "resume", "Resumed: changes made meanwhile are backed up now.");
    }

    @Command(name = "now", description = "Back up every watched folder now, whatever the schedule.")
    int now() throws SyncException {
        return tell(root, "sync-now", "Backing up every watched folder now.");
    }

    @Command(name = "stop", description = "Stop the running daemon.")
    int stop() throws SyncException {
        return tell(root, "stop", "The watch daemon is stopping.");
    }
}
