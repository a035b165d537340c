package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsWriter;

/**
 * The three-byte intent (scope, version, app ID) that Sui prefixes to every signed message so a signature for one
 * purpose cannot be replayed for another.
 *
 * @param scope the intent scope, e.g. 0 = TransactionData, 3 = PersonalMessage
 * @param version the intent version, 0 = V0
 * @param appId the application, 0 = Sui
 */
public record Intent(int scope, int version, int appId) {
    /** {@code 00 00 00}: a Sui transaction. */
    public static final Intent TRANSACTION_DATA = new Intent(0, 0, 0);
    /** {@code 03 00 00}: a personal message. */
    public static final Intent PERSONAL_MESSAGE = new Intent(3, 0, 0);

    public Intent {
        for (int v : new int[] {scope, version, appId}) {
            if (v < 0 || v > 0x7F) {
                throw new IllegalArgumentException("intent fields are single-byte enum tags (0..127): " + v);
            }
        }
    }

    /** Returns the three intent bytes. */
    public byte[] toBytes() {
        return new BcsWriter().variant(scope).variant(version).variant(appId).toByteArray();
    }

    /** Returns the intent message: the intent bytes followed by {@code bcsValue}, with no length prefix. */
    public byte[] message(byte[] bcsValue) {
        return new BcsWriter().fixedBytes(toBytes()).fixedBytes(bcsValue).toByteArray();
    }

    /** Returns Blake2b-256 of the intent message, the 32 bytes a Sui key actually signs. */
    public byte[] signingDigest(byte[] bcsValue) {
        return Blake2b256.hash(toBytes(), bcsValue);
    }
}
