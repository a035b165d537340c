package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.ChunkLocation;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.SyncException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kept snapshots still need: every chunk reachable from them (the snapshot record, its trees and
 * its files' data) and, for each pack blob, the newest snapshot that needs it. Snapshots are walked newest
 * first, so data the newest snapshot shares with older ones counts as new.
 *
 * <p>Prune walks strictly: a tree it cannot read stops it, because it must never delete data it cannot
 * prove unused. Renewal walks leniently: an unreadable tree is reported and skipped, so that everything
 * else still gets renewed.
 */
final class Reachability {
    private static final Logger LOG = LoggerFactory.getLogger(Reachability.class);

    /**
     * @param chunks every chunk the kept snapshots reach, plus (in a lenient walk) the tombstones of
     *     forgotten snapshots whose record is still stored
     * @param newestUseByBlob for every pack blob holding such a chunk, the time of the newest snapshot that
     *     needs it (tombstones count as the oldest)
     * @param unlocated reached chunks the index has no pack for (lost, or dropped after their blob expired)
     * @param unreadable snapshots a lenient walk could not read completely, by ID
     */
    record Result(
            Set<ChunkId> chunks,
            Map<BlobId, Instant> newestUseByBlob,
            Set<ChunkId> unlocated,
            Set<ChunkId> unreadable) {}

    private final Repository repo;
    private final IndexDatabase index;
    private final boolean lenient;
    private final Set<ChunkId> chunks = new HashSet<>();
    private final Map<BlobId, Instant> newest = new HashMap<>();
    private final Set<ChunkId> unlocated = new HashSet<>();
    private final Set<ChunkId> unreadable = new HashSet<>();

    private Reachability(Repository repo, boolean lenient) {
        this.repo = repo;
        this.index = repo.index();
        this.lenient = lenient;
    }

    /** Walks every kept snapshot; any chunk that cannot be read fails the walk. */
    static Result strict(Repository repo) throws SyncException {
        return new Reachability(repo, false).walkAll();
    }

    /** Walks every kept snapshot; a snapshot that cannot be read completely is noted and skipped past. */
    static Result lenient(Repository repo) throws SyncException {
        return new Reachability(repo, true).walkAll();
    }

    private Result walkAll() throws SyncException {
        List<SnapshotRow> newestFirst = new ArrayList<>(index.snapshots());
        newestFirst.sort((a, b) -> b.time().compareTo(a.time()));
        for (SnapshotRow s : newestFirst) {
            Instant time = s.time();
            reach(s.id(), time);
            try {
                walk(s.tree(), time);
            } catch (SyncException e) {
                if (!lenient) {
                    throw e;
                }
                LOG.warn("snapshot {} cannot be read completely: {}", s.id().shortHex(), e.getMessage());
                unreadable.add(s.id());
            }
        }
        // Renewal keeps a tombstone alive while the record of its snapshot is still stored, so that a
        // rebuilt index does not bring the forgotten snapshot back. Prune removes both together.
        for (Map.Entry<ChunkId, ChunkId> t : index.tombstones().entrySet()) {
            if (lenient && index.hasChunk(t.getKey())) {
                reach(t.getValue(), Instant.EPOCH);
            }
        }
        return new Result(chunks, newest, unlocated, unreadable);
    }

    private boolean reach(ChunkId id, Instant time) throws SyncException {
        if (!chunks.add(id)) {
            return false;
        }
        Optional<ChunkLocation> loc = index.chunkLocation(id);
        if (loc.isPresent()) {
            newest.putIfAbsent(loc.get().blobId(), time);
        } else {
            unlocated.add(id);
        }
        return true;
    }

    private void walk(ChunkId treeId, Instant time) throws SyncException {
        if (!reach(treeId, time)) {
            return;
        }
        for (TreeNode n : repo.loadTree(treeId).entries()) {
            if (n.isDir() && n.tree() != null) {
                walk(ChunkId.fromHex(n.tree()), time);
            } else if (n.isFile() && n.chunks() != null) {
                for (String c : n.chunks()) {
                    reach(ChunkId.fromHex(c), time);
                }
            }
        }
    }
}
