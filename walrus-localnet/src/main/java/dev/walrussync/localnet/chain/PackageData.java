package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * A Move package this chain pretends to host (the Sui framework, the WAL package, the Walrus packages); its code is
 * built into the executor, so it carries no modules.
 *
 * @param id the package ID
 */
public record PackageData(SuiAddress id) implements ObjectData {
    public PackageData {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public byte[] toBcs() {
        return new byte[0];
    }

    @Override
    public ObjectNode toJson() {
        return Json.object();
    }
}
