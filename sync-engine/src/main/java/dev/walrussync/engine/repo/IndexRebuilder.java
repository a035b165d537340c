package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.NewVersion;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.store.StoredBlob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds the index from the store alone, or adopts single packs the index does not know.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 8</a>
 */
public final class IndexRebuilder {
    private final Repository repo;
    private final IndexDatabase index;

    public IndexRebuilder(Repository repo) {
        this.repo = repo;
        this.index = repo.index();
    }

    /** Empties the index and fills it again from every pack in the store. */
    public RebuildReport rebuild(RebuildListener listener) throws SyncException {
        index.clear();
        List<StoredBlob> blobs = new ArrayList<>();
        for (StoredBlob b : repo.store().list()) {
            if (!b.id().value().equals(repo.config().keyBlob())) {
                blobs.add(b);
            }
        }
        int packs = adopt(blobs, listener);
        List<SnapshotRow> snapshots = index.snapshots();
        Set<String> walked = new HashSet<>();
        int done = 0;
        for (SnapshotRow s : snapshots) {
            indexVersions(s, walked);
            listener.snapshotIndexed(++done, snapshots.size());
        }
        IndexDatabase.Totals totals = index.totals();
        return new RebuildReport(
                packs,
                blobs.size() - packs,
                totals.chunks(),
                snapshots.size(),
                index.tombstones().size());
    }

    /**
     * Reads the headers of the given blobs and records every one that is a pack of this repository,
     * then records the snapshots and tombstones they hold. Returns the number of packs adopted.
     */
    int adopt(List<StoredBlob> blobs, RebuildListener listener) throws SyncException {
        List<ChunkId> snapshotChunks = new ArrayList<>();
        List<ChunkId> tombstoneChunks = new ArrayList<>();
        int packs = 0;
        int done = 0;
        for (StoredBlob blob : blobs) {
            Optional<Repository.HeaderRead> header = repo.readPackHeader(blob);
            listener.blobRead(++done, blobs.size());
            if (header.isEmpty()) {
                continue;
            }
            List<PackEntry> entries = header.get().entries();
            index.addPack(blob, header.get().headerLength(), entries);
            index.logStoreOp("adopt", blob.id(), blob.size(), true, entries.size() + " chunks");
            packs++;
            for (PackEntry e : entries) {
                if (e.type() == ChunkType.SNAPSHOT) {
                    snapshotChunks.add(e.id());
                } else if (e.type() == ChunkType.TOMBSTONE) {
                    tombstoneChunks.add(e.id());
                }
            }
        }
        Map<ChunkId, ChunkId> tombstones = index.tombstones();
        for (ChunkId t : tombstoneChunks) {
            TombstoneRecord record =
                    Repository.readRecord(repo.loadChunk(t), TombstoneRecord.class, "tombstone " + t.shortHex());
            for (String forgotten : record.forgotten()) {
                ChunkId id = ChunkId.fromHex(forgotten);
                index.addTombstone(id, t);
                tombstones.put(id, t);
            }
        }
        Set<ChunkId> present = new HashSet<>();
        for (SnapshotRow s : index.snapshots()) {
            present.add(s.id());
        }
        if (!tombstones.isEmpty()) {
            List<ChunkId> toForget = new ArrayList<>();
            for (ChunkId id : present) {
                if (tombstones.containsKey(id)) {
                    toForget.add(id);
                }
            }
            for (ChunkId id : toForget) {
                index.forgetSnapshots(List.of(id), tombstones.get(id));
            }
        }
        for (ChunkId id : snapshotChunks) {
            if (!tombstones.containsKey(id) && !present.contains(id)) {
                index.addSnapshot(rowOf(id, repo.loadSnapshot(id)));
            }
        }
        return packs;
    }

    static SnapshotRow rowOf(ChunkId id, SnapshotRecord s) {
        return new SnapshotRow(
                id,
                Times.parse(s.time()),
                s.host(),
                s.user(),
                new String(Json.write(s.paths()), java.nio.charset.StandardCharsets.UTF_8),
                new String(Json.write(s.tags()), java.nio.charset.StandardCharsets.UTF_8),
                ChunkId.fromHex(s.tree()),
                Optional.ofNullable(s.parent()).map(ChunkId::fromHex),
                s.summary().files(),
                s.summary().bytes());
    }

    /** Records the file versions of one snapshot, skipping subtrees already walked at the same path. */
    private void indexVersions(SnapshotRow row, Set<String> walked) throws SyncException {
        SnapshotRecord s = repo.loadSnapshot(row.id());
        Tree root = repo.loadTree(row.tree());
        List<String> names = RootNames.assign(s.paths());
        List<NewVersion> versions = new ArrayList<>();
        for (int i = 0; i < s.paths().size(); i++) {
            String folder = s.paths().get(i);
            for (TreeNode node : root.entries()) {
                if (node.name().equals(names.get(i))) {
                    collect(folder, "", node, versions, walked);
                }
            }
        }
        index.commitSnapshot(row, versions);
    }

    private void collect(String folder, String rel, TreeNode node, List<NewVersion> out, Set<String> walked)
            throws SyncException {
        if (node.isFile() && node.chunks() != null) {
            List<ChunkId> chunks = new ArrayList<>();
            for (String c : node.chunks()) {
                chunks.add(ChunkId.fromHex(c));
            }
            long size = node.size() == null ? 0 : node.size();
            long mtime = Times.toNanos(Times.parse(node.mtime()));
            out.add(new NewVersion(folder, rel, size, mtime, 0, Optional.empty(), node.mode(), chunks));
        } else if (node.isDir() && node.tree() != null) {
            if (!walked.add(folder + "\u0000" + rel + "\u0000" + node.tree())) {
                return;
            }
            for (TreeNode child : repo.loadTree(ChunkId.fromHex(node.tree())).entries()) {
                collect(folder, rel.isEmpty() ? child.name() : rel + "/" + child.name(), child, out, walked);
            }
        }
    }
}
