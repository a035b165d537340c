package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.Durations;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sync-policy}: shows or changes when the watch daemon takes snapshots and how fast it uploads. */
@Command(
        name = "sync-policy",
        description = "Show or change when the watch daemon backs up (quiet period, batching, schedule) and its"
                + " upload limit; a running daemon applies changes at once.")
final class SyncPolicyCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Option(names = "--quiet-period", paramLabel = "DURATION", description = "Quiet time before a backup, e.g. 2s.")
    String quietPeriod;

    @Option(names = "--max-delay", paramLabel = "DURATION", description = "Longest wait under constant change.")
    String maxDelay;

    @Option(
            names = "--pack-age",
            paramLabel = "DURATION",
            description = "How long changes that do not fill a pack wait for more.")
    String packAge;

    @Option(names = "--rescan", paramLabel = "DURATION", description = "How often every folder is walked in full.")
    String rescan;

    @Option(
            names = "--schedule",
            paramLabel = "SCHEDULE",
            description = "continuous, hourly, daily, 'every 30m', nights, 22:00-06:00, or 'nights every 1h'.")
    String schedule;

    @Option(
            names = "--bandwidth",
            paramLabel = "RATE",
            description = "Upload limit per second, e.g. 2MiB or 500KB; 0 or none for no limit.")
    String bandwidth;

    @Option(names = "--defaults", description = "Go back to the defaults for this repository's store.")
    boolean defaults;

    @Override
    public Integer call() throws Exception {
        Path home = root.home();
        SyncSettings settings = SyncSettings.load(home);
        boolean change = defaults
                || quietPeriod != null
                || maxDelay != null
                || packAge != null
                || rescan != null
                || schedule != null
                || bandwidth != null;
        if (change) {
            SyncPolicy p = defaults ? null : edit(settings.effectivePolicy(home));
            settings = settings.withPolicy(p);
            FoldersCommand.apply(root, settings);
        }
        SyncPolicy p = settings.effectivePolicy(home);
        if (root.json()) {
            root.console().json(p);
            return ExitCode.OK;
        }
        Console c = root.console();
        c.println("Quiet period:  " + Durations.format(p.quietPeriod()) + " without changes before a backup");
        c.println(
                "Pack age:      " + Durations.format(p.packMaxAge()) + " at most for changes that do not fill a pack");
        c.println("Max delay:     " + Durations.format(p.maxDelay()) + " at most under constant change");
        c.println("Rescan:        every " + Durations.format(p.rescanInterval()));
        c.println("Schedule:      " + p.schedule());
        c.println("Upload limit:  " + (p.bandwidthLimit() == 0 ? "none" : Format.bytes(p.bandwidthLimit()) + "/s"));
        c.println("Uploads:       "
                + (!p.paused() ? "running" : p.resumeAt() == null ? "paused" : "paused until " + p.resumeAt()));
        if (settings.policy() == null) {
            c.println("(the defaults for this repository's store)");
        }
        return ExitCode.OK;
    }

    private SyncPolicy edit(SyncPolicy p) {
        return new SyncPolicy(
                quietPeriod != null ? Durations.parse(quietPeriod) : p.quietPeriod(),
                maxDelay != null ? Durations.parse(maxDelay) : p.maxDelay(),
                packAge != null ? Durations.parse(packAge) : p.packMaxAge(),
                rescan != null ? Durations.parse(rescan) : p.rescanInterval(),
                schedule != null ? SyncSchedule.parse(schedule) : p.schedule(),
                bandwidth != null ? parseRate(bandwidth) : p.bandwidthLimit(),
                p.paused(),
                p.resumeAt());
    }

    private static long parseRate(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("0")) {
            return 0;
        }
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        return Format.parseBytes(t);
    }
}
