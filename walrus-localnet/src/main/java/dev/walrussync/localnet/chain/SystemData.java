package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared Walrus {@code system::System} object: {@code {id, version: u64, package_id: ID, new_package_id:
 * Option<ID>}}. Its state lives in a dynamic field keyed by {@code version} ({@link SystemStateField}).
 *
 * @param id the object ID
 * @param version the inner-state version, the dynamic-field key
 * @param packageId the current Walrus package, the Move-call target
 * @param newPackageId a pending upgrade's package, or {@code null}
 */
public record SystemData(SuiAddress id, long version, SuiAddress packageId, SuiAddress newPackageId)
        implements ObjectData {
    public SystemData {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
    }

    @Override
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        id.writeTo(writer);
        writer.u64(version);
        packageId.writeTo(writer);
        writer.option(Optional.ofNullable(newPackageId), (w, a) -> a.writeTo(w));
        return writer.toByteArray();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("version", Json.u64(version));
        json.put("package_id", packageId.toString());
        if (newPackageId == null) {
            json.putNull("new_package_id");
        } else {
            json.put("new_package_id", newPackageId.toString());
        }
        return json;
    }

    static SystemData fromBcs(byte[] bcs) {
        return BcsReader.decode(bcs, r -> {
            SuiAddress id = SuiAddress.readFrom(r);
            long version = r.u64();
            SuiAddress pkg = SuiAddress.readFrom(r);
            return new SystemData(
                    id, version, pkg, r.option(SuiAddress::readFrom).orElse(null));
        });
    }
}
