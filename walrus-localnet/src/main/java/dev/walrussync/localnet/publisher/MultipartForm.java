package dev.walrussync.localnet.publisher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A {@code multipart/form-data} body (RFC 7578) split into its named parts, as {@code PUT /v1/quilts} reads it. */
final class MultipartForm {
    /**
     * One part of the form.
     *
     * @param name the {@code name} of its {@code Content-Disposition}, or empty if it has none
     * @param data its bytes
     */
    record Part(String name, byte[] data) {}

    /** The request has no usable {@code multipart/form-data} boundary: axum's plain-text 400. */
    static final class InvalidBoundary extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBoundary() {
            super("Invalid `boundary` for `multipart/form-data` request");
        }
    }

    /** The body does not follow the multipart syntax. */
    static final class MalformedForm extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedForm(String message) {
            super(message);
        }
    }

    private MultipartForm() {}

    /** The boundary of a {@code multipart/form-data} content type (a quoted boundary may hold {@code ;}). */
    static String boundary(@Nullable String contentType) throws InvalidBoundary {
        if (contentType == null) {
            throw new InvalidBoundary();
        }
        int semi = contentType.indexOf(';');
        String type = semi < 0 ? contentType : contentType.substring(0, semi);
        if (semi < 0 || !type.trim().toLowerCase(Locale.ROOT).equals("multipart/form-data")) {
            throw new InvalidBoundary();
        }
        int i = semi + 1;
        while (i < contentType.length()) {
            int eq = contentType.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = contentType.substring(i, eq).trim();
            String value;
            int next;
            if (eq + 1 < contentType.length() && contentType.charAt(eq + 1) == '"') {
                int close = contentType.indexOf('"', eq + 2);
                if (close < 0) {
                    throw new InvalidBoundary();
                }
                value = contentType.substring(eq + 2, close);
                int after = contentType.indexOf(';', close);
                next = after < 0 ? contentType.length() : after + 1;
            } else {
                int after = contentType.indexOf(';', eq);
                value = contentType
                        .substring(eq + 1, after < 0 ? contentType.length() : after)
                        .trim();
                next = after < 0 ? contentType.length() : after + 1;
            }
            if (name.equalsIgnoreCase("boundary") && !value.isEmpty() && value.length() <= 70) {
                return value;
            }
            i = next;
        }
        throw new InvalidBoundary();
    }

    /** Splits the body into parts. */
    static List<Part> parse(byte[] body, String boundary) throws MalformedForm {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new MalformedForm("no boundary in the body");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = at + delimiter.length;
            if (startsWith(body, after, "--")) {
                return parts;
            }
            int lineEnd = indexOf(body, CRLF, after);
            if (lineEnd < 0) {
                throw new MalformedForm("incomplete part boundary");
            }
            int headersEnd = indexOf(body, CRLF_CRLF, lineEnd);
            String name;
            int contentStart;
            if (headersEnd == lineEnd) {
                name = "";
                contentStart = lineEnd + 4;
            } else if (headersEnd < 0) {
                throw new MalformedForm("incomplete part headers");
            } else {
                name = name(new String(body, lineEnd + 2, headersEnd - lineEnd - 2, StandardCharsets.UTF_8));
                contentStart = headersEnd + 4;
            }
            byte[] next = concat(CRLF, delimiter);
            int end = indexOf(body, next, contentStart);
            if (end < 0) {
                throw new MalformedForm("incomplete stream: the closing boundary is missing");
            }
            parts.add(new Part(name, Arrays.copyOfRange(body, contentStart, end)));
            at = end + 2;
        }
    }

    /** The {@code name} parameter of the {@code Content-Disposition} header among the part's headers. */
    private static String name(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            String value = line.substring(colon + 1);
            int i = 0;
            while ((i = indexOfParam(value, "name", i)) >= 0) {
                int start = i + "name".length();
                String rest = value.substring(start).stripLeading();
                if (rest.startsWith("=")) {
                    rest = rest.substring(1).stripLeading();
                    if (rest.startsWith("\"")) {
                        int close = rest.indexOf('"', 1);
                        return close < 0 ? rest.substring(1) : rest.substring(1, close);
                    }
                    int semi = rest.indexOf(';');
                    return (semi < 0 ? rest : rest.substring(0, semi)).trim();
                }
                i = start;
            }
        }
        return "";
    }

    /** The position of a parameter named exactly {@code param} (not {@code filename}) in a header value. */
    private static int indexOfParam(String value, String param, int from) {
        String lower = value.toLowerCase(Locale.ROOT);
        int i = lower.indexOf(param, from);
        while (i >= 0) {
            int before = i - 1;
            while (before >= 0 && lower.charAt(before) == ' ') {
                before--;
            }
            if (before >= 0 && lower.charAt(before) == ';') {
                return i;
            }
            i = lower.indexOf(param, i + 1);
        }
        return -1;
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private static boolean startsWith(byte[] data, int at, String prefix) {
        if (at + prefix.length() > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
