package dev.walrussync.engine.crypto;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.engine.internal.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The key blob of a repository: its ID and its key slots, stored as UTF-8 JSON. Immutable; the
 * {@code with…} methods return new instances.
 *
 * <p>A key file always has at least one slot, and slot IDs are unique within it.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 3.2</a>
 */
public final class KeyFile {
    /** The value of the {@code "format"} field. */
    public static final String FORMAT = "walrus-sync-keys";
    /** The one version of the key blob this code reads and writes. */
    public static final int VERSION = 1;
    /** Length of a repository ID. */
    public static final int REPOSITORY_ID_LENGTH = 32;

    private static final int SNIFF_LENGTH = 64;
    private static final byte[] FORMAT_MARKER = ("\"" + FORMAT + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final byte[] repositoryId;
    private final List<KeySlot> slots;

    private KeyFile(byte[] repositoryId, List<KeySlot> slots) {
        if (repositoryId.length != REPOSITORY_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "a repository ID has " + REPOSITORY_ID_LENGTH + " bytes, got " + repositoryId.length);
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a key file must have at least one key slot");
        }
        Set<String> ids = new HashSet<>();
        for (KeySlot slot : slots) {
            if (!ids.add(slot.id())) {
                throw new IllegalArgumentException("key slot ID " + slot.id() + " appears twice");
            }
        }
        this.repositoryId = repositoryId.clone();
        this.slots = List.copyOf(slots);
    }

    /** Assembles a key file; copies the ID and the list. */
    public static KeyFile of(byte[] repositoryId, List<KeySlot> slots) {
        return new KeyFile(repositoryId, slots);
    }

    /** Returns a copy of the 32-byte repository ID. */
    public byte[] repositoryId() {
        return repositoryId.clone();
    }

    /** The repository ID as 64 lower-case hex characters. */
    public String repositoryIdHex() {
        return Hex.encode(repositoryId);
    }

    /** All slots, in file order; never empty. */
    public List<KeySlot> slots() {
        return slots;
    }

    /** The slots of one kind, in file order. */
    public List<KeySlot> slots(KeySlot.Kind kind) {
        return slots.stream().filter(s -> s.kind() == kind).toList();
    }

    /** Returns the slot with this ID, or empty. */
    public Optional<KeySlot> slot(String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Returns a key file with {@code slot} appended.
     *
     * @throws IllegalArgumentException when a slot with the same ID exists
     */
    public KeyFile withSlot(KeySlot slot) {
        Objects.requireNonNull(slot, "slot");
        if (slot(slot.id()).isPresent()) {
            throw new IllegalArgumentException("key slot ID " + slot.id() + " is already in use in this key file");
        }
        List<KeySlot> more = new ArrayList<>(slots);
        more.add(slot);
        return new KeyFile(repositoryId, more);
    }

    /**
     * Returns a key file without the slot {@code id}.
     *
     * @throws IllegalArgumentException when there is no such slot
     * @throws IllegalStateException when it is the last slot, which a repository must always keep
     */
    public KeyFile withoutSlot(String id) {
        if (slot(id).isEmpty()) {
            throw new IllegalArgumentException("there is no key slot with ID " + id);
        }
        if (slots.size() == 1) {
            throw new IllegalStateException("cannot remove key slot " + id
                    + ": it is the only key slot, and a repository must always keep at least one;"
                    + " add another passphrase or recovery phrase first");
        }
        return new KeyFile(
                repositoryId, slots.stream().filter(s -> !s.id().equals(id)).toList());
    }

    /** Serializes to compact UTF-8 JSON with the fields in the order of the storage format. */
    public byte[] toJson() {
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("repositoryId", repositoryIdHex());
        ArrayNode array = root.putArray("slots");
        for (KeySlot slot : slots) {
            ObjectNode node = array.addObject();
            node.put("id", slot.id());
            node.put("kind", slot.kind().jsonName());
            node.put("created", slot.created().toString());
            ObjectNode kdf = node.putObject("kdf");
            kdf.put("name", slot.kdfName());
            kdf.put("salt", base64.encodeToString(slot.salt()));
            slot.argon2Params().ifPresent(p -> {
                kdf.put("memoryKiB", p.memoryKiB());
                kdf.put("iterations", p.iterations());
                kdf.put("parallelism", p.parallelism());
            });
            node.put("wrappedKey", base64.encodeToString(slot.wrappedKey()));
            slot.sealedPhrase().ifPresent(bytes -> node.put("sealedPhrase", base64.encodeToString(bytes)));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialize a key file", e);
        }
    }

    /**
     * Parses a key blob.
     *
     * @throws InvalidKeyFileException naming the problem when the bytes are not JSON, not a key blob,
     *     of an unsupported version, or have a missing, unexpected or malformed field
     */
    public static KeyFile parse(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            String detail = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
            throw new InvalidKeyFileException("not a Walrus Sync key file: not valid JSON (" + detail + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidKeyFileException("not a Walrus Sync key file: not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw new InvalidKeyFileException("not a Walrus Sync key file: it has no \"format\" field");
        }
        if (!FORMAT.equals(format.textValue())) {
            throw new InvalidKeyFileException("not a Walrus Sync key file: \"format\" is \"" + format.textValue()
                    + "\", expected \"" + FORMAT + "\"");
        }
        Fields file = new Fields(root, "the key file");
        int version = file.integer("version");
        if (version != VERSION) {
            throw new InvalidKeyFileException("unsupported key file version " + version
                    + ": this version of Walrus Sync reads only version " + VERSION
                    + "; a newer Walrus Sync may be needed");
        }
        file.onlyFields("format", "version", "repositoryId", "slots");
        byte[] repositoryId = file.hex("repositoryId", REPOSITORY_ID_LENGTH);
        JsonNode slotArray = file.array("slots");
        if (slotArray.isEmpty()) {
            throw new InvalidKeyFileException("invalid key file: it has no key slots");
        }
        List<KeySlot> slots = new ArrayList<>(slotArray.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < slotArray.size(); i++) {
            KeySlot slot = parseSlot(slotArray.get(i), "slot " + (i + 1));
            if (!ids.add(slot.id())) {
                throw new InvalidKeyFileException("invalid key file: slot ID " + slot.id() + " appears twice");
            }
            slots.add(slot);
        }
        return new KeyFile(repositoryId, slots);
    }

    /**
     * Cheaply tells whether bytes may be a key blob: they start with an opening brace and contain
     * {@code "walrus-sync-keys"}, quotes included, within the first 64 bytes. A true result does not
     * mean {@link #parse} will succeed.
     */
    public static boolean looksLikeKeyFile(byte[] prefix) {
        if (prefix.length == 0 || prefix[0] != '{') {
            return false;
        }
        int limit = Math.min(prefix.length, SNIFF_LENGTH) - FORMAT_MARKER.length;
        for (int start = 1; start <= limit; start++) {
            if (Arrays.equals(prefix, start, start + FORMAT_MARKER.length, FORMAT_MARKER, 0, FORMAT_MARKER.length)) {
                return true;
            }
        }
        return false;
    }

    private static KeySlot parseSlot(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidKeyFileException("invalid key file: " + where + " is not a JSON object");
        }
        Fields slot = new Fields(node, where);
        String id = slot.text("id");
        if (!id.matches("[0-9a-f]{8}")) {
            throw new InvalidKeyFileException(
                    "invalid key file: \"id\" of " + where + " is not 8 lower-case hex characters: '" + id + "'");
        }
        String slotWhere = where + " (" + id + ")";
        slot = new Fields(node, slotWhere);
        slot.onlyFields("id", "kind", "created", "kdf", "wrappedKey", "sealedPhrase");
        String kindName = slot.text("kind");
        KeySlot.Kind kind = KeySlot.Kind.fromJsonName(kindName)
                .orElseThrow(() -> new InvalidKeyFileException("invalid key file: \"kind\" of " + slotWhere + " is \""
                        + kindName + "\", expected \"passphrase\" or \"recovery-phrase\""));
        String createdText = slot.text("created");
        Instant created;
        try {
            created = Instant.parse(createdText);
        } catch (DateTimeParseException e) {
            throw new InvalidKeyFileException(
                    "invalid key file: \"created\" of " + slotWhere + " is not a UTC timestamp such as"
                            + " 2026-11-22T10:00:00Z: '" + createdText + "'",
                    e);
        }
        Fields kdf = new Fields(slot.object("kdf"), "the kdf of " + slotWhere);
        String kdfName = kdf.text("name");
        if (!kdfName.equals(kind.kdfName())) {
            throw new InvalidKeyFileException("invalid key file: the kdf of " + slotWhere + " is \"" + kdfName
                    + "\", but a " + kind.jsonName() + " slot uses \"" + kind.kdfName() + "\"");
        }
        byte[] salt = kdf.base64("salt", KeySlot.SALT_LENGTH);
        byte[] wrappedKey = slot.base64("wrappedKey", KeySlot.WRAPPED_KEY_LENGTH);
        if (kind == KeySlot.Kind.RECOVERY_PHRASE) {
            kdf.onlyFields("name", "salt");
            // Optional: key blobs written before the phrase could be shown again do not have it.
            byte[] sealedPhrase =
                    node.has("sealedPhrase") ? slot.base64("sealedPhrase", KeySlot.SEALED_PHRASE_LENGTH) : null;
            return KeySlot.recoveryPhrase(id, created, salt, wrappedKey, sealedPhrase);
        }
        if (node.has("sealedPhrase")) {
            throw new InvalidKeyFileException(
                    "invalid key file: " + slotWhere + " is a passphrase slot but has a \"sealedPhrase\" field");
        }
        kdf.onlyFields("name", "salt", "memoryKiB", "iterations", "parallelism");
        Argon2Params params;
        try {
            params = new Argon2Params(kdf.integer("memoryKiB"), kdf.integer("iterations"), kdf.integer("parallelism"));
        } catch (InvalidKeyFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyFileException("invalid key file: " + slotWhere + ": " + e.getMessage(), e);
        }
        return KeySlot.passphrase(id, created, salt, params, wrappedKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFile other
                && Arrays.equals(repositoryId, other.repositoryId)
                && slots.equals(other.slots);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(repositoryId) + slots.hashCode();
    }

    @Override
    public String toString() {
        return "KeyFile[repository " + repositoryIdHex() + ", " + slots.size() + " slots]";
    }

    /** Typed, checked access to the fields of one JSON object, naming the object in every error. */
    private record Fields(JsonNode node, String where) {
        JsonNode required(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new InvalidKeyFileException("invalid key file: " + where + " has no \"" + name + "\" field");
            }
            return value;
        }

        String text(String name) {
            JsonNode value = required(name);
            if (!value.isTextual()) {
                throw new InvalidKeyFileException(
                        "invalid key file: \"" + name + "\" of " + where + " must be a string, got " + value);
            }
            return value.textValue();
        }

        int integer(String name) {
            JsonNode value = required(name);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new InvalidKeyFileException(
                        "invalid key file: \"" + name + "\" of " + where + " must be an integer, got " + value);
            }
            return value.intValue();
        }

        JsonNode object(String name) {
            JsonNode value = required(name);
            if (!value.isObject()) {
                throw new InvalidKeyFileException(
                        "invalid key file: \"" + name + "\" of " + where + " must be a JSON object");
            }
            return value;
        }

        JsonNode array(String name) {
            JsonNode value = required(name);
            if (!value.isArray()) {
                throw new InvalidKeyFileException(
                        "invalid key file: \"" + name + "\" of " + where + " must be a JSON array");
            }
            return value;
        }

        byte[] base64(String name, int length) {
            String text = text(name);
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyFileException(
                        "invalid key file: \"" + name + "\" of " + where + " is not valid base64", e);
            }
            if (bytes.length != length) {
                throw new InvalidKeyFileException("invalid key file: \"" + name + "\" of " + where + " has "
                        + bytes.length + " bytes, expected " + length);
            }
            return bytes;
        }

        byte[] hex(String name, int length) {
            String text = text(name);
            if (text.length() != 2 * length) {
                throw new InvalidKeyFileException("invalid key file: \"" + name + "\" of " + where + " has "
                        + text.length() + " characters, expected " + 2 * length + " hex characters");
            }
            try {
                return Hex.decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyFileException(
                        "invalid key file: \"" + name + "\" of " + where + " is not hexadecimal", e);
            }
        }

        void onlyFields(String... names) {
            Set<String> allowed = Set.of(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new InvalidKeyFileException(
                            "invalid key file: " + where + " has an unexpected field \"" + name + "\"");
                }
            }
        }
    }
}
