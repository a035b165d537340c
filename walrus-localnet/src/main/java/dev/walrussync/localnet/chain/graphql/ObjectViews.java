package dev.walrussync.localnet.chain.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.walrussync.localnet.chain.ChainObject;
import dev.walrussync.localnet.chain.ChainTypes;
import dev.walrussync.localnet.chain.Json;
import dev.walrussync.localnet.chain.MetadataField;
import dev.walrussync.localnet.chain.ObjectIds;
import dev.walrussync.localnet.chain.Owner;
import dev.walrussync.localnet.chain.SystemStateField;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;

/** GraphQL views of objects: {@code Object}, {@code MoveObject}, {@code MovePackage}, {@code DynamicField}, owners. */
final class ObjectViews {
    private ObjectViews() {}

    /** Resolves {@code Owner} union members. */
    static Object owner(Gql gql, Owner owner) {
        return switch (owner) {
            case Owner.AddressOwner a -> new AddressOwnerView(new ChainViews.AddressView(gql, a.address()));
            case Owner.ObjectOwner o -> new ObjectOwnerView(new ChainViews.AddressView(gql, o.parent()));
            case Owner.Shared s -> new SharedView(s.initialSharedVersion());
            case Owner.Immutable i -> new ImmutableView();
        };
    }

    /**
     * {@code AddressOwner}.
     *
     * @param address the owner
     */
    record AddressOwnerView(ChainViews.AddressView address) {}

    /**
     * {@code ObjectOwner}.
     *
     * @param address the parent object
     */
    record ObjectOwnerView(ChainViews.AddressView address) {}

    /**
     * {@code Shared}.
     *
     * @param initialSharedVersion the version at which the object became shared
     */
    record SharedView(Long initialSharedVersion) {}

    /** {@code Immutable}. */
    record ImmutableView() {}

    /**
     * {@code MoveValue}: a typed value with its BCS and JSON.
     *
     * @param typeTag the Move type
     * @param bcs the BCS
     * @param json the JSON rendering
     */
    record MoveValueView(TypeTag typeTag, byte[] bcs, JsonNode json) {
        public MoveTypeView type() {
            return new MoveTypeView(typeTag.toString());
        }
    }

    /**
     * {@code MoveType}.
     *
     * @param repr the canonical type string, with full 64-digit addresses
     */
    record MoveTypeView(String repr) {}

    /** One version of an object, serving {@code Object}, {@code MoveObject}, {@code MovePackage}, {@code DynamicField}. */
    static final class ObjectView {
        private final Gql gql;
        private final ChainObject object;

        ObjectView(Gql gql, ChainObject object) {
            this.gql = gql;
            this.object = object;
        }

        ChainObject object() {
            return object;
        }

        public SuiAddress address() {
            return object.id();
        }

        public Long version() {
            return object.version();
        }

        public String digest() {
            return object.digest().toString();
        }

        public Object owner() {
            return ObjectViews.owner(gql, object.owner());
        }

        public ObjectView asMoveObject() {
            return object.isPackage() ? null : this;
        }

        public ObjectView asMovePackage() {
            return object.isPackage() ? this : null;
        }

        public ObjectView asDynamicField() {
            return isDynamicField() ? this : null;
        }

        private boolean isDynamicField() {
            return object.data() instanceof SystemStateField || object.data() instanceof MetadataField;
        }

        public byte[] objectBcs() {
            return object.objectBcs();
        }

        public byte[] moveObjectBcs() {
            return object.isPackage() ? null : object.moveObjectBcs();
        }

        public MoveValueView contents() {
            if (object.isPackage()) {
                return null;
            }
            return new MoveValueView(
                    object.type().toTypeTag(),
                    object.contentsBcs(),
                    object.data().toJson());
        }

        public Boolean hasPublicTransfer() {
            return object.isPackage() ? null : object.hasPublicTransfer();
        }

        public TransactionViews.TransactionView previousTransaction() {
            return gql.chain()
                    .transaction(object.previousTransaction())
                    .map(t -> new TransactionViews.TransactionView(gql, t))
                    .orElse(null);
        }

        public String storageRebate() {
            return Long.toUnsignedString(object.storageRebate());
        }

        public ObjectView objectAt(DataFetchingEnvironment env) {
            Long version = env.getArgument("version");
            ChainObject at = version == null
                    ? gql.chain().object(object.id()).orElse(null)
                    : gql.chain().object(object.id(), version).orElse(null);
            return at == null ? null : new ObjectView(gql, at);
        }

        public ObjectView dynamicField(DataFetchingEnvironment env) {
            return ObjectViews.dynamicField(gql, object.id(), env.getArgument("name"));
        }

        public Connections.Connection<ObjectView> dynamicFields(DataFetchingEnvironment env) {
            return ObjectViews.dynamicFields(gql, object.id(), env);
        }

        /** The dynamic field's name ({@code DynamicField.name}). */
        public MoveValueView name() {
            return switch (object.data()) {
                case SystemStateField f ->
                    new MoveValueView(ChainTypes.U64, f.nameBcs(), new TextNode(Long.toUnsignedString(f.key())));
                case MetadataField m ->
                    new MoveValueView(
                            ChainTypes.BYTES, MetadataField.nameBcs(), new TextNode(Json.bytes(MetadataField.NAME)));
                default -> null;
            };
        }

        /** The dynamic field's value ({@code DynamicField.value}), a {@code MoveValue}. */
        public MoveValueView value() {
            return switch (object.data()) {
                case SystemStateField f ->
                    new MoveValueView(object.type().typeParams().get(1), f.valueBcs(), f.valueJson());
                case MetadataField m ->
                    new MoveValueView(object.type().typeParams().get(1), m.valueBcs(), m.valueJson());
                default -> null;
            };
        }
    }

    /** {@code dynamicField(name: {type, bcs})} under {@code parent}: derives the field's ID and loads it. */
    static ObjectView dynamicField(Gql gql, SuiAddress parent, Map<String, Object> name) {
        Object type = name.get("type");
        Object bcs = name.get("bcs");
        if (name.get("literal") != null || !(type instanceof String typeText) || !(bcs instanceof byte[] bytes)) {
            throw GraphQlUserError.badInput(
                    "Dynamic field names must be given as a type and BCS bytes; literal names are not supported");
        }
        TypeTag keyType;
        try {
            keyType = TypeTag.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw GraphQlUserError.badInput("Invalid type '" + typeText + "': " + e.getMessage());
        }
        SuiAddress id = ObjectIds.dynamicField(parent, keyType, bytes);
        return gql.chain()
                .object(id)
                .filter(o -> o.owner().equals(new Owner.ObjectOwner(parent)))
                .map(o -> new ObjectView(gql, o))
                .orElse(null);
    }

    /** {@code dynamicFields} under {@code parent}, paged by field ID. */
    static Connections.Connection<ObjectView> dynamicFields(Gql gql, SuiAddress parent, DataFetchingEnvironment env) {
        List<ObjectView> fields = gql.chain().dynamicFields(parent).stream()
                .map(o -> new ObjectView(gql, o))
                .toList();
        return Connections.page(
                fields,
                f -> f.address().toString(),
                env.getArgument("first"),
                env.getArgument("after"),
                env.getArgument("last"),
                env.getArgument("before"),
                Connections.DEFAULT_PAGE_SIZE,
                Connections.MAX_PAGE_SIZE);
    }
}
