package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;

/** Checks Move identifiers (module, function and type names) as Sui's {@code Identifier} does. */
final class MoveIdentifiers {
    private MoveIdentifiers() {}

    /** True for {@code [A-Za-z][A-Za-z0-9_]*} or {@code _[A-Za-z0-9_]+}. */
    static boolean isValid(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if (first == '_') {
            if (s.length() == 1) {
                return false;
            }
        } else if (!isAsciiLetter(first)) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String require(String s, String what) {
        if (!isValid(s)) {
            throw new IllegalArgumentException("invalid Move identifier for " + what + ": '" + s + "'");
        }
        return s;
    }

    /** Reads a BCS string and checks that it is a Move identifier. */
    static String read(BcsReader reader, String what) {
        int start = reader.position();
        String s = reader.string();
        if (!isValid(s)) {
            throw new BcsException("invalid Move identifier for " + what + " at offset " + start + ": '" + s + "'");
        }
        return s;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
