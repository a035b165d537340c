package dev.walrussync.engine.model;

/**
 * What storing some blobs on Walrus costs at today's prices (protocol: units = ceil(encoded / 1 MiB),
 * cost = units × storage price × epochs + units × write price), SUI gas not included.
 *
 * @param blobs how many blobs
 * @param bytes their unencoded size
 * @param encodedBytes their encoded size
 * @param storageUnits storage units (MiB of encoded size, rounded up per blob)
 * @param epochs for how many epochs
 * @param costFrost the total, in FROST
 */
public record CostEstimate(int blobs, long bytes, long encodedBytes, long storageUnits, int epochs, long costFrost) {}
