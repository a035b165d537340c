package dev.walrussync.walrus.sui;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for Move type strings; spaces between tokens are allowed. */
final class TypeTagParser {
    private final String text;
    private int pos;

    private TypeTagParser(String text) {
        this.text = text;
    }

    static TypeTag parseType(String text) {
        TypeTagParser parser = new TypeTagParser(text);
        TypeTag tag = parser.type(0);
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
        }
        return tag;
    }

    private TypeTag type(int depth) {
        if (depth > TypeTag.MAX_DEPTH) {
            throw error("type nested deeper than " + TypeTag.MAX_DEPTH);
        }
        skipSpaces();
        String word = word();
        if (word.isEmpty()) {
            throw error("expected a type");
        }
        switch (word) {
            case "bool":
                return TypeTag.Primitive.BOOL;
            case "u8":
                return TypeTag.Primitive.U8;
            case "u16":
                return TypeTag.Primitive.U16;
            case "u32":
                return TypeTag.Primitive.U32;
            case "u64":
                return TypeTag.Primitive.U64;
            case "u128":
                return TypeTag.Primitive.U128;
            case "u256":
                return TypeTag.Primitive.U256;
            case "address":
                return TypeTag.Primitive.ADDRESS;
            case "signer":
                return TypeTag.Primitive.SIGNER;
            case "vector":
                expect('<');
                TypeTag element = type(depth + 1);
                expect('>');
                return TypeTag.vector(element);
            default:
                return TypeTag.struct(struct(word, depth));
        }
    }

    private StructTag struct(String addressText, int depth) {
        if (!addressText.startsWith("0x")) {
            throw error("expected a primitive type or a 0x address, got '" + addressText + "'");
        }
        SuiAddress address;
        try {
            address = SuiAddress.parse(addressText);
        } catch (IllegalArgumentException e) {
            throw error("invalid address '" + addressText + "'");
        }
        expect(':');
        expectImmediate(':');
        skipSpaces();
        String module = word();
        expect(':');
        expectImmediate(':');
        skipSpaces();
        String name = word();
        List<TypeTag> params = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '<') {
            pos++;
            params.add(type(depth + 1));
            skipSpaces();
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                params.add(type(depth + 1));
                skipSpaces();
            }
            expect('>');
        }
        try {
            return new StructTag(address, module, name, params);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpaces();
        expectImmediate(c);
    }

    private void expectImmediate(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("invalid Move type '" + text + "' at index " + pos + ": " + message);
    }
}
