package dev.walrussync.engine.repo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.pack.PackHeader;
import dev.walrussync.engine.store.StoredBlob;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A copy of the headers of packs written in one run, stored in the run's last pack, so that rebuilding the
 * index reads this record instead of every pack's header.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 6.4</a>
 */
@JsonPropertyOrder({"version", "packs"})
public record IndexRecord(int version, List<Pack> packs) {
    /**
     * The most entries one record lists: about 3.3 MB of entries (4.4 MB in base64), so a record chunk stays well
     * below a pack on every store.
     */
    static final int MAX_ENTRIES = 65_536;

    /**
     * One pack: its blob, its size and header length, and its entries in the header's binary layout, base64.
     *
     * @param blob the blob ID
     */
    @JsonPropertyOrder({"blob", "size", "headerLength", "entries"})
    public record Pack(String blob, long size, int headerLength, String entries) {
        static Pack of(String blob, long size, int headerLength, List<PackEntry> entries) {
            return new Pack(
                    blob, size, headerLength, Base64.getEncoder().encodeToString(PackHeader.encodeEntries(entries)));
        }

        /** The entries; throws {@link IllegalArgumentException} when they do not decode. */
        List<PackEntry> decodedEntries() {
            return PackHeader.decodeEntries(Base64.getDecoder().decode(entries));
        }
    }

    /** A pack as the packer committed it: the blob as the store returned it (on Walrus, with its lease). */
    record Written(StoredBlob blob, int headerLength, List<PackEntry> entries) {}

    /**
     * The records that list the given packs, each with at most {@link #MAX_ENTRIES} entries (a pack with more is
     * listed alone); none for no packs.
     */
    static List<IndexRecord> covering(List<Written> written) {
        List<IndexRecord> records = new ArrayList<>();
        List<Pack> current = new ArrayList<>();
        int entries = 0;
        for (Written w : written) {
            if (!current.isEmpty() && entries + w.entries().size() > MAX_ENTRIES) {
                records.add(new IndexRecord(1, List.copyOf(current)));
                current.clear();
                entries = 0;
            }
            current.add(Pack.of(w.blob().id().value(), w.blob().size(), w.headerLength(), w.entries()));
            entries += w.entries().size();
        }
        if (!current.isEmpty()) {
            records.add(new IndexRecord(1, List.copyOf(current)));
        }
        return records;
    }
}
