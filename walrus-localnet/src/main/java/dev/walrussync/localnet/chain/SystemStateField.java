package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * The dynamic field {@code 0x2::dynamic_field::Field<u64, SystemStateInnerV1>} under the {@code System} object,
 * named by the system's {@code version}: {@code {id, name: u64, value: SystemStateInnerV1}}.
 *
 * @param id the field object's ID (derived from the parent, the key type and the key)
 * @param key the key, the system version
 * @param value the system state
 */
public record SystemStateField(SuiAddress id, long key, SystemStateInner value) implements ObjectData {
    public SystemStateField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }

    /** The BCS of the key, a u64. */
    public byte[] nameBcs() {
        return new BcsWriter().u64(key).toByteArray();
    }

    /** The BCS of the value alone. */
    public byte[] valueBcs() {
        BcsWriter writer = new BcsWriter();
        value.writeTo(writer);
        return writer.toByteArray();
    }

    /** The value alone as JSON. */
    public ObjectNode valueJson() {
        return value.toJson();
    }

    @Override
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        id.writeTo(writer);
        writer.u64(key);
        value.writeTo(writer);
        return writer.toByteArray();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("name", Json.u64(key));
        json.set("value", value.toJson());
        return json;
    }

    static SystemStateField fromBcs(byte[] bcs) {
        return BcsReader.decode(
                bcs, r -> new SystemStateField(SuiAddress.readFrom(r), r.u64(), SystemStateInner.readFrom(r)));
    }
}
