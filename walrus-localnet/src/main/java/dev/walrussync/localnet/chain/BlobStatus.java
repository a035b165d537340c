package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the chain knows about a blob ID: its live {@code Blob} objects (expired ones included until they are
 * deleted or burned), with summaries in the shape of Walrus's blob status (permanent vs deletable, certified, end
 * epoch, the event behind the status).
 *
 * @param blobId the blob ID
 * @param currentEpoch the epoch the status was read in
 * @param objects the live blob objects, in registration order
 */
public record BlobStatus(BlobId blobId, long currentEpoch, List<BlobObjectStatus> objects) {
    public BlobStatus {
        Objects.requireNonNull(blobId, "blobId");
        objects = List.copyOf(objects);
    }

    /** Whether any object, expired or not, exists for the blob ID. */
    public boolean isRegistered() {
        return !objects.isEmpty();
    }

    /** The objects not yet expired in the current epoch. */
    public List<BlobObjectStatus> active() {
        return objects.stream().filter(o -> o.isActiveAt(currentEpoch)).toList();
    }

    /** Whether a certified object is still active. */
    public boolean isCertified() {
        return active().stream().anyMatch(BlobObjectStatus::isCertified);
    }

    /** The latest end epoch among active objects, certified ones first (0 when none is active). */
    public long endEpoch() {
        return best().map(BlobObjectStatus::endEpoch).orElse(0L);
    }

    /** The earliest certification epoch among active objects. */
    public OptionalLong initialCertifiedEpoch() {
        return active().stream()
                .map(BlobObjectStatus::certifiedEpoch)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    /** The most durable active object: certified over registered, permanent over deletable, later end first. */
    public Optional<BlobObjectStatus> best() {
        return active().stream()
                .max(Comparator.comparing(BlobObjectStatus::isCertified)
                        .thenComparing(o -> !o.deletable())
                        .thenComparingLong(BlobObjectStatus::endEpoch));
    }

    /** The best active permanent object, if any. */
    public Optional<BlobObjectStatus> permanent() {
        return active().stream()
                .filter(o -> !o.deletable())
                .max(Comparator.comparing(BlobObjectStatus::isCertified).thenComparingLong(BlobObjectStatus::endEpoch));
    }

    /** Active deletable objects. */
    public long deletableCount() {
        return active().stream().filter(BlobObjectStatus::deletable).count();
    }

    /** Active deletable objects that are certified. */
    public long certifiedDeletableCount() {
        return active().stream().filter(o -> o.deletable() && o.isCertified()).count();
    }
}
