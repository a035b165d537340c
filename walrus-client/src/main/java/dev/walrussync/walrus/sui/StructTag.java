package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Move struct type {@code address::module::Name<T...>}, e.g. {@code 0x2::coin::Coin<…::wal::WAL>}.
 *
 * @param address the package address that defines the type
 * @param module the module name
 * @param name the struct name
 * @param typeParams the type arguments, possibly empty
 */
public record StructTag(SuiAddress address, String module, String name, List<TypeTag> typeParams) {
    public StructTag {
        Objects.requireNonNull(address, "address");
        MoveIdentifiers.require(module, "module");
        MoveIdentifiers.require(name, "struct name");
        typeParams = List.copyOf(typeParams);
    }

    /** A struct type with no type arguments. */
    public static StructTag of(SuiAddress address, String module, String name) {
        return new StructTag(address, module, name, List.of());
    }

    /** {@code 0x2::coin::Coin<coinType>}. */
    public static StructTag coin(TypeTag coinType) {
        return new StructTag(SuiAddress.SUI_FRAMEWORK, "coin", "Coin", List.of(coinType));
    }

    /**
     * Parses {@code address::module::Name} with optional {@code <type, ...>} arguments.
     *
     * @throws IllegalArgumentException when the text is not a struct type
     */
    public static StructTag parse(String text) {
        TypeTag tag = TypeTagParser.parseType(text);
        if (tag instanceof TypeTag.Struct s) {
            return s.tag();
        }
        throw new IllegalArgumentException("not a struct type: '" + text + "'");
    }

    /** Returns this struct as a {@link TypeTag}. */
    public TypeTag toTypeTag() {
        return TypeTag.struct(this);
    }

    /** Writes the BCS form (no variant tag): address, module, name, type arguments. */
    public void writeTo(BcsWriter writer) {
        address.writeTo(writer);
        writer.string(module);
        writer.string(name);
        writer.vector(typeParams, (w, t) -> t.writeTo(w));
    }

    public static StructTag readFrom(BcsReader reader) {
        return readFrom(reader, 0);
    }

    static StructTag readFrom(BcsReader reader, int depth) {
        if (depth > TypeTag.MAX_DEPTH) {
            throw new BcsException(
                    "type tag nested deeper than " + TypeTag.MAX_DEPTH + " at offset " + reader.position());
        }
        SuiAddress address = SuiAddress.readFrom(reader);
        String module = MoveIdentifiers.read(reader, "module");
        String name = MoveIdentifiers.read(reader, "struct name");
        List<TypeTag> params = reader.vector(r -> TypeTag.readFrom(r, depth + 1));
        return new StructTag(address, module, name, params);
    }

    /** Returns the canonical form: full {@code 0x} address, type arguments separated by {@code ,} with no spaces. */
    @Override
    public String toString() {
        String head = address + "::" + module + "::" + name;
        if (typeParams.isEmpty()) {
            return head;
        }
        return head + typeParams.stream().map(TypeTag::toString).collect(Collectors.joining(",", "<", ">"));
    }
}
