package dev.walrussync.engine.model;

import java.util.List;

/**
 * What an index rebuild found in the store, and what it could not recover.
 *
 * @param packs packs of this repository now in the index
 * @param foreignBlobs blobs that are not packs of this repository (key blobs, other data), ignored
 * @param chunks chunks in the index
 * @param snapshots snapshots found
 * @param forgotten snapshots named by tombstones, not brought back
 * @param packsFromRecords packs whose headers came from index records, without reading the pack
 * @param headersRead packs whose headers had to be read from the store
 * @param unreadableBlobs blobs of this repository that the store no longer serves and that held something needed
 * @param lost what known snapshots hold that cannot be restored
 */
public record RebuildReport(
        int packs,
        int foreignBlobs,
        long chunks,
        int snapshots,
        int forgotten,
        int packsFromRecords,
        int headersRead,
        List<UnreadableBlob> unreadableBlobs,
        List<LostData> lost) {
    public RebuildReport {
        unreadableBlobs = List.copyOf(unreadableBlobs);
        lost = List.copyOf(lost);
    }

    /** Whether everything the repository's snapshots name was found. */
    public boolean complete() {
        return unreadableBlobs.isEmpty() && lost.isEmpty();
    }

    /**
     * A blob of this repository that cannot be read any more.
     *
     * @param blobId the blob ID
     * @param objectId the Sui object that held it, when known
     * @param reason why, e.g. "expired at epoch 12" or "no longer in the store"
     * @param what what it held that is now missing, e.g. "snapshot records" or "data of 3 files"
     */
    public record UnreadableBlob(String blobId, String objectId, String reason, String what) {}

    /**
     * Something a known snapshot holds that cannot be restored.
     *
     * @param snapshot the snapshot's short ID
     * @param path the file or folder, as {@code folder/path}
     * @param kind what is lost
     */
    public record LostData(String snapshot, String path, Kind kind) {
        public enum Kind {
            /** Some of a file's content. */
            FILE_CONTENT,
            /** The listing of a folder, so nothing below it can be named. */
            FOLDER
        }
    }
}
