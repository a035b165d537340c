package dev.walrussync.walrus.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Walrus system object as read from Sui: the current epoch, prices, shards and committee.
 *
 * @param epoch the current Walrus epoch
 * @param epochStart when the current epoch started
 * @param epochDuration how long an epoch lasts
 * @param storagePricePerUnit FROST per storage unit (1 MiB of encoded size) per epoch
 * @param writePricePerUnit FROST per storage unit, paid once per store
 * @param nShards the number of shards
 * @param maxEpochsAhead how many epochs ahead storage may be paid (53 on Walrus)
 * @param callPackage the package to call Move functions on ({@code System.package_id})
 * @param systemInitialSharedVersion the System object's initial shared version, for transactions
 * @param committee the storage nodes of the current committee
 */
public record SystemInfo(
        long epoch,
        Instant epochStart,
        Duration epochDuration,
        long storagePricePerUnit,
        long writePricePerUnit,
        int nShards,
        int maxEpochsAhead,
        String callPackage,
        long systemInitialSharedVersion,
        List<CommitteeNode> committee) {
    /** Bytes per storage unit: 1 MiB of encoded size. */
    public static final long BYTES_PER_UNIT = 1024 * 1024;

    public SystemInfo {
        committee = List.copyOf(committee);
    }

    /** Storage units for an encoded size: {@code ceil(encoded / 1 MiB)}. */
    public static long units(long encodedSize) {
        return (encodedSize + BYTES_PER_UNIT - 1) / BYTES_PER_UNIT;
    }

    /** What storing a blob of this encoded size costs for {@code epochs} epochs, in FROST (protocol.md §4.3). */
    public long storeCost(long encodedSize, int epochs) {
        long units = units(encodedSize);
        return units * storagePricePerUnit * epochs + units * writePricePerUnit;
    }

    /** What extending a blob of this encoded size by {@code epochs} epochs costs, in FROST. */
    public long extendCost(long encodedSize, int epochs) {
        return units(encodedSize) * storagePricePerUnit * epochs;
    }
}
