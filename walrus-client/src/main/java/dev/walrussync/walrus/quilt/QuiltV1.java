package dev.walrussync.walrus.quilt;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.EncodingConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A QuiltV1 quilt: the unencoded quilt blob (a {@code rows × columns} matrix of symbols stored row-major, rows =
 * primary source symbols, columns = secondary source symbols) and its index, laid out exactly as walrus-core's
 * {@code QuiltEncoderV1::construct_quilt} does so that the quilt's blob ID matches real Walrus.
 *
 * <p>Layout: patches are sorted by identifier (UTF-8 byte order); each occupies consecutive columns, written
 * column by column, top to bottom, as {@code header ‖ identifier ‖ [tags] ‖ data}. The header is {@code version
 * 0x01 ‖ length u32 LE ‖ mask u8} (mask bit 0: has tags), the identifier {@code u16 LE size ‖ BCS string}, the tags
 * {@code u16 LE size ‖ BCS map<string,string>}. Column 0 onwards holds {@code 0x01 ‖ index size u32 LE ‖ BCS
 * QuiltIndexV1}, where {@code QuiltIndexV1 = vector<{end_index u16, identifier string, tags map}>}. The symbol size
 * is the smallest (even) one that fits every part into whole columns with the index in at most 10 columns.
 *
 * @param data the quilt blob, {@code symbolSize × rows × columns} bytes (not copied)
 * @param symbolSize the symbol size in bytes
 * @param rows symbols per column (primary source symbols)
 * @param columns symbols per row (secondary source symbols)
 * @param patches the index, in quilt order, with start indices filled in
 */
public record QuiltV1(byte[] data, int symbolSize, int rows, int columns, List<QuiltPatch> patches) {
    /** The version byte of the quilt, of each patch header and of patch internal IDs. */
    public static final byte VERSION = 1;
    /** The most columns the index may use. */
    public static final int MAX_INDEX_COLUMNS = 10;

    private static final int INDEX_PREFIX_SIZE = 5;
    private static final int PATCH_HEADER_SIZE = 6;
    private static final int HAS_TAGS = 1;
    private static final int MAX_U16 = 0xFFFF;

    public QuiltV1 {
        Objects.requireNonNull(data, "data");
        patches = List.copyOf(patches);
    }

    /** Bytes per column: {@code symbolSize × rows}. */
    public int columnSize() {
        return symbolSize * rows;
    }

    /**
     * Lays out blobs as a QuiltV1 for a network of {@code config.nShards()} shards.
     *
     * @throws QuiltException if there are no blobs, two share an identifier, there are more than {@code columns −
     *     1} of them, or the result needs symbols larger than the RS2 maximum
     */
    public static QuiltV1 encode(List<QuiltStoreBlob> blobs, EncodingConfig config) {
        int rows = config.primarySourceSymbols();
        int columns = config.secondarySourceSymbols();
        if (blobs.isEmpty()) {
            throw new QuiltException("a quilt needs at least one blob");
        }
        List<QuiltStoreBlob> sorted = new ArrayList<>(blobs);
        sorted.sort(Comparator.comparing(QuiltStoreBlob::identifier, QuiltV1::compareUtf8));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).identifier().equals(sorted.get(i).identifier())) {
                throw new QuiltException(
                        "duplicate identifier in the quilt: " + sorted.get(i).identifier());
            }
        }
        List<byte[]> prefixes = new ArrayList<>();
        long[] sizes = new long[sorted.size() + 1];
        List<QuiltPatch> provisional = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            QuiltStoreBlob b = sorted.get(i);
            byte[] prefix = headerAndExtensions(b);
            prefixes.add(prefix);
            sizes[i + 1] = (long) prefix.length + b.data().length;
            provisional.add(new QuiltPatch(b.identifier(), 0, 0, b.tags()));
        }
        int indexSize = indexBcs(provisional).length;
        sizes[0] = INDEX_PREFIX_SIZE + (long) indexSize;
        int symbolSize = symbolSize(sizes, columns, rows, MAX_INDEX_COLUMNS);
        int columnSize = symbolSize * rows;
        int rowSize = symbolSize * columns;
        byte[] data = new byte[Math.multiplyExact(rowSize, rows)];
        int indexColumns = (int) ceilDiv(sizes[0], columnSize);
        if (indexColumns > MAX_INDEX_COLUMNS) {
            throw new QuiltException("the quilt index needs " + indexColumns + " columns, more than 10");
        }
        List<QuiltPatch> patches = new ArrayList<>();
        int column = indexColumns;
        for (int i = 0; i < sorted.size(); i++) {
            QuiltStoreBlob b = sorted.get(i);
            byte[] prefix = prefixes.get(i);
            writeColumns(data, prefix, column, rowSize, columnSize, symbolSize, rows, 0);
            writeColumns(data, b.data(), column, rowSize, columnSize, symbolSize, rows, prefix.length);
            int used = (int) ceilDiv((long) prefix.length + b.data().length, columnSize);
            patches.add(new QuiltPatch(b.identifier(), column, column + used, b.tags()));
            column += used;
        }
        byte[] index = indexBcs(patches);
        byte[] meta = new byte[INDEX_PREFIX_SIZE + index.length];
        meta[0] = VERSION;
        putU32(meta, 1, index.length);
        System.arraycopy(index, 0, meta, INDEX_PREFIX_SIZE, index.length);
        writeColumns(data, meta, 0, rowSize, columnSize, symbolSize, rows, 0);
        return new QuiltV1(data, symbolSize, rows, columns, patches);
    }

    /**
     * Reads a quilt blob of a network of {@code config.nShards()} shards and its index.
     *
     * @throws QuiltException if the bytes are not a QuiltV1 for that shard count
     */
    public static QuiltV1 parse(byte[] quiltBlob, EncodingConfig config) {
        int rows = config.primarySourceSymbols();
        int columns = config.secondarySourceSymbols();
        long sourceSymbols = (long) rows * columns;
        if (quiltBlob.length == 0 || quiltBlob.length % sourceSymbols != 0) {
            throw new QuiltException("a quilt of " + config.nShards() + " shards is a multiple of " + sourceSymbols
                    + " bytes long, not " + quiltBlob.length);
        }
        int symbolSize = (int) (quiltBlob.length / sourceSymbols);
        QuiltV1 shell = new QuiltV1(quiltBlob, symbolSize, rows, columns, List.of());
        byte[] prefix = shell.readColumns(0, 0, INDEX_PREFIX_SIZE);
        if (prefix[0] != VERSION) {
            throw new QuiltException("not a QuiltV1: the version byte is " + (prefix[0] & 0xFF));
        }
        long indexSize = getU32(prefix, 1);
        if (indexSize > quiltBlob.length) {
            throw new QuiltException("the quilt index claims " + indexSize + " bytes, more than the quilt");
        }
        byte[] indexBytes = shell.readColumns(0, INDEX_PREFIX_SIZE, (int) indexSize);
        List<QuiltPatch> ends;
        try {
            ends = BcsReader.decode(indexBytes, r -> r.vector(QuiltV1::readIndexEntry));
        } catch (BcsException e) {
            throw new QuiltException("the quilt index is not valid BCS: " + e.getMessage(), e);
        }
        int start = (int) ceilDiv(INDEX_PREFIX_SIZE + indexSize, shell.columnSize());
        List<QuiltPatch> patches = new ArrayList<>();
        for (QuiltPatch p : ends) {
            if (p.endIndex() < start || p.endIndex() > columns) {
                throw new QuiltException("patch " + p.identifier() + " ends at column " + p.endIndex() + ", outside "
                        + start + ".." + columns);
            }
            patches.add(new QuiltPatch(p.identifier(), start, p.endIndex(), p.tags()));
            start = p.endIndex();
        }
        return new QuiltV1(quiltBlob, symbolSize, rows, columns, patches);
    }

    /** The first patch with this identifier, if any. */
    public Optional<QuiltPatch> patch(String identifier) {
        return patches.stream().filter(p -> p.identifier().equals(identifier)).findFirst();
    }

    /** The patch whose column range is {@code start..end}, if any. */
    public Optional<QuiltPatch> patch(int startIndex, int endIndex) {
        return patches.stream()
                .filter(p -> p.startIndex() == startIndex && p.endIndex() == endIndex)
                .findFirst();
    }

    /**
     * Reads a patch's identifier, tags and bytes from its columns.
     *
     * @throws QuiltException if the columns do not hold a valid patch
     */
    public QuiltStoreBlob read(QuiltPatch patch) {
        int column = patch.startIndex();
        byte[] header = readColumns(column, 0, PATCH_HEADER_SIZE);
        if (header[0] != VERSION) {
            throw new QuiltException("no QuiltV1 patch starts at column " + column);
        }
        long length = getU32(header, 1);
        int mask = header[5] & 0xFF;
        int offset = PATCH_HEADER_SIZE;
        int identifierSize = getU16(readColumns(column, offset, 2), 0);
        offset += 2;
        String identifier;
        try {
            identifier = BcsReader.decode(readColumns(column, offset, identifierSize), BcsReader::string);
        } catch (BcsException e) {
            throw new QuiltException("the identifier at column " + column + " is not a BCS string", e);
        }
        offset += identifierSize;
        long remaining = length - 2 - identifierSize;
        Map<String, String> tags = Map.of();
        if ((mask & HAS_TAGS) != 0) {
            int tagsSize = getU16(readColumns(column, offset, 2), 0);
            offset += 2;
            try {
                tags = BcsReader.decode(readColumns(column, offset, tagsSize), QuiltV1::readTags);
            } catch (BcsException e) {
                throw new QuiltException("the tags at column " + column + " are not a BCS map", e);
            }
            offset += tagsSize;
            remaining -= 2 + tagsSize;
        }
        if (remaining < 0 || offset + remaining > (long) (columns - column) * columnSize()) {
            throw new QuiltException("the patch at column " + column + " claims more bytes than the quilt holds");
        }
        return new QuiltStoreBlob(identifier, readColumns(column, offset, (int) remaining), tags);
    }

    /**
     * Reads {@code count} bytes of the column-major byte stream that starts at column {@code startColumn}, after
     * skipping {@code skip} bytes ({@code QuiltColumnRangeReader::range_read_from_columns}).
     */
    byte[] readColumns(int startColumn, long skip, int count) {
        long begin = (long) startColumn * columnSize() + skip;
        if (count < 0 || begin + count > (long) columns * columnSize()) {
            throw new QuiltException("reading " + count + " bytes at column " + startColumn + " + " + skip
                    + " runs past the quilt's " + columns + " columns");
        }
        byte[] out = new byte[count];
        int rowSize = symbolSize * columns;
        long symbolIndex = skip / symbolSize;
        int column = startColumn + (int) (symbolIndex / rows);
        int row = (int) (symbolIndex % rows);
        int inSymbol = (int) (skip % symbolSize);
        int done = 0;
        while (done < count) {
            int base = row * rowSize + column * symbolSize + inSymbol;
            int n = Math.min(symbolSize - inSymbol, count - done);
            System.arraycopy(data, base, out, done, n);
            done += n;
            inSymbol = 0;
            row++;
            if (row == rows) {
                row = 0;
                column++;
            }
        }
        return out;
    }

    /**
     * The smallest even symbol size that fits every part into whole columns, the first (the index) into at most
     * {@code maxIndexColumns} ({@code compute_symbol_size} in walrus-core).
     *
     * @param sizes the index's total size, then each patch's serialized size
     */
    static int symbolSize(long[] sizes, int columns, int rows, int maxIndexColumns) {
        if (sizes.length > columns) {
            throw new QuiltException("too many blobs: a quilt of " + columns + " columns holds at most " + (columns - 1)
                    + ", got " + (sizes.length - 1));
        }
        if (sizes.length == 0) {
            throw new QuiltException("a quilt needs at least one blob");
        }
        long total = 0;
        long max = 0;
        for (long s : sizes) {
            total += s;
            max = Math.max(max, s);
        }
        long min = Math.max(ceilDiv(total, (long) columns * rows), ceilDiv(sizes[0], (long) rows * maxIndexColumns));
        min = Math.max(min, ceilDiv(INDEX_PREFIX_SIZE, rows));
        long hi = ceilDiv(max, (long) (columns / sizes.length) * rows);
        while (min < hi) {
            long mid = (min + hi) / 2;
            if (fits(sizes, columns, mid * rows)) {
                hi = mid;
            } else {
                min = mid + 1;
            }
        }
        long aligned = ceilDiv(min, EncodingConfig.SYMBOL_ALIGNMENT) * EncodingConfig.SYMBOL_ALIGNMENT;
        if (aligned > EncodingConfig.MAX_SYMBOL_SIZE) {
            throw new QuiltException("the resulting symbol size " + aligned + " is larger than the maximum symbol size "
                    + EncodingConfig.MAX_SYMBOL_SIZE + "; remove some blobs");
        }
        return (int) aligned;
    }

    private static boolean fits(long[] sizes, int columns, long columnSize) {
        if (columnSize == 0) {
            return false;
        }
        long needed = 0;
        for (long s : sizes) {
            needed += ceilDiv(s, columnSize);
        }
        return needed <= columns;
    }

    /** Header, identifier and (if any) tags, as written before a patch's bytes. */
    private static byte[] headerAndExtensions(QuiltStoreBlob blob) {
        byte[] identifier = new BcsWriter().string(blob.identifier()).toByteArray();
        if (identifier.length >= MAX_U16) {
            throw new QuiltException("identifier size exceeds maximum allowed value: " + MAX_U16);
        }
        byte[] tags = blob.tags().isEmpty() ? null : tagsBcs(blob.tags());
        if (tags != null && tags.length > MAX_U16) {
            throw new QuiltException(
                    "the tags of " + blob.identifier() + " take " + tags.length + " bytes, more than " + MAX_U16);
        }
        int extensions = 2 + identifier.length + (tags == null ? 0 : 2 + tags.length);
        long length = (long) extensions + blob.data().length;
        if (length > 0xFFFF_FFFFL) {
            throw new QuiltException("the patch " + blob.identifier() + " is larger than 4 GiB");
        }
        byte[] out = new byte[PATCH_HEADER_SIZE + extensions];
        out[0] = VERSION;
        putU32(out, 1, length);
        out[5] = (byte) (tags == null ? 0 : HAS_TAGS);
        int at = PATCH_HEADER_SIZE;
        putU16(out, at, identifier.length);
        at += 2;
        System.arraycopy(identifier, 0, out, at, identifier.length);
        at += identifier.length;
        if (tags != null) {
            putU16(out, at, tags.length);
            at += 2;
            System.arraycopy(tags, 0, out, at, tags.length);
        }
        return out;
    }

    /** BCS of {@code QuiltIndexV1}: {@code vector<{end_index u16, identifier string, tags map}>}. */
    static byte[] indexBcs(List<QuiltPatch> patches) {
        BcsWriter w = new BcsWriter();
        w.uleb128(patches.size());
        for (QuiltPatch p : patches) {
            w.u16(p.endIndex());
            w.string(p.identifier());
            w.fixedBytes(tagsBcs(p.tags()));
        }
        return w.toByteArray();
    }

    /** BCS of {@code BTreeMap<String, String>}: entries sorted by the bytes of their serialized keys, as bcs does. */
    static byte[] tagsBcs(Map<String, String> tags) {
        List<Map.Entry<byte[], String>> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            entries.add(Map.entry(new BcsWriter().string(e.getKey()).toByteArray(), e.getValue()));
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        BcsWriter w = new BcsWriter();
        w.uleb128(entries.size());
        for (Map.Entry<byte[], String> e : entries) {
            w.fixedBytes(e.getKey());
            w.string(e.getValue());
        }
        return w.toByteArray();
    }

    private static QuiltPatch readIndexEntry(BcsReader r) {
        int end = r.u16();
        String identifier = r.string();
        return new QuiltPatch(identifier, 0, end, readTags(r));
    }

    /** Reads a BCS map of strings, requiring canonical (strictly increasing) key order as bcs does. */
    private static Map<String, String> readTags(BcsReader r) {
        int n = r.length();
        Map<String, String> out = new LinkedHashMap<>();
        byte[] previous = null;
        for (int i = 0; i < n; i++) {
            String key = r.string();
            byte[] keyBytes = new BcsWriter().string(key).toByteArray();
            if (previous != null && Arrays.compareUnsigned(previous, keyBytes) >= 0) {
                throw new BcsException("map keys are not in canonical order at key " + key);
            }
            previous = keyBytes;
            out.put(key, r.string());
        }
        return out;
    }

    private static void writeColumns(
            byte[] data,
            byte[] bytes,
            int startColumn,
            int rowSize,
            int columnSize,
            int symbolSize,
            int rows,
            long skip) {
        int column = startColumn + (int) (skip / columnSize);
        int row = (int) ((skip / symbolSize) % rows);
        int inSymbol = (int) (skip % symbolSize);
        int done = 0;
        while (done < bytes.length) {
            int base = row * rowSize + column * symbolSize + inSymbol;
            int n = Math.min(symbolSize - inSymbol, bytes.length - done);
            System.arraycopy(bytes, done, data, base, n);
            done += n;
            inSymbol = 0;
            row++;
            if (row == rows) {
                row = 0;
                column++;
            }
        }
    }

    /** Orders strings by their UTF-8 bytes, as Rust orders {@code String}s. */
    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static long getU32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static int getU16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuiltV1 q
                && Arrays.equals(data, q.data)
                && symbolSize == q.symbolSize
                && rows == q.rows
                && columns == q.columns
                && patches.equals(q.patches);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), symbolSize, rows, columns, patches);
    }

    @Override
    public String toString() {
        return "QuiltV1[" + data.length + " bytes, symbol " + symbolSize + ", " + patches.size() + " patches]";
    }
}
