package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * How a transaction changed one object: its version before (absent if created or unwrapped) and after (absent if
 * deleted or wrapped).
 *
 * @param id the object ID
 * @param inputVersion the version before, or -1
 * @param inputDigest the digest before, or {@code null}
 * @param outputVersion the version after, or -1
 * @param outputDigest the digest after, or {@code null}
 * @param idCreated whether the ID was created by this transaction
 * @param idDeleted whether the ID was deleted by this transaction
 */
public record ObjectChange(
        SuiAddress id,
        long inputVersion,
        Digest inputDigest,
        long outputVersion,
        Digest outputDigest,
        boolean idCreated,
        boolean idDeleted) {
    public ObjectChange {
        Objects.requireNonNull(id, "id");
    }

    public boolean hasInput() {
        return inputDigest != null;
    }

    public boolean hasOutput() {
        return outputDigest != null;
    }
}
