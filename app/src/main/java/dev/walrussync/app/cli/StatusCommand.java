package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.daemon.DaemonClient;
import dev.walrussync.app.daemon.DaemonReply;
import dev.walrussync.app.daemon.DaemonRequest;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code status}: balances, what is stored, the earliest expiry, the cost per epoch and month, the runway and
 * the alerts.
 */
@Command(name = "status", description = "Show the wallet's balances, what is stored on Walrus, and when it expires.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Override
    public Integer call() throws Exception {
        Optional<DaemonReply> daemon = DaemonClient.send(root.home(), new DaemonRequest("status", true, null));
        if (daemon.isPresent()) {
            return printDaemon(daemon.get());
        }
        WalrusStatus s;
        try (RepositorySession session = root.open(false)) {
            s = session.walrusStatus();
        }
        if (root.json()) {
            root.console().json(s);
            return ExitCode.OK;
        }
        Console c = root.console();
        int watched = SyncSettings.load(root.home()).folders().size();
        c.println("Watch daemon:   not running" + (watched == 0 ? "" : " (" + watched + " folder(s) to watch)"));
        printWalrus(c, s);
        return ExitCode.OK;
    }

    /** The running daemon's state, per folder, then the repository's Walrus status it read between backups. */
    private int printDaemon(DaemonReply reply) {
        if (root.json()) {
            root.console().json(reply);
            return ExitCode.OK;
        }
        Console c = root.console();
        SyncStatus sync = reply.sync();
        if (sync != null) {
            String state = !sync.paused()
                    ? "active"
                    : sync.policy().resumeAt() == null
                            ? "PAUSED"
                            : "PAUSED until " + sync.policy().resumeAt();
            c.println("Watch daemon:   running (process " + reply.pid() + "), " + state
                    + "; " + sync.snapshotsTaken() + " snapshot(s) and " + sync.packsUploaded()
                    + " pack(s) since it started");
            for (FolderStatus f : sync.folders()) {
                c.println("  " + f.path() + ": " + describe(f));
            }
        }
        if (reply.walrus() != null) {
            printWalrus(c, reply.walrus());
        } else if (reply.walrusError() != null) {
            c.println("Walrus status:  not available now (" + reply.walrusError() + ")");
        }
        return ExitCode.OK;
    }

    static String describe(FolderStatus f) {
        StringBuilder s = new StringBuilder(f.state().name().toLowerCase(Locale.ROOT));
        if (f.state() == FolderState.SCANNING || f.state() == FolderState.UPLOADING) {
            s.append(' ').append(Format.bytes(f.bytesDone()));
            if (f.bytesTotal() > 0) {
                s.append(" of ").append(Format.bytes(f.bytesTotal()));
            }
            if (f.etaSeconds() != null) {
                s.append(", ").append(Format.duration(f.etaSeconds())).append(" left");
            }
        }
        if (f.pendingChanges() > 0) {
            s.append("; ").append(f.pendingChanges()).append(" change(s) waiting");
            if (f.nextRun() != null) {
                s.append(", backed up at ").append(f.nextRun());
            }
        }
        if (f.deferred() > 0) {
            s.append("; ").append(f.deferred()).append(" busy file(s) retried later");
        }
        if (f.lastSnapshotId() != null) {
            s.append("; last snapshot ")
                    .append(f.lastSnapshotId())
                    .append(" at ")
                    .append(f.lastSnapshotAt());
        }
        if (f.lastError() != null) {
            s.append("; ").append(f.lastError());
        }
        return s.toString();
    }

    private static void printWalrus(Console c, WalrusStatus s) {
        c.println("Network:        " + s.wallet().network() + " (epoch " + s.epoch() + ", "
                + Format.duration(s.epochDuration().toSeconds()) + " per epoch, " + s.nShards() + " shards)");
        c.println("Wallet:         " + s.wallet().address());
        c.println("Balance:        " + Format.wal(s.wallet().walFrost()) + ", "
                + Format.sui(s.wallet().suiMist()));
        c.println("Stored:         " + s.blobs() + " blob(s), " + Format.bytes(s.storedBytes()) + " ("
                + Format.bytes(s.encodedBytes()) + " encoded)");
        if (s.earliestEndEpoch() != null) {
            c.println("Earliest expiry: epoch " + s.earliestEndEpoch() + " (about " + s.earliestExpiry() + ")");
        } else {
            c.println("Earliest expiry: nothing stored");
        }
        long up = s.nodes().stream().filter(n -> n.reachable()).count();
        c.println("Storage nodes:  " + up + " of " + s.nodes().size() + " up"
                + s.nodes().stream()
                        .filter(n -> !n.reachable())
                        .map(n -> "; " + n.name() + " is down")
                        .reduce("", String::concat));
        c.println("Cost per epoch: " + Format.wal(s.costPerEpochFrost()) + " to keep everything stored");
        StringBuilder perSize = new StringBuilder();
        s.costPerGiBByPackSize()
                .forEach((size, frost) -> perSize.append(perSize.isEmpty() ? "" : ", ")
                        .append(Format.bytes(size))
                        .append(" packs ")
                        .append(Format.wal(frost)));
        c.println("1 GiB per epoch: " + perSize + " (every blob carries fixed encoded metadata)");
        Forecast f = s.forecast();
        c.println("Forecast:       " + Format.wal(f.walPerEpochFrost()) + " per epoch, "
                + Format.wal(f.walPerMonthFrost()) + " per month for what snapshots need, at today's prices");
        if (f.runway() != null) {
            c.println("Runway:         paid until epoch " + f.fundedUntilEpoch() + " (about " + f.runwayEnds()
                    + "), " + Format.days(f.runway()) + ", counting " + Format.wal(f.spendableFrost())
                    + " the wallet may spend on renewals");
        } else {
            c.println("Runway:         nothing needs paying for");
        }
        if (f.nextRenewalEpoch() != null) {
            c.println("Next renewal:   epoch " + f.nextRenewalEpoch() + ", about " + Format.wal(f.nextRenewalFrost()));
        }
        for (AtRiskBlob b : s.atRisk()) {
            c.println("At risk:        blob " + b.blobId() + " ends at epoch " + b.endEpoch() + "; "
                    + b.files().size() + " file(s) need it: " + String.join(", ", b.files()));
        }
        if (s.alerts().isEmpty()) {
            c.println("Alerts:         none");
        }
        for (Alert a : s.alerts()) {
            c.println("ALERT:          " + a.message());
        }
    }
}
