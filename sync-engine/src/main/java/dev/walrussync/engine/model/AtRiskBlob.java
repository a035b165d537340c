package dev.walrussync.engine.model;

import java.util.List;

/**
 * A blob that snapshots need and that renewal could not pay for.
 *
 * @param blobId the Walrus blob ID
 * @param objectId the Sui object that holds it
 * @param endEpoch the first epoch in which it is gone
 * @param costFrost what extending it by the policy's extension costs
 * @param files the files with a version stored in it ({@code keys} for the key blob)
 */
public record AtRiskBlob(String blobId, String objectId, long endEpoch, long costFrost, List<String> files) {
    public AtRiskBlob {
        files = List.copyOf(files);
    }
}
