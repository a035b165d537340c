package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/**
 * A Move type: a primitive, {@code vector<T>} or a struct. The canonical text form uses full 64-digit addresses
 * and no spaces, e.g. {@code 0x000…0002::coin::Coin<0x356a…4f59::wal::WAL>}; parsing also accepts short addresses
 * and spaces.
 */
public sealed interface TypeTag {
    /** Deepest nesting of {@code vector} and struct type parameters accepted when parsing or decoding. */
    int MAX_DEPTH = 64;

    /** Primitive Move types with their BCS variant index. */
    enum Primitive implements TypeTag {
        BOOL(0, "bool"),
        U8(1, "u8"),
        U64(2, "u64"),
        U128(3, "u128"),
        ADDRESS(4, "address"),
        SIGNER(5, "signer"),
        U16(8, "u16"),
        U32(9, "u32"),
        U256(10, "u256");

        private final int variant;
        private final String text;

        Primitive(int variant, String text) {
            this.variant = variant;
            this.text = text;
        }

        @Override
        public int variant() {
            return variant;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * {@code vector<T>}.
     *
     * @param element the element type
     */
    record Vector(TypeTag element) implements TypeTag {
        public Vector {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public int variant() {
            return 6;
        }

        @Override
        public String toString() {
            return "vector<" + element + ">";
        }
    }

    /**
     * A struct type.
     *
     * @param tag the struct tag
     */
    record Struct(StructTag tag) implements TypeTag {
        public Struct {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public int variant() {
            return 7;
        }

        @Override
        public String toString() {
            return tag.toString();
        }
    }

    /** The BCS variant index of this type. */
    int variant();

    static TypeTag vector(TypeTag element) {
        return new Vector(element);
    }

    static TypeTag struct(StructTag tag) {
        return new Struct(tag);
    }

    /**
     * Parses a type such as {@code u64}, {@code vector<u8>} or {@code 0x2::coin::Coin<0x2::sui::SUI>}.
     *
     * @throws IllegalArgumentException when the text is not a type
     */
    static TypeTag parse(String text) {
        return TypeTagParser.parseType(text);
    }

    /** Writes the BCS form: the variant index, then the vector element or struct tag. */
    default void writeTo(BcsWriter writer) {
        writer.variant(variant());
        if (this instanceof Vector v) {
            v.element().writeTo(writer);
        } else if (this instanceof Struct s) {
            s.tag().writeTo(writer);
        }
    }

    static TypeTag readFrom(BcsReader reader) {
        return readFrom(reader, 0);
    }

    /** Reads a type tag nested {@code depth} levels inside other type tags. */
    static TypeTag readFrom(BcsReader reader, int depth) {
        if (depth > MAX_DEPTH) {
            throw new BcsException("type tag nested deeper than " + MAX_DEPTH + " at offset " + reader.position());
        }
        int variant = reader.variant("TypeTag", 11);
        return switch (variant) {
            case 0 -> Primitive.BOOL;
            case 1 -> Primitive.U8;
            case 2 -> Primitive.U64;
            case 3 -> Primitive.U128;
            case 4 -> Primitive.ADDRESS;
            case 5 -> Primitive.SIGNER;
            case 6 -> new Vector(readFrom(reader, depth + 1));
            case 7 -> new Struct(StructTag.readFrom(reader, depth + 1));
            case 8 -> Primitive.U16;
            case 9 -> Primitive.U32;
            case 10 -> Primitive.U256;
            default -> throw new IllegalStateException("unreachable variant " + variant);
        };
    }
}
