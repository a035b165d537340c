package dev.walrussync.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.store.BlobLease;
import dev.walrussync.engine.store.StoredBlob;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which blobs a recovery reads while it looks for the key blob, and in which order. */
class RecoveryTest {
    private static StoredBlob blob(String id, long size, long registeredEpoch, boolean marked) {
        BlobLease lease = new BlobLease("0x" + id, registeredEpoch, registeredEpoch, registeredEpoch + 5, 0, 0, true);
        return new StoredBlob(new BlobId(id), size, Optional.of(lease), marked ? Optional.of("mac") : Optional.empty());
    }

    @Test
    void onlySmallUnmarkedBlobsAreCandidatesNewestFirst() {
        StoredBlob keys = blob("keys", 2_000, 1, false);
        StoredBlob newerKeys = blob("newer-keys", 2_100, 7, false);
        List<StoredBlob> listed = List.of(
                keys,
                blob("last-pack-of-run-1", 8_192, 1, true),
                blob("data-pack", 1 << 20, 2, false),
                newerKeys,
                blob("last-pack-of-run-2", 40_000, 9, true),
                blob("big-last-pack", 900_000, 9, true));

        assertThat(Recovery.keyBlobCandidates(listed)).containsExactly(newerKeys, keys);
    }
}
