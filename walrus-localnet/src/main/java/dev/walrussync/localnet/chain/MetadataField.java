package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A blob's attributes: the dynamic field {@code 0x2::dynamic_field::Field<vector<u8>, metadata::Metadata>} named
 * {@code b"metadata"} under a {@code Blob}, holding {@code Metadata {metadata: VecMap<String, String>}}. The map
 * keeps insertion order, as Move's {@code VecMap} does.
 *
 * @param id the field object's ID
 * @param entries the key/value pairs in map order
 */
public record MetadataField(SuiAddress id, List<Entry> entries) implements ObjectData {
    /** The dynamic field's name, {@code b"metadata"}. */
    public static final byte[] NAME = "metadata".getBytes(StandardCharsets.US_ASCII);

    /**
     * One key/value pair.
     *
     * @param key the key
     * @param value the value
     */
    public record Entry(String key, String value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public MetadataField {
        Objects.requireNonNull(id, "id");
        entries = List.copyOf(entries);
    }

    /** The value for {@code key}, if present. */
    public Optional<String> get(String key) {
        return entries.stream()
                .filter(e -> e.key().equals(key))
                .map(Entry::value)
                .findFirst();
    }

    /** Move's {@code insert_or_update}: removes {@code key} if present, then appends the pair. */
    public MetadataField insertOrUpdate(String key, String value) {
        List<Entry> next = new ArrayList<>(entries);
        next.removeIf(e -> e.key().equals(key));
        next.add(new Entry(key, value));
        return new MetadataField(id, next);
    }

    /** This map without {@code key}; the caller checks that the key is present. */
    public MetadataField remove(String key) {
        List<Entry> next = new ArrayList<>(entries);
        next.removeIf(e -> e.key().equals(key));
        return new MetadataField(id, next);
    }

    /** The BCS of the name, {@code vector<u8>} {@code "metadata"}. */
    public static byte[] nameBcs() {
        return new BcsWriter().bytes(NAME).toByteArray();
    }

    /** The BCS of the value alone, a {@code Metadata}. */
    public byte[] valueBcs() {
        BcsWriter writer = new BcsWriter();
        writeValue(writer);
        return writer.toByteArray();
    }

    private void writeValue(BcsWriter writer) {
        writer.vector(entries, (w, e) -> w.string(e.key()).string(e.value()));
    }

    /** The value alone as JSON: {@code {"metadata": {"contents": [{"key", "value"}…]}}}. */
    public ObjectNode valueJson() {
        ObjectNode json = Json.object();
        ArrayNode contents = json.putObject("metadata").putArray("contents");
        for (Entry e : entries) {
            contents.addObject().put("key", e.key()).put("value", e.value());
        }
        return json;
    }

    @Override
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        id.writeTo(writer);
        writer.bytes(NAME);
        writeValue(writer);
        return writer.toByteArray();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("name", Json.bytes(NAME));
        json.set("value", valueJson());
        return json;
    }

    static MetadataField fromBcs(byte[] bcs) {
        return BcsReader.decode(bcs, r -> {
            SuiAddress id = SuiAddress.readFrom(r);
            r.bytes();
            List<Entry> entries = r.vector(x -> new Entry(x.string(), x.string()));
            return new MetadataField(id, entries);
        });
    }
}
