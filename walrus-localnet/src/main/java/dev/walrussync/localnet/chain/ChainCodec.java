package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** JSON encoding of {@link Commit}s for the {@link ChainLog}: objects as type + Base64 BCS, everything else plain. */
final class ChainCodec {
    private final ChainTypes types;

    ChainCodec(ChainTypes types) {
        this.types = types;
    }

    byte[] encode(Commit commit) {
        ObjectNode json = Json.object();
        json.set("tx", transaction(commit.transaction()));
        ArrayNode written = json.putArray("written");
        commit.written().forEach(o -> written.add(object(o)));
        ArrayNode removed = json.putArray("removed");
        commit.removed().forEach(id -> removed.add(id.toString()));
        ArrayNode balances = json.putArray("balances");
        for (AddressBalance b : commit.balances()) {
            balances.addObject()
                    .put("owner", b.owner().toString())
                    .put("coinType", b.coinType().toString())
                    .put("amount", Long.toUnsignedString(b.amount()));
        }
        if (commit.newEpoch() != null) {
            EpochInfo e = commit.newEpoch();
            json.putObject("newEpoch")
                    .put("epochId", e.epochId())
                    .put("startTimestampMs", e.startTimestampMs())
                    .put("referenceGasPrice", e.referenceGasPrice())
                    .put("protocolVersion", e.protocolVersion());
        }
        try {
            return Json.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Commit decode(byte[] bytes) throws IOException {
        JsonNode json = Json.MAPPER.readTree(bytes);
        TransactionRecord tx = transaction(json.get("tx"));
        List<ChainObject> written = new ArrayList<>();
        json.get("written").forEach(o -> written.add(object(o)));
        List<SuiAddress> removed = new ArrayList<>();
        json.get("removed").forEach(id -> removed.add(SuiAddress.parse(id.asText())));
        List<AddressBalance> balances = new ArrayList<>();
        json.get("balances")
                .forEach(b -> balances.add(new AddressBalance(
                        SuiAddress.parse(b.get("owner").asText()),
                        TypeTag.parse(b.get("coinType").asText()),
                        Long.parseUnsignedLong(b.get("amount").asText()))));
        EpochInfo epoch = null;
        JsonNode e = json.get("newEpoch");
        if (e != null && !e.isNull()) {
            epoch = new EpochInfo(
                    e.get("epochId").asLong(),
                    e.get("startTimestampMs").asLong(),
                    e.get("referenceGasPrice").asLong(),
                    e.get("protocolVersion").asLong());
        }
        return new Commit(tx, written, removed, balances, epoch);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    private static Digest digest(JsonNode node) {
        return node == null || node.isNull() ? null : Digest.parse(node.asText());
    }

    private static SuiAddress address(JsonNode node) {
        return node == null || node.isNull() ? null : SuiAddress.parse(node.asText());
    }

    private ObjectNode object(ChainObject o) {
        ObjectNode json = Json.object();
        json.put("id", o.id().toString());
        json.put("version", Long.toUnsignedString(o.version()));
        json.put("digest", o.digest().toString());
        json.set("owner", owner(o.owner()));
        if (o.type() == null) {
            json.putNull("type");
        } else {
            json.put("type", o.type().toString());
        }
        json.put("bcs", b64(o.contentsBcs()));
        json.put("previousTransaction", o.previousTransaction().toString());
        json.put("storageRebate", Long.toUnsignedString(o.storageRebate()));
        return json;
    }

    private ChainObject object(JsonNode json) {
        SuiAddress id = SuiAddress.parse(json.get("id").asText());
        JsonNode typeNode = json.get("type");
        StructTag type = typeNode.isNull() ? null : StructTag.parse(typeNode.asText());
        ObjectData data = type == null ? new PackageData(id) : types.decode(type, unb64(json.get("bcs")));
        return new ChainObject(
                id,
                Long.parseUnsignedLong(json.get("version").asText()),
                Digest.parse(json.get("digest").asText()),
                owner(json.get("owner")),
                type,
                data,
                Digest.parse(json.get("previousTransaction").asText()),
                Long.parseUnsignedLong(json.get("storageRebate").asText()));
    }

    private static ObjectNode owner(Owner owner) {
        ObjectNode json = Json.object();
        switch (owner) {
            case Owner.AddressOwner a ->
                json.put("kind", "address").put("address", a.address().toString());
            case Owner.ObjectOwner o ->
                json.put("kind", "object").put("parent", o.parent().toString());
            case Owner.Shared s -> json.put("kind", "shared").put("initialSharedVersion", s.initialSharedVersion());
            case Owner.Immutable i -> json.put("kind", "immutable");
        }
        return json;
    }

    private static Owner owner(JsonNode json) {
        return switch (json.get("kind").asText()) {
            case "address" ->
                new Owner.AddressOwner(SuiAddress.parse(json.get("address").asText()));
            case "object" ->
                new Owner.ObjectOwner(SuiAddress.parse(json.get("parent").asText()));
            case "shared" -> new Owner.Shared(json.get("initialSharedVersion").asLong());
            default -> new Owner.Immutable();
        };
    }

    private ObjectNode transaction(TransactionRecord tx) {
        ObjectNode json = Json.object();
        json.put("digest", tx.digest().toString());
        json.put("kind", tx.kind().name());
        json.put("sender", tx.sender().toString());
        byte[] bcs = tx.transactionBcs();
        if (bcs == null) {
            json.putNull("bcs");
        } else {
            json.put("bcs", b64(bcs));
        }
        ArrayNode signatures = json.putArray("signatures");
        tx.signatures().forEach(signatures::add);
        json.put("checkpoint", tx.checkpoint());
        json.put("timestampMs", tx.timestampMs());
        TransactionEffects effects = tx.effects();
        ObjectNode fx = json.putObject("effects");
        ExecutionFailure failure = effects.failure();
        if (failure == null) {
            fx.putNull("failure");
        } else {
            ObjectNode f = fx.putObject("failure")
                    .put("kind", failure.kind())
                    .put("description", failure.description())
                    .put("command", failure.command());
            MoveAbortLocation abort = failure.abort();
            if (abort != null) {
                f.putObject("abort")
                        .put("package", abort.packageId().toString())
                        .put("module", abort.module())
                        .put("function", abort.function())
                        .put("instruction", abort.instruction())
                        .put("code", Long.toUnsignedString(abort.abortCode()));
            }
        }
        fx.put("lamportVersion", Long.toUnsignedString(effects.lamportVersion()));
        fx.put("epoch", effects.epoch());
        GasSummary gas = effects.gas();
        fx.putObject("gas")
                .put("computationCost", gas.computationCost())
                .put("storageCost", gas.storageCost())
                .put("storageRebate", gas.storageRebate())
                .put("nonRefundableStorageFee", gas.nonRefundableStorageFee());
        if (effects.gasObject() == null) {
            fx.putNull("gasObject");
        } else {
            fx.put("gasObject", effects.gasObject().toString());
        }
        ArrayNode changes = fx.putArray("changes");
        for (ObjectChange c : effects.changes()) {
            ObjectNode change = changes.addObject();
            change.put("id", c.id().toString());
            change.put("inputVersion", c.inputVersion());
            change.put(
                    "inputDigest",
                    c.inputDigest() == null ? null : c.inputDigest().toString());
            change.put("outputVersion", c.outputVersion());
            change.put(
                    "outputDigest",
                    c.outputDigest() == null ? null : c.outputDigest().toString());
            change.put("created", c.idCreated());
            change.put("deleted", c.idDeleted());
        }
        ArrayNode events = fx.putArray("events");
        for (ChainEvent e : effects.events()) {
            events.addObject()
                    .put("seq", e.id().eventSeq())
                    .put("package", e.packageId().toString())
                    .put("module", e.module())
                    .put("sender", e.sender().toString())
                    .put("type", e.type().toString())
                    .put("bcs", b64(e.bcs()))
                    .set("json", e.json());
        }
        return json;
    }

    private TransactionRecord transaction(JsonNode json) {
        Digest digest = Digest.parse(json.get("digest").asText());
        JsonNode fx = json.get("effects");
        ExecutionFailure failure = null;
        JsonNode f = fx.get("failure");
        if (f != null && !f.isNull()) {
            MoveAbortLocation abort = null;
            JsonNode a = f.get("abort");
            if (a != null && !a.isNull()) {
                abort = new MoveAbortLocation(
                        SuiAddress.parse(a.get("package").asText()),
                        a.get("module").asText(),
                        a.get("function").asText(),
                        a.get("instruction").asInt(),
                        Long.parseUnsignedLong(a.get("code").asText()));
            }
            failure = new ExecutionFailure(
                    f.get("kind").asText(),
                    f.get("description").asText(),
                    f.get("command").asInt(),
                    abort);
        }
        JsonNode g = fx.get("gas");
        GasSummary gas = new GasSummary(
                g.get("computationCost").asLong(),
                g.get("storageCost").asLong(),
                g.get("storageRebate").asLong(),
                g.get("nonRefundableStorageFee").asLong());
        List<ObjectChange> changes = new ArrayList<>();
        for (JsonNode c : fx.get("changes")) {
            changes.add(new ObjectChange(
                    SuiAddress.parse(c.get("id").asText()),
                    c.get("inputVersion").asLong(),
                    digest(c.get("inputDigest")),
                    c.get("outputVersion").asLong(),
                    digest(c.get("outputDigest")),
                    c.get("created").asBoolean(),
                    c.get("deleted").asBoolean()));
        }
        SuiAddress sender = SuiAddress.parse(json.get("sender").asText());
        List<ChainEvent> events = new ArrayList<>();
        for (JsonNode e : fx.get("events")) {
            events.add(new ChainEvent(
                    new EventId(digest, e.get("seq").asLong()),
                    SuiAddress.parse(e.get("package").asText()),
                    e.get("module").asText(),
                    SuiAddress.parse(e.get("sender").asText()),
                    StructTag.parse(e.get("type").asText()),
                    unb64(e.get("bcs")),
                    (ObjectNode) e.get("json")));
        }
        TransactionEffects effects = new TransactionEffects(
                digest,
                failure,
                Long.parseUnsignedLong(fx.get("lamportVersion").asText()),
                fx.get("epoch").asLong(),
                gas,
                address(fx.get("gasObject")),
                changes,
                events);
        List<String> signatures = new ArrayList<>();
        json.get("signatures").forEach(s -> signatures.add(s.asText()));
        JsonNode bcs = json.get("bcs");
        return new TransactionRecord(
                digest,
                TransactionRecord.Kind.valueOf(json.get("kind").asText()),
                sender,
                bcs.isNull() ? null : unb64(bcs),
                signatures,
                effects,
                json.get("checkpoint").asLong(),
                json.get("timestampMs").asLong());
    }
}
