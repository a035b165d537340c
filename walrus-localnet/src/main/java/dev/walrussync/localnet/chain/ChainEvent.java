package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * A Move event emitted by a committed transaction, e.g. Walrus's {@code BlobRegistered} or {@code BlobCertified}.
 *
 * @param id the event ID
 * @param packageId the package whose function emitted it
 * @param module the module of that function
 * @param sender the transaction sender
 * @param type the event's Move type
 * @param bcs the event's BCS
 * @param json the event as JSON (Sui's Move-to-JSON rules)
 */
public record ChainEvent(
        EventId id,
        SuiAddress packageId,
        String module,
        SuiAddress sender,
        StructTag type,
        byte[] bcs,
        ObjectNode json) {
    public ChainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        bcs = bcs.clone();
        json = json.deepCopy();
    }

    @Override
    public byte[] bcs() {
        return bcs.clone();
    }

    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }
}
