package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.WalrusStatus;
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
        WalrusStatus s;
        try (RepositorySession session = root.open(false)) {
            s = session.walrusStatus();
        }
        if (root.json()) {
            root.console().json(s);
            return ExitCode.OK;
        }
        Console c = root.console();
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
        return ExitCode.OK;
    }
}
