package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.util.List;
import java.util.Objects;

/**
 * The Move types this chain knows, for one deployment: Sui's {@code Coin<T>} and {@code SUI}, and the Walrus types,
 * which are named after the Walrus package's <em>original</em> ID (type origins never move on upgrade).
 */
public final class ChainTypes {
    /** {@code 0x2::sui::SUI}. */
    public static final TypeTag SUI = TypeTag.parse("0x2::sui::SUI");
    /** {@code u64}. */
    public static final TypeTag U64 = TypeTag.Primitive.U64;
    /** {@code vector<u8>}. */
    public static final TypeTag BYTES = TypeTag.vector(TypeTag.Primitive.U8);

    private final SuiAddress walrusOriginalPackage;
    private final TypeTag walCoinType;

    public ChainTypes(SuiAddress walrusOriginalPackage, TypeTag walCoinType) {
        this.walrusOriginalPackage = Objects.requireNonNull(walrusOriginalPackage, "walrusOriginalPackage");
        this.walCoinType = Objects.requireNonNull(walCoinType, "walCoinType");
    }

    public SuiAddress walrusOriginalPackage() {
        return walrusOriginalPackage;
    }

    /** The WAL coin type, {@code <wal package>::wal::WAL}. */
    public TypeTag wal() {
        return walCoinType;
    }

    /** {@code 0x2::coin::Coin<coinType>}. */
    public static StructTag coin(TypeTag coinType) {
        return StructTag.coin(coinType);
    }

    /** Whether {@code type} is {@code 0x2::coin::Coin<…>}. */
    public static boolean isCoin(StructTag type) {
        return type.address().equals(SuiAddress.SUI_FRAMEWORK)
                && type.module().equals("coin")
                && type.name().equals("Coin")
                && type.typeParams().size() == 1;
    }

    /** The {@code T} of a {@code Coin<T>}. */
    public static TypeTag coinTypeOf(StructTag coin) {
        return coin.typeParams().getFirst();
    }

    public StructTag walrus(String module, String name) {
        return StructTag.of(walrusOriginalPackage, module, name);
    }

    public StructTag blob() {
        return walrus("blob", "Blob");
    }

    public StructTag storage() {
        return walrus("storage_resource", "Storage");
    }

    public StructTag system() {
        return walrus("system", "System");
    }

    public StructTag systemStateInner() {
        return walrus("system_state_inner", "SystemStateInnerV1");
    }

    public StructTag metadata() {
        return walrus("metadata", "Metadata");
    }

    /** {@code 0x2::dynamic_field::Field<name, value>}. */
    public static StructTag field(TypeTag name, TypeTag value) {
        return new StructTag(SuiAddress.SUI_FRAMEWORK, "dynamic_field", "Field", List.of(name, value));
    }

    public StructTag systemStateFieldType() {
        return field(U64, systemStateInner().toTypeTag());
    }

    public StructTag metadataFieldType() {
        return field(BYTES, metadata().toTypeTag());
    }

    /** A Walrus event type in module {@code events}, e.g. {@code BlobCertified}. */
    public StructTag event(String name) {
        return walrus("events", name);
    }

    /**
     * Decodes Move contents of a known type.
     *
     * @throws IllegalArgumentException for a type this chain does not model
     */
    public ObjectData decode(StructTag type, byte[] bcs) {
        if (isCoin(type)) {
            return CoinData.fromBcs(bcs);
        }
        if (type.equals(blob())) {
            return BlobData.fromBcs(bcs);
        }
        if (type.equals(storage())) {
            return StorageData.fromBcs(bcs);
        }
        if (type.equals(system())) {
            return SystemData.fromBcs(bcs);
        }
        if (type.equals(systemStateFieldType())) {
            return SystemStateField.fromBcs(bcs);
        }
        if (type.equals(metadataFieldType())) {
            return MetadataField.fromBcs(bcs);
        }
        throw new IllegalArgumentException("no local model for Move type " + type);
    }
}
