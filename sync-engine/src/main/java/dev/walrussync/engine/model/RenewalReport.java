package dev.walrussync.engine.model;

import java.util.List;

/**
 * What one renewal pass did, or (in a dry run) would do.
 *
 * @param dryRun whether nothing was paid or changed
 * @param epoch the Walrus epoch of the pass
 * @param lookAheadEpochs blobs ending within this many epochs were due
 * @param referencedBlobs the blobs that kept snapshots (and the keys) need
 * @param renewed the extensions made (or planned), newest data first
 * @param unpaid due blobs left unrenewed because of the reserve, the monthly budget or the balance
 * @param failures transactions that still failed after retries
 * @param transactions how many transactions were sent (or would be)
 * @param walSpentFrost WAL paid (or to pay), in FROST
 * @param gasSpentMist SUI paid for gas, in MIST
 * @param expiredBlobs referenced blobs found expired
 * @param reuploadedChunks chunks of expired blobs stored again from local files and the metadata cache
 * @param lostFiles file versions whose data could not be recovered
 * @param lostSnapshots snapshots whose listing (a tree or the snapshot record) could not be recovered
 * @param forecast the money forecast after the pass
 * @param alerts what the user must act on, after the pass
 */
public record RenewalReport(
        boolean dryRun,
        long epoch,
        int lookAheadEpochs,
        int referencedBlobs,
        List<RenewedBlob> renewed,
        List<AtRiskBlob> unpaid,
        List<String> failures,
        int transactions,
        long walSpentFrost,
        long gasSpentMist,
        List<String> expiredBlobs,
        int reuploadedChunks,
        List<LostFile> lostFiles,
        List<String> lostSnapshots,
        Forecast forecast,
        List<Alert> alerts) {
    public RenewalReport {
        renewed = List.copyOf(renewed);
        unpaid = List.copyOf(unpaid);
        failures = List.copyOf(failures);
        expiredBlobs = List.copyOf(expiredBlobs);
        lostFiles = List.copyOf(lostFiles);
        lostSnapshots = List.copyOf(lostSnapshots);
        alerts = List.copyOf(alerts);
    }
}
