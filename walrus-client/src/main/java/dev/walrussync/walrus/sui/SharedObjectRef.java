package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/**
 * A shared object as a transaction input: its ID, the version at which it became shared, and whether the
 * transaction uses it mutably ({@code &mut} or by value) or not ({@code &}).
 *
 * @param objectId the object ID
 * @param initialSharedVersion the version at which it was shared, an unsigned 64-bit number
 * @param mutable true for {@code &mut} or by-value use
 */
public record SharedObjectRef(SuiAddress objectId, long initialSharedVersion, boolean mutable) {
    public SharedObjectRef {
        Objects.requireNonNull(objectId, "objectId");
    }

    public void writeTo(BcsWriter writer) {
        objectId.writeTo(writer);
        writer.u64(initialSharedVersion);
        writer.bool(mutable);
    }

    /**
     * Reads the SDK's layout (ID, u64, bool). Sui's own types call the last byte {@code SharedObjectMutability}
     * and also know {@code 2 = NonExclusiveWrite}; that value is rejected here with a clear message.
     */
    public static SharedObjectRef readFrom(BcsReader reader) {
        SuiAddress id = SuiAddress.readFrom(reader);
        long version = reader.u64();
        int start = reader.position();
        int mutability = reader.u8();
        return switch (mutability) {
            case 0 -> new SharedObjectRef(id, version, false);
            case 1 -> new SharedObjectRef(id, version, true);
            case 2 ->
                throw new BcsException(
                        "shared object mutability NonExclusiveWrite (2) at offset " + start + " is not supported");
            default ->
                throw new BcsException(
                        String.format("invalid shared object mutability 0x%02x at offset %d", mutability, start));
        };
    }

    @Override
    public String toString() {
        return "SharedObjectRef[" + objectId + " initialSharedVersion=" + Long.toUnsignedString(initialSharedVersion)
                + (mutable ? " mutable" : " immutable") + "]";
    }
}
