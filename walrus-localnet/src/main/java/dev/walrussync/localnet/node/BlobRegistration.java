package dev.walrussync.localnet.node;

import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.EventId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A blob's registration as a node sees it on chain.
 *
 * @param endEpoch the epoch at which the blob expires; it is stored for the epochs before it (exclusive end)
 * @param persistence permanent, or deletable with the object ID of its {@code Blob} object
 * @param certifiedEpoch the epoch in which the blob was first certified, empty while only registered
 * @param statusEvent the chain event behind the current status (registration or certification)
 */
public record BlobRegistration(
        long endEpoch, BlobPersistenceType persistence, OptionalLong certifiedEpoch, EventId statusEvent) {
    public BlobRegistration {
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(certifiedEpoch, "certifiedEpoch");
        Objects.requireNonNull(statusEvent, "statusEvent");
        if (endEpoch < 0) {
            throw new IllegalArgumentException("negative end epoch " + endEpoch);
        }
    }

    /** A registered, not yet certified permanent blob. */
    public static BlobRegistration permanent(long endEpoch, EventId registeredEvent) {
        return new BlobRegistration(endEpoch, BlobPersistenceType.permanent(), OptionalLong.empty(), registeredEvent);
    }

    /** A registered, not yet certified deletable blob with the given 32-byte {@code Blob} object ID. */
    public static BlobRegistration deletable(long endEpoch, byte[] objectId, EventId registeredEvent) {
        return new BlobRegistration(
                endEpoch, BlobPersistenceType.deletable(objectId), OptionalLong.empty(), registeredEvent);
    }

    /** This registration certified in {@code epoch} by {@code event} (keeps an earlier certification epoch). */
    public BlobRegistration certified(long epoch, EventId event) {
        return new BlobRegistration(
                endEpoch, persistence, certifiedEpoch.isPresent() ? certifiedEpoch : OptionalLong.of(epoch), event);
    }

    /** Whether the blob has been certified. */
    public boolean isCertified() {
        return certifiedEpoch.isPresent();
    }

    /** Whether the blob is deletable. */
    public boolean isDeletable() {
        return persistence instanceof BlobPersistenceType.Deletable;
    }

    /** The {@code Blob} object ID of a deletable blob. */
    public Optional<byte[]> objectId() {
        return persistence instanceof BlobPersistenceType.Deletable d ? Optional.of(d.objectId()) : Optional.empty();
    }

    /** Whether the blob is stored in {@code epoch}: the end epoch is exclusive. */
    public boolean isActiveAt(long epoch) {
        return epoch < endEpoch;
    }
}
