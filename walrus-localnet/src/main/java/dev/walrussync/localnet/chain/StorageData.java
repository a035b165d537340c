package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * A Walrus {@code storage_resource::Storage}: {@code {id, start_epoch: u32, end_epoch: u32, storage_size: u64}},
 * reserved encoded bytes for the epochs {@code [start_epoch, end_epoch)}.
 *
 * @param id the resource's ID
 * @param startEpoch the first epoch covered
 * @param endEpoch the first epoch no longer covered (exclusive)
 * @param storageSize the reserved encoded size in bytes
 */
public record StorageData(SuiAddress id, long startEpoch, long endEpoch, long storageSize) implements ObjectData {
    public StorageData {
        Objects.requireNonNull(id, "id");
    }

    /** This resource with another end epoch. */
    public StorageData withEndEpoch(long newEndEpoch) {
        return new StorageData(id, startEpoch, newEndEpoch, storageSize);
    }

    @Override
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        writeTo(writer);
        return writer.toByteArray();
    }

    void writeTo(BcsWriter writer) {
        id.writeTo(writer);
        writer.u32(startEpoch).u32(endEpoch).u64(storageSize);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("start_epoch", startEpoch);
        json.put("end_epoch", endEpoch);
        json.put("storage_size", Json.u64(storageSize));
        return json;
    }

    static StorageData readFrom(BcsReader reader) {
        return new StorageData(SuiAddress.readFrom(reader), reader.u32(), reader.u32(), reader.u64());
    }

    static StorageData fromBcs(byte[] bcs) {
        return BcsReader.decode(bcs, StorageData::readFrom);
    }
}
