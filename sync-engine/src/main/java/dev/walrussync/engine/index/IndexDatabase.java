package dev.walrussync.engine.index;

import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.store.BlobLease;
import dev.walrussync.engine.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The local SQLite index: blobs, packs, chunks, snapshots, folders, files, versions and the store log.
 *
 * <p>It is a cache of what the store holds and can be rebuilt from the store alone. One connection,
 * in WAL mode; every method is synchronized, so the index is safe to share between threads.
 *
 * @see <a href="../../../../../../../docs/design/index-schema.md">index schema</a>
 */
public final class IndexDatabase implements AutoCloseable {
    /** The migrations, in order; migration i brings the schema to version i + 1. */
    private static final List<String> MIGRATIONS = List.of("V001__init.sql", "V002__renewals.sql");

    private final Connection connection;
    private final Clock clock;
    private final PreparedStatement findChunk;
    private final PreparedStatement findLatestVersion;

    private IndexDatabase(Connection connection, Clock clock) throws SQLException {
        this.connection = connection;
        this.clock = clock;
        this.findChunk = connection.prepareStatement(
                "SELECT c.type, c.compression, c.offset, c.length, c.plain_length, p.blob_id"
                        + " FROM chunks c JOIN packs p ON p.id = c.pack_id WHERE c.id = ?");
        this.findLatestVersion = connection.prepareStatement(VERSION_QUERY);
    }

    private static final String VERSION_QUERY =
            "SELECT v.file_id, v.size, v.mtime_ns, v.ctime_ns, v.file_key, v.mode, v.chunks, v.snapshot_id"
                    + " FROM versions v JOIN files f ON f.id = v.file_id JOIN folders d ON d.id = f.folder_id"
                    + " WHERE d.path = ? AND f.path = ? ORDER BY v.id DESC LIMIT 1";

    /** Opens (creating if needed) the index file and brings its schema up to date. */
    public static IndexDatabase open(Path file, Clock clock) throws IndexException {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            migrate(c);
            return new IndexDatabase(c, clock);
        } catch (SQLException e) {
            throw new IndexException("cannot open the index " + file + ": " + e.getMessage(), e, isDamage(e));
        }
    }

    private static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the index has schema version " + version + ", newer than this program knows ("
                    + MIGRATIONS.size() + "); update Walrus Sync");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            String sql = resource(MIGRATIONS.get(v));
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : sql.split(";\\s*\\n")) {
                    String trimmed = stripComments(statement);
                    if (!trimmed.isBlank()) {
                        s.execute(trimmed);
                    }
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            int dash = line.indexOf("--");
            out.append(dash >= 0 ? line.substring(0, dash) : line).append('\n');
        }
        return out.toString();
    }

    private static String resource(String name) throws SQLException {
        try (InputStream in = IndexDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SQLException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + name, e);
        }
    }

    /** The schema version of this index. */
    public synchronized int schemaVersion() throws IndexException {
        return (int) queryLong("PRAGMA user_version");
    }

    // ---- meta ----

    public synchronized Optional<String> meta(String key) throws IndexException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read meta " + key, e);
        }
    }

    public synchronized void putMeta(String key, String value) throws IndexException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write meta " + key, e);
        }
    }

    // ---- packs and chunks ----

    /** Where a chunk is stored. */
    public record ChunkLocation(BlobId blobId, PackEntry entry) {}

    /**
     * Records a stored pack and its chunks in one transaction. Chunks already known keep their
     * location. Returns the number of chunks that were new to the index.
     */
    public synchronized int addPack(StoredBlob blob, int headerLength, List<PackEntry> entries) throws IndexException {
        return inTransaction(() -> {
            insertBlob(blob);
            long packId;
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO packs(blob_id, size, header_length, chunk_count, created_at) VALUES(?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, blob.id().value());
                ps.setLong(2, blob.size());
                ps.setInt(3, headerLength);
                ps.setInt(4, entries.size());
                ps.setString(5, now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    packId = keys.getLong(1);
                }
            }
            int added = 0;
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT OR IGNORE INTO chunks(id, type, pack_id, offset, length, plain_length, compression)"
                            + " VALUES(?,?,?,?,?,?,?)")) {
                for (PackEntry e : entries) {
                    ps.setBytes(1, e.id().bytes());
                    ps.setInt(2, e.type().code());
                    ps.setLong(3, packId);
                    ps.setLong(4, e.offset());
                    ps.setInt(5, e.length());
                    ps.setInt(6, e.plainLength());
                    ps.setInt(7, e.compression());
                    added += ps.executeUpdate();
                }
            }
            return added;
        });
    }

    private void insertBlob(StoredBlob blob) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO blobs(blob_id, size, object_id, encoded_size, registered_epoch, start_epoch, end_epoch,"
                        + " deletable, cost, state, created_at) VALUES(?,?,?,?,?,?,?,?,?,'stored',?)"
                        + " ON CONFLICT(blob_id) DO UPDATE SET state = 'stored'")) {
            ps.setString(1, blob.id().value());
            ps.setLong(2, blob.size());
            Optional<BlobLease> lease = blob.lease();
            if (lease.isPresent()) {
                BlobLease l = lease.get();
                ps.setString(3, l.objectId());
                ps.setLong(4, l.encodedSize());
                ps.setLong(5, l.registeredEpoch());
                ps.setLong(6, l.startEpoch());
                ps.setLong(7, l.endEpoch());
                ps.setInt(8, l.deletable() ? 1 : 0);
                ps.setLong(9, l.cost());
            } else {
                for (int i = 3; i <= 9; i++) {
                    ps.setNull(i, Types.NULL);
                }
            }
            ps.setString(10, now());
            ps.executeUpdate();
        }
    }

    public synchronized boolean hasChunk(ChunkId id) throws IndexException {
        return chunkLocation(id).isPresent();
    }

    public synchronized Optional<ChunkLocation> chunkLocation(ChunkId id) throws IndexException {
        try {
            findChunk.setBytes(1, id.bytes());
            try (ResultSet rs = findChunk.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PackEntry entry = new PackEntry(
                        ChunkType.fromCode(rs.getInt(1)), rs.getInt(2), id, rs.getLong(3), rs.getInt(4), rs.getInt(5));
                return Optional.of(new ChunkLocation(new BlobId(rs.getString(6)), entry));
            }
        } catch (SQLException e) {
            throw failure("look up chunk " + id, e);
        }
    }

    /** Where every chunk of one type is. */
    public synchronized List<ChunkLocation> chunksOfType(ChunkType type) throws IndexException {
        List<ChunkLocation> result = new ArrayList<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT c.id, c.compression, c.offset, c.length, c.plain_length, p.blob_id"
                        + " FROM chunks c JOIN packs p ON p.id = c.pack_id WHERE c.type = ?")) {
            ps.setInt(1, type.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PackEntry entry = new PackEntry(
                            type, rs.getInt(2), ChunkId.of(rs.getBytes(1)), rs.getLong(3), rs.getInt(4), rs.getInt(5));
                    result.add(new ChunkLocation(new BlobId(rs.getString(6)), entry));
                }
            }
        } catch (SQLException e) {
            throw failure("list the " + type + " chunks", e);
        }
        return result;
    }

    /** A pack as the index knows it. */
    public record PackRow(long id, BlobId blobId, long size, int headerLength, int chunkCount) {}

    public synchronized List<PackRow> packs() throws IndexException {
        List<PackRow> result = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT id, blob_id, size, header_length, chunk_count FROM packs ORDER BY id")) {
            while (rs.next()) {
                result.add(new PackRow(
                        rs.getLong(1), new BlobId(rs.getString(2)), rs.getLong(3), rs.getInt(4), rs.getInt(5)));
            }
            return result;
        } catch (SQLException e) {
            throw failure("list packs", e);
        }
    }

    /** The chunks the index locates in one pack. */
    public synchronized List<PackEntry> chunksInPack(long packId) throws IndexException {
        List<PackEntry> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, type, compression, offset, length, plain_length FROM chunks WHERE pack_id = ?"
                        + " ORDER BY offset")) {
            ps.setLong(1, packId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new PackEntry(
                            ChunkType.fromCode(rs.getInt(2)),
                            rs.getInt(3),
                            ChunkId.of(rs.getBytes(1)),
                            rs.getLong(4),
                            rs.getInt(5),
                            rs.getInt(6)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure("list the chunks of pack " + packId, e);
        }
    }

    /** Blob IDs of every pack the index knows. */
    public synchronized Set<BlobId> packBlobIds() throws IndexException {
        Set<BlobId> result = new HashSet<>();
        for (PackRow p : packs()) {
            result.add(p.blobId());
        }
        return result;
    }

    /**
     * Removes old packs in one transaction, after prune has moved the chunks it keeps to new packs:
     * their remaining chunk rows and pack rows go, and their blobs are marked deleted. The blobs
     * themselves are deleted from the store afterwards.
     */
    public synchronized void replacePacks(List<Long> oldPackIds) throws IndexException {
        // A permanent blob cannot be deleted early: it stays on Walrus, unreferenced, until its end epoch.
        removePacks(oldPackIds, "CASE WHEN deletable = 0 THEN 'expiring' ELSE 'deleted' END");
    }

    /**
     * Removes packs whose blobs expired on Walrus before they were renewed, in one transaction: their
     * chunks are gone from the store, so they go from the index too, and the blobs are marked expired.
     */
    public synchronized void dropExpiredPacks(List<Long> packIds) throws IndexException {
        removePacks(packIds, "'expired'");
    }

    private void removePacks(List<Long> packIds, String newStateSql) throws IndexException {
        inTransaction(() -> {
            try (PreparedStatement stale = connection.prepareStatement("DELETE FROM chunks WHERE pack_id = ?");
                    PreparedStatement pack =
                            connection.prepareStatement("DELETE FROM packs WHERE id = ? RETURNING blob_id");
                    PreparedStatement blob = connection.prepareStatement(
                            "UPDATE blobs SET state = " + newStateSql + " WHERE blob_id = ?")) {
                for (long packId : packIds) {
                    stale.setLong(1, packId);
                    stale.executeUpdate();
                    pack.setLong(1, packId);
                    String blobId = null;
                    try (ResultSet rs = pack.executeQuery()) {
                        if (rs.next()) {
                            blobId = rs.getString(1);
                        }
                    }
                    if (blobId != null) {
                        blob.setString(1, blobId);
                        blob.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Relocates chunks that prune copied into a new pack (already recorded by {@link #addPack}). */
    public synchronized void relocateChunks(BlobId newPack, List<PackEntry> entries) throws IndexException {
        inTransaction(() -> {
            long packId;
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM packs WHERE blob_id = ?")) {
                ps.setString(1, newPack.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("pack " + newPack + " is not in the index");
                    }
                    packId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps =
                    connection.prepareStatement("UPDATE chunks SET pack_id = ?, offset = ?, length = ? WHERE id = ?")) {
                for (PackEntry e : entries) {
                    ps.setLong(1, packId);
                    ps.setLong(2, e.offset());
                    ps.setInt(3, e.length());
                    ps.setBytes(4, e.id().bytes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    // ---- snapshots ----

    /** A snapshot as listed in the index. */
    public record SnapshotRow(
            ChunkId id,
            Instant time,
            String host,
            String username,
            String pathsJson,
            String tagsJson,
            ChunkId tree,
            Optional<ChunkId> parent,
            long files,
            long bytes) {}

    public synchronized void addSnapshot(SnapshotRow s) throws IndexException {
        inTransaction(() -> {
            insertSnapshot(s);
            return null;
        });
    }

    private void insertSnapshot(SnapshotRow s) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO snapshots(id, time, host, username, paths, tags, tree, parent, files, bytes)"
                        + " VALUES(?,?,?,?,?,?,?,?,?,?)")) {
            ps.setBytes(1, s.id().bytes());
            ps.setString(2, s.time().toString());
            ps.setString(3, s.host());
            ps.setString(4, s.username());
            ps.setString(5, s.pathsJson());
            ps.setString(6, s.tagsJson());
            ps.setBytes(7, s.tree().bytes());
            if (s.parent().isPresent()) {
                ps.setBytes(8, s.parent().get().bytes());
            } else {
                ps.setNull(8, Types.BLOB);
            }
            ps.setLong(9, s.files());
            ps.setLong(10, s.bytes());
            ps.executeUpdate();
        }
    }

    /** Every snapshot, oldest first. */
    public synchronized List<SnapshotRow> snapshots() throws IndexException {
        List<SnapshotRow> result = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, time, host, username, paths, tags, tree, parent, files, bytes FROM snapshots"
                                + " ORDER BY time, id")) {
            while (rs.next()) {
                byte[] parent = rs.getBytes(8);
                result.add(new SnapshotRow(
                        ChunkId.of(rs.getBytes(1)),
                        Instant.parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        ChunkId.of(rs.getBytes(7)),
                        parent == null ? Optional.empty() : Optional.of(ChunkId.of(parent)),
                        rs.getLong(9),
                        rs.getLong(10)));
            }
            return result;
        } catch (SQLException e) {
            throw failure("list snapshots", e);
        }
    }

    /** Removes forgotten snapshots and records the tombstone that names them, in one transaction. */
    public synchronized void forgetSnapshots(List<ChunkId> snapshotIds, ChunkId tombstone) throws IndexException {
        inTransaction(() -> {
            try (PreparedStatement del = connection.prepareStatement("DELETE FROM snapshots WHERE id = ?");
                    PreparedStatement tomb = connection.prepareStatement(
                            "INSERT OR REPLACE INTO tombstones(snapshot_id, chunk_id) VALUES(?, ?)")) {
                for (ChunkId id : snapshotIds) {
                    del.setBytes(1, id.bytes());
                    del.executeUpdate();
                    tomb.setBytes(1, id.bytes());
                    tomb.setBytes(2, tombstone.bytes());
                    tomb.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Forgotten snapshot IDs, each with the tombstone chunk that names it. */
    public synchronized Map<ChunkId, ChunkId> tombstones() throws IndexException {
        Map<ChunkId, ChunkId> result = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT snapshot_id, chunk_id FROM tombstones")) {
            while (rs.next()) {
                result.put(ChunkId.of(rs.getBytes(1)), ChunkId.of(rs.getBytes(2)));
            }
            return result;
        } catch (SQLException e) {
            throw failure("list tombstones", e);
        }
    }

    public synchronized void addTombstone(ChunkId snapshotId, ChunkId tombstone) throws IndexException {
        try (PreparedStatement ps =
                connection.prepareStatement("INSERT OR REPLACE INTO tombstones(snapshot_id, chunk_id) VALUES(?, ?)")) {
            ps.setBytes(1, snapshotId.bytes());
            ps.setBytes(2, tombstone.bytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("record a tombstone", e);
        }
    }

    /** Drops tombstones whose tombstone chunk is gone (prune removed it with the forgotten snapshots). */
    public synchronized void dropTombstonesWithoutChunk() throws IndexException {
        execute("DELETE FROM tombstones WHERE chunk_id NOT IN (SELECT id FROM chunks)");
    }

    // ---- folders, files and versions ----

    /** The latest recorded version of a file, used to skip unchanged files. */
    public record FileVersion(
            long fileId,
            long size,
            long mtimeNanos,
            long ctimeNanos,
            Optional<String> fileKey,
            int mode,
            List<ChunkId> chunks,
            ChunkId snapshotId) {}

    /** A version to record for a file in a folder. */
    public record NewVersion(
            String folder,
            String path,
            long size,
            long mtimeNanos,
            long ctimeNanos,
            Optional<String> fileKey,
            int mode,
            List<ChunkId> chunks) {}

    public synchronized Optional<FileVersion> latestVersion(String folder, String path) throws IndexException {
        try {
            findLatestVersion.setString(1, folder);
            findLatestVersion.setString(2, path);
            try (ResultSet rs = findLatestVersion.executeQuery()) {
                return rs.next() ? Optional.of(versionOf(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("look up the last version of " + path, e);
        }
    }

    private static FileVersion versionOf(ResultSet rs) throws SQLException {
        return new FileVersion(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                Optional.ofNullable(rs.getString(5)),
                rs.getInt(6),
                splitIds(rs.getBytes(7)),
                ChunkId.of(rs.getBytes(8)));
    }

    /**
     * Commits a snapshot: its row and the file versions it introduced, in one transaction. A version
     * whose content equals the file's latest version only refreshes that version's metadata.
     */
    public synchronized void commitSnapshot(SnapshotRow snapshot, List<NewVersion> versions) throws IndexException {
        inTransaction(() -> {
            Map<String, Long> folderIds = new HashMap<>();
            try (PreparedStatement insFolder =
                            connection.prepareStatement("INSERT OR IGNORE INTO folders(path) VALUES(?)");
                    PreparedStatement getFolder = connection.prepareStatement("SELECT id FROM folders WHERE path = ?");
                    PreparedStatement insFile =
                            connection.prepareStatement("INSERT OR IGNORE INTO files(folder_id, path) VALUES(?, ?)");
                    PreparedStatement getFile =
                            connection.prepareStatement("SELECT id FROM files WHERE folder_id = ? AND path = ?");
                    PreparedStatement latest = connection.prepareStatement(
                            "SELECT id, chunks, size FROM versions WHERE file_id = ? ORDER BY id DESC LIMIT 1");
                    PreparedStatement refresh = connection.prepareStatement(
                            "UPDATE versions SET mtime_ns = ?, ctime_ns = ?, file_key = ?, mode = ? WHERE id = ?");
                    PreparedStatement insVersion = connection.prepareStatement(
                            "INSERT INTO versions(file_id, snapshot_id, size, mtime_ns, ctime_ns, file_key, mode,"
                                    + " chunks) VALUES(?,?,?,?,?,?,?,?)")) {
                for (NewVersion v : versions) {
                    Long folderId = folderIds.get(v.folder());
                    if (folderId == null) {
                        insFolder.setString(1, v.folder());
                        insFolder.executeUpdate();
                        getFolder.setString(1, v.folder());
                        try (ResultSet rs = getFolder.executeQuery()) {
                            rs.next();
                            folderId = rs.getLong(1);
                        }
                        folderIds.put(v.folder(), folderId);
                    }
                    insFile.setLong(1, folderId);
                    insFile.setString(2, v.path());
                    insFile.executeUpdate();
                    getFile.setLong(1, folderId);
                    getFile.setString(2, v.path());
                    long fileId;
                    try (ResultSet rs = getFile.executeQuery()) {
                        rs.next();
                        fileId = rs.getLong(1);
                    }
                    byte[] chunks = joinIds(v.chunks());
                    latest.setLong(1, fileId);
                    Long sameVersion = null;
                    try (ResultSet rs = latest.executeQuery()) {
                        if (rs.next() && rs.getLong(3) == v.size() && Arrays.equals(rs.getBytes(2), chunks)) {
                            sameVersion = rs.getLong(1);
                        }
                    }
                    if (sameVersion != null) {
                        refresh.setLong(1, v.mtimeNanos());
                        refresh.setLong(2, v.ctimeNanos());
                        refresh.setString(3, v.fileKey().orElse(null));
                        refresh.setInt(4, v.mode());
                        refresh.setLong(5, sameVersion);
                        refresh.executeUpdate();
                    } else {
                        insVersion.setLong(1, fileId);
                        insVersion.setBytes(2, snapshot.id().bytes());
                        insVersion.setLong(3, v.size());
                        insVersion.setLong(4, v.mtimeNanos());
                        insVersion.setLong(5, v.ctimeNanos());
                        insVersion.setString(6, v.fileKey().orElse(null));
                        insVersion.setInt(7, v.mode());
                        insVersion.setBytes(8, chunks);
                        insVersion.executeUpdate();
                    }
                }
            }
            insertSnapshot(snapshot);
            return null;
        });
    }

    private static byte[] joinIds(List<ChunkId> ids) {
        byte[] out = new byte[ids.size() * ChunkId.LENGTH];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(ids.get(i).bytes(), 0, out, i * ChunkId.LENGTH, ChunkId.LENGTH);
        }
        return out;
    }

    private static List<ChunkId> splitIds(byte[] joined) {
        List<ChunkId> ids = new ArrayList<>(joined.length / ChunkId.LENGTH);
        for (int off = 0; off + ChunkId.LENGTH <= joined.length; off += ChunkId.LENGTH) {
            ids.add(ChunkId.of(Arrays.copyOfRange(joined, off, off + ChunkId.LENGTH)));
        }
        return ids;
    }

    // ---- store log and statistics ----

    public synchronized void logStoreOp(String op, BlobId blobId, long bytes, boolean ok, String detail)
            throws IndexException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO store_ops(time, op, blob_id, bytes, outcome, detail) VALUES(?,?,?,?,?,?)")) {
            ps.setString(1, now());
            ps.setString(2, op);
            ps.setString(3, blobId == null ? null : blobId.value());
            ps.setLong(4, bytes);
            ps.setString(5, ok ? "ok" : "failed");
            ps.setString(6, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("log a store operation", e);
        }
    }

    /**
     * A blob row: what the store said when the blob was stored. The Walrus columns are null for stores
     * without leases.
     */
    public record BlobRow(
            BlobId blobId,
            long size,
            @Nullable String objectId,
            @Nullable Long encodedSize,
            @Nullable Long startEpoch,
            @Nullable Long endEpoch,
            @Nullable Boolean deletable,
            @Nullable Long cost,
            String state) {}

    /** Every blob of the repository the index knows, in the order they were stored. */
    public synchronized List<BlobRow> blobs() throws IndexException {
        List<BlobRow> result = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT blob_id, size, object_id, encoded_size, start_epoch, end_epoch,"
                        + " deletable, cost, state FROM blobs ORDER BY rowid")) {
            while (rs.next()) {
                result.add(new BlobRow(
                        new BlobId(rs.getString(1)),
                        rs.getLong(2),
                        rs.getString(3),
                        nullableLong(rs, 4),
                        nullableLong(rs, 5),
                        nullableLong(rs, 6),
                        rs.getObject(7) == null ? null : rs.getInt(7) != 0,
                        nullableLong(rs, 8),
                        rs.getString(9)));
            }
            return result;
        } catch (SQLException e) {
            throw failure("list blobs", e);
        }
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * For every pack blob, the files (as {@code folder/path}) with a recorded version that has a chunk
     * in it: what would be lost with that blob.
     */
    public synchronized Map<BlobId, SortedSet<String>> filesByBlob() throws IndexException {
        Map<ChunkId, BlobId> blobOfChunk = new HashMap<>();
        Map<BlobId, SortedSet<String>> result = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT c.id, p.blob_id FROM chunks c JOIN packs p ON p.id = c.pack_id WHERE c.type = 0")) {
                while (rs.next()) {
                    blobOfChunk.put(ChunkId.of(rs.getBytes(1)), new BlobId(rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT fo.path, f.path, v.chunks FROM versions v"
                    + " JOIN files f ON f.id = v.file_id JOIN folders fo ON fo.id = f.folder_id")) {
                while (rs.next()) {
                    String file = rs.getString(1) + "/" + rs.getString(2);
                    byte[] chunks = rs.getBytes(3);
                    for (int off = 0; off + ChunkId.LENGTH <= chunks.length; off += ChunkId.LENGTH) {
                        BlobId blob =
                                blobOfChunk.get(ChunkId.of(Arrays.copyOfRange(chunks, off, off + ChunkId.LENGTH)));
                        if (blob != null) {
                            result.computeIfAbsent(blob, b -> new TreeSet<>()).add(file);
                        }
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure("map files to blobs", e);
        }
    }

    /** Records a blob's lease after it was extended: the object that holds it now, and its new end epoch. */
    public synchronized void updateLease(BlobId blobId, String objectId, long endEpoch) throws IndexException {
        try (PreparedStatement ps =
                connection.prepareStatement("UPDATE blobs SET object_id = ?, end_epoch = ? WHERE blob_id = ?")) {
            ps.setString(1, objectId);
            ps.setLong(2, endEpoch);
            ps.setString(3, blobId.value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("record the lease of blob " + blobId, e);
        }
    }

    /** Sets a blob's state: {@code stored}, {@code deleted}, {@code expiring} or {@code expired}. */
    public synchronized void setBlobState(BlobId blobId, String state) throws IndexException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE blobs SET state = ? WHERE blob_id = ?")) {
            ps.setString(1, state);
            ps.setString(2, blobId.value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("set the state of blob " + blobId, e);
        }
    }

    /** One line of the renewal log. */
    public record RenewalRow(
            String time,
            BlobId blobId,
            String objectId,
            int epochsAdded,
            long oldEndEpoch,
            long newEndEpoch,
            long cost,
            @Nullable String digest,
            boolean ok,
            @Nullable String detail) {}

    /** Appends to the renewal log; the row's time is ignored and set to now. */
    public synchronized void logRenewals(List<RenewalRow> rows) throws IndexException {
        String now = Times.format(Instant.now(clock));
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO renewals(time, blob_id, object_id, epochs_added, old_end_epoch, new_end_epoch, cost,"
                            + " digest, outcome, detail) VALUES(?,?,?,?,?,?,?,?,?,?)")) {
                for (RenewalRow r : rows) {
                    ps.setString(1, now);
                    ps.setString(2, r.blobId().value());
                    ps.setString(3, r.objectId());
                    ps.setInt(4, r.epochsAdded());
                    ps.setLong(5, r.oldEndEpoch());
                    ps.setLong(6, r.newEndEpoch());
                    ps.setLong(7, r.cost());
                    ps.setString(8, r.digest());
                    ps.setString(9, r.ok() ? "ok" : "failed");
                    ps.setString(10, r.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The renewal log, oldest first. */
    public synchronized List<RenewalRow> renewals() throws IndexException {
        List<RenewalRow> result = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT time, blob_id, object_id, epochs_added, old_end_epoch,"
                        + " new_end_epoch, cost, digest, outcome, detail FROM renewals ORDER BY id")) {
            while (rs.next()) {
                result.add(new RenewalRow(
                        rs.getString(1),
                        new BlobId(rs.getString(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getString(8),
                        "ok".equals(rs.getString(9)),
                        rs.getString(10)));
            }
            return result;
        } catch (SQLException e) {
            throw failure("read the renewal log", e);
        }
    }

    /** The WAL spent on renewals since a time, in FROST. */
    public synchronized long renewalCostSince(Instant since) throws IndexException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT coalesce(sum(cost), 0) FROM renewals WHERE outcome = 'ok' AND time >= ?")) {
            ps.setString(1, Times.format(since));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("sum the renewal log", e);
        }
    }

    /** A recorded file version and its chunks. */
    public record VersionChunks(
            String folder, String path, long size, long mtimeNanos, ChunkId firstSnapshot, List<ChunkId> chunks) {}

    /** Every recorded file version that has at least one of these chunks, in the order they were recorded. */
    public synchronized List<VersionChunks> versionsWithAnyChunk(Set<ChunkId> wanted) throws IndexException {
        List<VersionChunks> result = new ArrayList<>();
        if (wanted.isEmpty()) {
            return result;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT fo.path, f.path, v.size, v.mtime_ns, v.snapshot_id, v.chunks"
                        + " FROM versions v JOIN files f ON f.id = v.file_id JOIN folders fo ON fo.id = f.folder_id"
                        + " ORDER BY v.id")) {
            while (rs.next()) {
                List<ChunkId> chunks = splitIds(rs.getBytes(6));
                if (chunks.stream().anyMatch(wanted::contains)) {
                    result.add(new VersionChunks(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            ChunkId.of(rs.getBytes(5)),
                            chunks));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure("find the file versions of lost chunks", e);
        }
    }

    /** Counts of what the index holds. */
    public record Totals(
            long packs, long packBytes, long chunks, long chunkPlainBytes, long snapshots, long versions) {}

    public synchronized Totals totals() throws IndexException {
        return new Totals(
                queryLong("SELECT count(*) FROM packs"),
                queryLong("SELECT coalesce(sum(size), 0) FROM packs"),
                queryLong("SELECT count(*) FROM chunks"),
                queryLong("SELECT coalesce(sum(plain_length), 0) FROM chunks WHERE type = 0"),
                queryLong("SELECT count(*) FROM snapshots"),
                queryLong("SELECT count(*) FROM versions"));
    }

    /** Empties every table, for a rebuild from the store. */
    public synchronized void clear() throws IndexException {
        inTransaction(() -> {
            try (Statement s = connection.createStatement()) {
                for (String table : List.of(
                        "versions", "files", "folders", "tombstones", "snapshots", "chunks", "packs", "blobs")) {
                    s.execute("DELETE FROM " + table);
                }
            }
            return null;
        });
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) throws IndexException {
        try {
            boolean outer = connection.getAutoCommit();
            if (!outer) {
                return work.run();
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write the index", e);
        }
    }

    private long queryLong(String sql) throws IndexException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("query the index", e);
        }
    }

    private void execute(String sql) throws IndexException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure("update the index", e);
        }
    }

    private String now() {
        return Instant.now(clock).toString();
    }

    private static IndexException failure(String what, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("SQLITE_FULL") || msg.contains("disk is full")) {
            return new IndexException("cannot " + what + ": the disk holding the index is full", e);
        }
        if (isDamage(e)) {
            return new IndexException(
                    "cannot " + what + ": the index file is damaged; run 'walrus-sync repair index' to rebuild it",
                    e,
                    true);
        }
        return new IndexException("cannot " + what + ": " + msg, e);
    }

    private static boolean isDamage(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("SQLITE_CORRUPT") || msg.contains("SQLITE_NOTADB") || msg.contains("malformed");
    }

    @Override
    public synchronized void close() {
        try {
            findChunk.close();
            findLatestVersion.close();
            connection.close();
        } catch (SQLException e) {
            // Closing a read connection cannot lose data; nothing to report.
        }
    }
}
