package dev.walrussync.walrus.node;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import java.util.Objects;

/**
 * The storage-confirmation message a node signs: BCS {@code ProtocolMessage<BlobStorageConfirmation> { intent: {
 * type: u8 = 1, version: u8 = 0, app_id: u8 = 3 }, epoch: u32, contents: { blob_id: [u8; 32], blob_type:
 * BlobPersistenceType } }}.
 *
 * <p>Decoding rejects any other intent, as Walrus does.
 */
public record ProtocolMessage(Intent intent, long epoch, BlobId blobId, BlobPersistenceType blobType) {
    /** The intent of storage confirmations: {@code BLOB_CERT_MSG}, version 0, the Walrus storage app. */
    public static final Intent BLOB_CERT_INTENT = new Intent(Intent.BLOB_CERT_MSG, 0, Intent.STORAGE_APP_ID);

    private static final long MAX_EPOCH = 0xFFFF_FFFFL;
    private static final int VARIANT_PERMANENT = 0;
    private static final int VARIANT_DELETABLE = 1;

    public ProtocolMessage {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(blobType, "blobType");
        if (epoch < 0 || epoch > MAX_EPOCH) {
            throw new IllegalArgumentException("epoch " + epoch + " is not a u32");
        }
    }

    /** The storage confirmation for a blob in an epoch. */
    public static ProtocolMessage storageConfirmation(long epoch, BlobId blobId, BlobPersistenceType blobType) {
        return new ProtocolMessage(BLOB_CERT_INTENT, epoch, blobId, blobType);
    }

    /** The BCS bytes, which are what the node signs. */
    public byte[] toBcs() {
        BcsWriter out = new BcsWriter()
                .u8(intent.type())
                .u8(intent.version())
                .u8(intent.appId())
                .u32(epoch)
                .fixedBytes(blobId.bytes());
        if (blobType instanceof BlobPersistenceType.Deletable deletable) {
            out.uleb128(VARIANT_DELETABLE).fixedBytes(deletable.objectId());
        } else {
            out.uleb128(VARIANT_PERMANENT);
        }
        return out.toByteArray();
    }

    /**
     * Parses a storage confirmation message.
     *
     * @throws IllegalArgumentException if the bytes are malformed or the intent is not {@link #BLOB_CERT_INTENT}
     */
    public static ProtocolMessage fromBcs(byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        Intent intent = new Intent(in.u8(), in.u8(), in.u8());
        if (!intent.equals(BLOB_CERT_INTENT)) {
            throw new IllegalArgumentException("not a storage confirmation: intent " + intent);
        }
        long epoch = in.u32();
        BlobId blobId = BlobId.of(in.fixedBytes(BlobId.LENGTH));
        int variant = (int) in.uleb128();
        BlobPersistenceType type = switch (variant) {
            case VARIANT_PERMANENT -> BlobPersistenceType.permanent();
            case VARIANT_DELETABLE ->
                BlobPersistenceType.deletable(in.fixedBytes(BlobPersistenceType.OBJECT_ID_LENGTH));
            default -> throw new IllegalArgumentException("unknown blob persistence type " + variant);
        };
        in.finish();
        return new ProtocolMessage(intent, epoch, blobId, type);
    }

    /** The intent prefix of a signed Walrus message: message type, version and application ID, one byte each. */
    public record Intent(int type, int version, int appId) {
        /** Intent type of blob certification (storage confirmation) messages. */
        public static final int BLOB_CERT_MSG = 1;
        /** Application ID of Walrus storage messages. */
        public static final int STORAGE_APP_ID = 3;

        public Intent {
            if ((type | version | appId) >>> 8 != 0 || type < 0 || version < 0 || appId < 0) {
                throw new IllegalArgumentException("intent fields are u8");
            }
        }
    }
}
