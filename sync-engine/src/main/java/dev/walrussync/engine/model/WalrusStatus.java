package dev.walrussync.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a repository on Walrus stands: money, storage, expiry and prices.
 *
 * @param wallet the wallet and its balances
 * @param epoch the current Walrus epoch
 * @param epochStart when it started
 * @param epochDuration how long an epoch lasts
 * @param maxEpochsAhead how far ahead storage may be paid
 * @param nShards the network's shard count
 * @param blobs how many certified, unexpired blobs the wallet owns
 * @param storedBytes their unencoded size
 * @param encodedBytes their encoded size, which Walrus bills
 * @param earliestEndEpoch the first end epoch among them, or null if there are none
 * @param earliestExpiry when that epoch starts, estimated from the epoch duration
 * @param costPerEpochFrost what keeping all of them costs per epoch at today's price, in FROST
 * @param storagePricePerUnit FROST per MiB of encoded size per epoch
 * @param writePricePerUnit FROST per MiB of encoded size, paid once per store
 * @param costPerGiBByPackSize FROST per epoch to keep 1 GiB stored in packs of each size (bytes → FROST):
 *     small packs cost more per byte, as every blob carries fixed encoded metadata
 * @param nodes the committee's storage nodes and how they answered
 * @param forecast what keeping the repository's data costs, and how long the money lasts
 * @param alerts what the user must act on
 * @param atRisk blobs due for renewal that the wallet cannot pay for, with the files that need them
 */
public record WalrusStatus(
        WalletInfo wallet,
        long epoch,
        Instant epochStart,
        Duration epochDuration,
        int maxEpochsAhead,
        int nShards,
        int blobs,
        long storedBytes,
        long encodedBytes,
        @Nullable Long earliestEndEpoch,
        @Nullable Instant earliestExpiry,
        long costPerEpochFrost,
        long storagePricePerUnit,
        long writePricePerUnit,
        Map<Long, Long> costPerGiBByPackSize,
        List<NodeStatus> nodes,
        Forecast forecast,
        List<Alert> alerts,
        List<AtRiskBlob> atRisk) {
    public WalrusStatus {
        costPerGiBByPackSize =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(costPerGiBByPackSize));
        nodes = List.copyOf(nodes);
        alerts = List.copyOf(alerts);
        atRisk = List.copyOf(atRisk);
    }
}
