package dev.walrussync.localnet.chain;

/**
 * A transaction's gas charges in MIST; the gas coin pays {@code computationCost + storageCost - storageRebate}.
 *
 * @param computationCost gas units times the gas price
 * @param storageCost the storage fee for the objects written
 * @param storageRebate the refund for the old versions of the objects mutated or deleted
 * @param nonRefundableStorageFee the part of those old versions' fees kept by the system (1%)
 */
public record GasSummary(long computationCost, long storageCost, long storageRebate, long nonRefundableStorageFee) {
    /** No charges at all (in-process calls and system transactions). */
    public static final GasSummary ZERO = new GasSummary(0, 0, 0, 0);

    /** What the gas coin pays: computation plus storage minus rebate (negative when the rebate is larger). */
    public long netCharge() {
        return computationCost + storageCost - storageRebate;
    }
}
