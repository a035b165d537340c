package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One live {@code Blob} object for a blob ID, as storage nodes need it.
 *
 * @param objectId the blob object's ID
 * @param owner the object's owner
 * @param registeredEpoch the epoch it was registered in
 * @param certifiedEpoch the epoch it was first certified in, empty while only registered
 * @param endEpoch the exclusive end epoch of its storage
 * @param deletable whether it is deletable
 * @param registeredEvent the {@code BlobRegistered} event (for seeded blobs, the genesis transaction)
 * @param certifiedEvent the latest {@code BlobCertified} event (an extension re-certifies), if any
 */
public record BlobObjectStatus(
        SuiAddress objectId,
        Owner owner,
        long registeredEpoch,
        OptionalLong certifiedEpoch,
        long endEpoch,
        boolean deletable,
        EventId registeredEvent,
        Optional<EventId> certifiedEvent) {
    public BlobObjectStatus {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(certifiedEpoch, "certifiedEpoch");
        Objects.requireNonNull(registeredEvent, "registeredEvent");
        Objects.requireNonNull(certifiedEvent, "certifiedEvent");
    }

    public boolean isCertified() {
        return certifiedEpoch.isPresent();
    }

    /** Whether the blob is stored in {@code epoch}: the end epoch is exclusive. */
    public boolean isActiveAt(long epoch) {
        return epoch < endEpoch;
    }

    /** The event behind the current status: the latest certification, else the registration. */
    public EventId statusEvent() {
        return certifiedEvent.orElse(registeredEvent);
    }
}
