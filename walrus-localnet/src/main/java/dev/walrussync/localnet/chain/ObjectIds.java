package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.Blake2b256;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;

/** Sui's object-ID derivations: fresh IDs from a transaction digest and a counter, and dynamic-field IDs. */
public final class ObjectIds {
    private static final byte CHILD_OBJECT_ID = (byte) 0xf0;
    private static final byte REGULAR_OBJECT_ID = (byte) 0xf1;

    private ObjectIds() {}

    /** The ID of the {@code creationNumber}-th object created by a transaction (Sui's {@code derive_id}). */
    public static SuiAddress fresh(Digest txDigest, long creationNumber) {
        byte[] counter = new BcsWriter().u64(creationNumber).toByteArray();
        return SuiAddress.fromBytes(Blake2b256.hash(new byte[] {REGULAR_OBJECT_ID}, txDigest.toBytes(), counter));
    }

    /** The ID of the dynamic field of {@code parent} whose name has type {@code keyType} and BCS {@code keyBcs}. */
    public static SuiAddress dynamicField(SuiAddress parent, TypeTag keyType, byte[] keyBcs) {
        byte[] length = new BcsWriter().u64(keyBcs.length).toByteArray();
        byte[] type = BcsWriter.encode(keyType, (w, t) -> t.writeTo(w));
        return SuiAddress.fromBytes(
                Blake2b256.hash(new byte[] {CHILD_OBJECT_ID}, parent.toBytes(), length, keyBcs, type));
    }
}
