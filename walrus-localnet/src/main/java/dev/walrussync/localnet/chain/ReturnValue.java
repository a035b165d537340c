package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.sui.TypeTag;
import java.util.Objects;

/**
 * A value a command returned, as a simulation reports it in {@code outputs.returnValues}.
 *
 * @param type its Move type
 * @param bcs its BCS
 * @param json its JSON rendering
 */
public record ReturnValue(TypeTag type, byte[] bcs, JsonNode json) {
    public ReturnValue {
        Objects.requireNonNull(type, "type");
        bcs = bcs.clone();
        json = json.deepCopy();
    }

    @Override
    public byte[] bcs() {
        return bcs.clone();
    }

    @Override
    public JsonNode json() {
        return json.deepCopy();
    }
}
