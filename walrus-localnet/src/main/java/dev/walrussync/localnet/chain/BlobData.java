package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Walrus {@code blob::Blob}, laid out in BCS exactly as the Move struct: {@code id} (32 B), {@code
 * registered_epoch} u32, {@code blob_id} u256 (the blob ID's 32 bytes, little-endian), {@code size} u64, {@code
 * encoding_type} u8, {@code certified_epoch} Option&lt;u32&gt;, {@code storage} ({@link StorageData}), {@code
 * deletable} bool.
 *
 * @param id the object ID
 * @param registeredEpoch the epoch of registration
 * @param blobId the Walrus blob ID
 * @param size the unencoded size in bytes
 * @param encodingType the encoding type (1 = RS2)
 * @param certifiedEpoch the epoch of first certification, empty while only registered
 * @param storage the storage resource the blob occupies
 * @param deletable whether the owner may delete it before it expires
 */
public record BlobData(
        SuiAddress id,
        long registeredEpoch,
        BlobId blobId,
        long size,
        int encodingType,
        OptionalLong certifiedEpoch,
        StorageData storage,
        boolean deletable)
        implements ObjectData {
    public BlobData {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(certifiedEpoch, "certifiedEpoch");
        Objects.requireNonNull(storage, "storage");
    }

    /** The exclusive end epoch of the blob's storage. */
    public long endEpoch() {
        return storage.endEpoch();
    }

    /** Whether the blob has been certified. */
    public boolean isCertified() {
        return certifiedEpoch.isPresent();
    }

    /** This blob certified in {@code epoch}. */
    public BlobData withCertifiedEpoch(long epoch) {
        return new BlobData(
                id, registeredEpoch, blobId, size, encodingType, OptionalLong.of(epoch), storage, deletable);
    }

    /** This blob with another storage resource. */
    public BlobData withStorage(StorageData newStorage) {
        return new BlobData(id, registeredEpoch, blobId, size, encodingType, certifiedEpoch, newStorage, deletable);
    }

    @Override
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        id.writeTo(writer);
        writer.u32(registeredEpoch);
        writer.u256(blobId.toU256());
        writer.u64(size);
        writer.u8(encodingType);
        writer.option(
                certifiedEpoch.isPresent() ? Optional.of(certifiedEpoch.getAsLong()) : Optional.<Long>empty(),
                BcsWriter::u32);
        storage.writeTo(writer);
        writer.bool(deletable);
        return writer.toByteArray();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("registered_epoch", registeredEpoch);
        json.put("blob_id", blobId.toU256Decimal());
        json.put("size", Json.u64(size));
        json.put("encoding_type", encodingType);
        if (certifiedEpoch.isPresent()) {
            json.put("certified_epoch", certifiedEpoch.getAsLong());
        } else {
            json.putNull("certified_epoch");
        }
        json.set("storage", storage.toJson());
        json.put("deletable", deletable);
        return json;
    }

    static BlobData fromBcs(byte[] bcs) {
        return BcsReader.decode(bcs, r -> {
            SuiAddress id = SuiAddress.readFrom(r);
            long registered = r.u32();
            BlobId blobId = BlobId.fromU256(r.u256());
            long size = r.u64();
            int encoding = r.u8();
            Optional<Long> certified = r.option(BcsReader::u32);
            StorageData storage = StorageData.readFrom(r);
            boolean deletable = r.bool();
            return new BlobData(
                    id,
                    registered,
                    blobId,
                    size,
                    encoding,
                    certified.map(OptionalLong::of).orElse(OptionalLong.empty()),
                    storage,
                    deletable);
        });
    }
}
