package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.LostFile;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RenewedBlob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code renew [--dry-run]}: one renewal pass, on demand. Exits with {@link ExitCode#PARTIAL} when something
 * due could not be renewed or data was lost, so that a script notices.
 */
@Command(
        name = "renew",
        description = "Extend the storage of every blob that kept snapshots need before it expires (the tray app and"
                + " the watch daemon do this hourly). Blobs nothing needs are not renewed; prune deletes them.")
final class RenewCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Option(
            names = "--dry-run",
            description = "Show what would be extended and what it would cost, without paying anything.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ProgressBar.ItemCounter counter = new ProgressBar.ItemCounter();
        RenewalReport r;
        try (RepositorySession session = root.open(!dryRun);
                ProgressBar bar = ProgressBar.start(root.console(), !root.json() && !dryRun, "renew", counter)) {
            r = session.renew(dryRun, counter);
        }
        if (root.json()) {
            root.console().json(r);
        } else {
            print(root.console(), r);
        }
        boolean incomplete = !r.unpaid().isEmpty()
                || !r.failures().isEmpty()
                || !r.lostFiles().isEmpty();
        return incomplete && !r.dryRun() ? ExitCode.PARTIAL : ExitCode.OK;
    }

    static void print(Console c, RenewalReport r) {
        String verb = r.dryRun() ? "Would extend" : "Extended";
        c.println("Epoch " + r.epoch() + ": " + r.referencedBlobs() + " blob(s) are needed by kept snapshots and the"
                + " key file; those ending within " + r.lookAheadEpochs() + " epoch(s) are due.");
        if (r.renewed().isEmpty()) {
            c.println(r.dryRun() ? "Nothing would be extended." : "Nothing needed extending.");
        } else {
            c.println(verb + " " + r.renewed().size() + " blob(s) in " + r.transactions() + " transaction(s) for "
                    + Format.wal(r.walSpentFrost())
                    + (r.dryRun() ? "" : " and " + Format.sui(r.gasSpentMist()) + " of gas") + ":");
            for (RenewedBlob b : r.renewed()) {
                c.println("  " + b.blobId() + "  epoch " + b.oldEndEpoch() + " -> " + b.newEndEpoch() + "  "
                        + Format.wal(b.costFrost()) + (b.digest() == null ? "" : "  tx " + b.digest()));
            }
        }
        for (String f : r.failures()) {
            c.println("FAILED: " + f);
        }
        for (AtRiskBlob b : r.unpaid()) {
            c.println("NOT RENEWED: blob " + b.blobId() + " (ends at epoch " + b.endEpoch() + ", extending costs "
                    + Format.wal(b.costFrost()) + "); files that need it: " + String.join(", ", b.files()));
        }
        if (!r.expiredBlobs().isEmpty()) {
            c.println(r.expiredBlobs().size() + " needed blob(s) had expired"
                    + (r.dryRun()
                            ? "; a real pass stores their data again from local files"
                            : "; stored " + r.reuploadedChunks() + " chunk(s) again from local files"));
        }
        for (LostFile f : r.lostFiles()) {
            c.println("LOST: " + f.path() + " (" + Format.bytes(f.size()) + ", modified " + f.modified()
                    + ", first in snapshot " + f.firstSnapshot().substring(0, 8) + ")");
        }
        for (String s : r.lostSnapshots()) {
            c.println("LOST: the listing of snapshot " + s.substring(0, 8));
        }
        c.println("Forecast: " + Format.wal(r.forecast().walPerEpochFrost()) + " per epoch, "
                + Format.wal(r.forecast().walPerMonthFrost()) + " per month"
                + (r.forecast().runway() == null
                        ? ""
                        : "; the money keeps everything until epoch "
                                + r.forecast().fundedUntilEpoch() + " ("
                                + Format.days(r.forecast().runway()) + ")"));
        for (Alert a : r.alerts()) {
            c.println("ALERT: " + a.message());
        }
    }
}
