package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.NewVersion;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.internal.DaemonThreads;
import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.RebuildReport.LostData;
import dev.walrussync.engine.model.RebuildReport.UnreadableBlob;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.store.BlobLease;
import dev.walrussync.engine.store.StoredBlob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the store alone, or adopts packs the index does not know. Packs the repository marked
 * as holding records are read first; their index records give the headers of the other packs of their runs, so
 * only the packs no record lists have their headers read.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 8</a>
 */
public final class IndexRebuilder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuilder.class);

    private final Repository repo;
    private final IndexDatabase index;

    public IndexRebuilder(Repository repo) {
        this.repo = repo;
        this.index = repo.index();
    }

    /** Empties the index and fills it again from every pack in the store. */
    public RebuildReport rebuild(RebuildListener listener) throws SyncException {
        index.clear();
        List<StoredBlob> listed = repo.store().list();
        listener.blobsListed(listed.size());
        List<StoredBlob> blobs = new ArrayList<>();
        for (StoredBlob b : listed) {
            if (!b.id().value().equals(repo.config().keyBlob())) {
                blobs.add(b);
            }
        }
        Adoption adoption = adopt(blobs, listener);
        prefetchTrees();
        List<SnapshotRow> snapshots = index.snapshots();
        Set<String> walked = new HashSet<>();
        List<LostData> lost = new ArrayList<>();
        Set<ChunkId> lostChunks = new HashSet<>();
        int done = 0;
        for (SnapshotRow s : snapshots) {
            indexVersions(s, walked, lost, lostChunks);
            listener.snapshotIndexed(++done, snapshots.size());
        }
        IndexDatabase.Totals totals = index.totals();
        return new RebuildReport(
                adoption.packs(),
                blobs.size() - adoption.packs(),
                totals.chunks(),
                snapshots.size(),
                index.tombstones().size(),
                adoption.fromRecords(),
                adoption.headersRead(),
                unreadable(adoption.listedButAbsent(), lostChunks),
                dedupe(lost));
    }

    /**
     * What {@link #adopt} did.
     *
     * @param listedButAbsent packs that index records list and the given blobs do not hold, by blob ID
     */
    record Adoption(int packs, int fromRecords, int headersRead, Map<String, IndexRecord.Pack> listedButAbsent) {}

    /**
     * Records every given blob that is a pack of this repository, then the snapshots and tombstones they hold.
     * Marked packs are read first; a pack an index record lists is taken from the record; every other blob has
     * its header read.
     */
    Adoption adopt(List<StoredBlob> blobs, RebuildListener listener) throws SyncException {
        List<StoredBlob> marked = new ArrayList<>();
        List<StoredBlob> others = new ArrayList<>();
        for (StoredBlob b : blobs) {
            (isMarkedByUs(b) ? marked : others).add(b);
        }
        Records records = new Records();
        int packs = 0;
        int done = 0;
        for (StoredBlob blob : marked) {
            if (adoptByHeader(blob, records)) {
                packs++;
            }
            listener.recordPackRead(++done, marked.size());
        }
        Map<String, IndexRecord.Pack> listed = new LinkedHashMap<>();
        for (ChunkId id : records.index) {
            IndexRecord record =
                    Repository.readRecord(repo.loadChunk(id), IndexRecord.class, "index record " + id.shortHex());
            for (IndexRecord.Pack p : record.packs()) {
                listed.putIfAbsent(p.blob(), p);
            }
        }
        List<StoredBlob> unlisted = new ArrayList<>();
        int fromRecords = 0;
        for (StoredBlob blob : others) {
            IndexRecord.Pack p = listed.remove(blob.id().value());
            Optional<List<PackEntry>> entries = p == null ? Optional.empty() : entriesOf(p, blob);
            if (entries.isPresent()) {
                addPack(blob, p.headerLength(), entries.get(), records, "from an index record");
                packs++;
                fromRecords++;
            } else {
                unlisted.add(blob);
            }
        }
        for (StoredBlob b : marked) {
            listed.remove(b.id().value());
        }
        done = 0;
        for (StoredBlob blob : unlisted) {
            if (adoptByHeader(blob, records)) {
                packs++;
            }
            listener.blobRead(++done, unlisted.size());
        }
        addRecords(records);
        return new Adoption(packs, fromRecords, unlisted.size() + marked.size(), listed);
    }

    private boolean isMarkedByUs(StoredBlob b) {
        return b.mark().isPresent() && b.mark().get().equals(repo.keys().markFor(b.id().value()));
    }

    /** The entries an index record gives for a blob, when the record and the blob agree on its size. */
    private static Optional<List<PackEntry>> entriesOf(IndexRecord.Pack p, StoredBlob blob) {
        if (p.size() != blob.size()) {
            LOG.warn(
                    "an index record gives blob {} {} bytes, the store {}; reading its header",
                    blob.id(),
                    p.size(),
                    blob.size());
            return Optional.empty();
        }
        try {
            return Optional.of(p.decodedEntries());
        } catch (IllegalArgumentException e) {
            LOG.warn("the index record of blob {} does not decode ({}); reading its header", blob.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The record chunks met while adopting packs. */
    private static final class Records {
        final List<ChunkId> snapshots = new ArrayList<>();
        final List<ChunkId> tombstones = new ArrayList<>();
        final List<ChunkId> index = new ArrayList<>();
    }

    private boolean adoptByHeader(StoredBlob blob, Records records) throws SyncException {
        Optional<Repository.HeaderRead> header = repo.readPackHeader(blob);
        if (header.isEmpty()) {
            return false;
        }
        addPack(blob, header.get().headerLength(), header.get().entries(), records, "header read");
        return true;
    }

    private void addPack(StoredBlob blob, int headerLength, List<PackEntry> entries, Records records, String how)
            throws SyncException {
        index.addPack(blob, headerLength, entries);
        index.logStoreOp("adopt", blob.id(), blob.size(), true, entries.size() + " chunks, " + how);
        for (PackEntry e : entries) {
            switch (e.type()) {
                case SNAPSHOT -> records.snapshots.add(e.id());
                case TOMBSTONE -> records.tombstones.add(e.id());
                case INDEX -> records.index.add(e.id());
                case DATA, TREE -> {}
            }
        }
    }

    /** Records the tombstones, forgets the snapshots they name, and records the other snapshots. */
    private void addRecords(Records records) throws SyncException {
        Map<ChunkId, ChunkId> tombstones = index.tombstones();
        for (ChunkId t : records.tombstones) {
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
        for (ChunkId id : present) {
            if (tombstones.containsKey(id)) {
                index.forgetSnapshots(List.of(id), tombstones.get(id));
            }
        }
        for (ChunkId id : records.snapshots) {
            if (!tombstones.containsKey(id) && present.add(id)) {
                index.addSnapshot(rowOf(id, repo.loadSnapshot(id)));
            }
        }
    }

    /** Concurrent reads while prefetching trees: a store's reads are mostly waiting (on Walrus, for aggregators). */
    private static final int PREFETCH_READS = 8;
    /** Tree chunks closer than this in a pack are read with one range read, and the bytes between thrown away. */
    private static final long PREFETCH_GAP = 256 << 10;

    private static final long PREFETCH_MAX_READ = 8 << 20;

    /**
     * Reads every tree chunk into the metadata cache before the walk, with few, concurrent range reads (trees that lie
     * close together in a pack are read at once), so the walk reads nothing from the store. A failed read only means
     * the walk reads those trees itself, or names them as lost.
     */
    private void prefetchTrees() throws SyncException {
        Map<BlobId, List<PackEntry>> byPack = new HashMap<>();
        for (IndexDatabase.ChunkLocation loc : index.chunksOfType(ChunkType.TREE)) {
            if (repo.metadataCache().get(loc.entry().id()).isEmpty()) {
                byPack.computeIfAbsent(loc.blobId(), b -> new ArrayList<>()).add(loc.entry());
            }
        }
        List<Callable<Void>> reads = new ArrayList<>();
        for (Map.Entry<BlobId, List<PackEntry>> pack : byPack.entrySet()) {
            List<PackEntry> entries = new ArrayList<>(pack.getValue());
            entries.sort(Comparator.comparingLong(PackEntry::offset));
            List<PackEntry> run = new ArrayList<>();
            for (PackEntry e : entries) {
                if (!run.isEmpty()) {
                    PackEntry first = run.getFirst();
                    PackEntry last = run.getLast();
                    if (e.offset() - (last.offset() + last.length()) > PREFETCH_GAP
                            || e.offset() + e.length() - first.offset() > PREFETCH_MAX_READ) {
                        reads.add(readRun(pack.getKey(), List.copyOf(run)));
                        run.clear();
                    }
                }
                run.add(e);
            }
            if (!run.isEmpty()) {
                reads.add(readRun(pack.getKey(), List.copyOf(run)));
            }
        }
        if (reads.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(PREFETCH_READS, DaemonThreads.named("tree-prefetch"));
        try {
            for (Future<Void> f : pool.invokeAll(reads)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.warn(
                            "prefetching trees failed; the walk reads them itself: {}",
                            e.getCause().toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while reading trees", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One range read covering the given tree chunks of a pack, which go into the metadata cache. */
    private Callable<Void> readRun(BlobId blob, List<PackEntry> run) {
        return () -> {
            long start = run.getFirst().offset();
            PackEntry last = run.getLast();
            byte[] bytes = repo.store().getRange(blob, start, (int) (last.offset() + last.length() - start));
            for (PackEntry e : run) {
                int from = (int) (e.offset() - start);
                repo.metadataCache()
                        .put(new EncodedChunk(
                                e.type(),
                                e.id(),
                                e.compression(),
                                e.plainLength(),
                                Arrays.copyOfRange(bytes, from, from + e.length())));
            }
            return null;
        };
    }

    static SnapshotRow rowOf(ChunkId id, SnapshotRecord s) {
        return new SnapshotRow(
                id,
                Times.parse(s.time()),
                s.host(),
                s.user(),
                new String(Json.write(s.paths()), StandardCharsets.UTF_8),
                new String(Json.write(s.tags()), StandardCharsets.UTF_8),
                ChunkId.fromHex(s.tree()),
                Optional.ofNullable(s.parent()).map(ChunkId::fromHex),
                s.summary().files(),
                s.summary().bytes());
    }

    /**
     * Records the file versions of one snapshot, skipping subtrees already walked at the same path. A file whose
     * content is not all in the index, or a folder whose listing cannot be read, is named in {@code lost} and gets
     * no version, so the next backup stores it again if it is still on disk.
     */
    private void indexVersions(SnapshotRow row, Set<String> walked, List<LostData> lost, Set<ChunkId> lostChunks)
            throws SyncException {
        SnapshotRecord s = repo.loadSnapshot(row.id());
        Walk walk = new Walk(row.id().shortHex(), walked, lost, lostChunks);
        List<String> names = RootNames.assign(s.paths());
        Optional<Tree> root = walk.tree(row.tree(), "");
        for (int i = 0; i < s.paths().size() && root.isPresent(); i++) {
            String folder = s.paths().get(i);
            for (TreeNode node : root.get().entries()) {
                if (node.name().equals(names.get(i))) {
                    walk.collect(folder, "", node);
                }
            }
        }
        index.commitSnapshot(row, walk.versions);
    }

    /** One snapshot's walk over its trees. */
    private final class Walk {
        final String snapshot;
        final Set<String> walked;
        final List<LostData> lost;
        final Set<ChunkId> lostChunks;
        final List<NewVersion> versions = new ArrayList<>();

        Walk(String snapshot, Set<String> walked, List<LostData> lost, Set<ChunkId> lostChunks) {
            this.snapshot = snapshot;
            this.walked = walked;
            this.lost = lost;
            this.lostChunks = lostChunks;
        }

        void collect(String folder, String rel, TreeNode node) throws SyncException {
            if (node.isFile() && node.chunks() != null) {
                List<ChunkId> chunks = new ArrayList<>();
                boolean whole = true;
                for (String c : node.chunks()) {
                    ChunkId id = ChunkId.fromHex(c);
                    chunks.add(id);
                    if (!index.hasChunk(id)) {
                        lostChunks.add(id);
                        whole = false;
                    }
                }
                if (!whole) {
                    lost.add(new LostData(snapshot, path(folder, rel), LostData.Kind.FILE_CONTENT));
                    return;
                }
                long size = node.size() == null ? 0 : node.size();
                long mtime = Times.toNanos(Times.parse(node.mtime()));
                versions.add(new NewVersion(folder, rel, size, mtime, 0, Optional.empty(), node.mode(), chunks));
            } else if (node.isDir() && node.tree() != null) {
                if (!walked.add(folder + "\u0000" + rel + "\u0000" + node.tree())) {
                    return;
                }
                Optional<Tree> tree = tree(ChunkId.fromHex(node.tree()), path(folder, rel));
                if (tree.isPresent()) {
                    for (TreeNode child : tree.get().entries()) {
                        collect(folder, rel.isEmpty() ? child.name() : rel + "/" + child.name(), child);
                    }
                }
            }
        }

        /** A tree, or empty (and the folder named as lost) when its chunk is not in the index. */
        Optional<Tree> tree(ChunkId id, String path) throws SyncException {
            if (!index.hasChunk(id)) {
                lostChunks.add(id);
                lost.add(new LostData(snapshot, path, LostData.Kind.FOLDER));
                return Optional.empty();
            }
            return Optional.of(repo.loadTree(id));
        }

        private static String path(String folder, String rel) {
            return rel.isEmpty() ? folder : folder + "/" + rel;
        }
    }

    /**
     * The blobs of this repository that the store no longer serves and that held something needed: marked blobs
     * that expired (they held snapshot records), and packs an index record lists that held lost chunks.
     */
    private List<UnreadableBlob> unreadable(Map<String, IndexRecord.Pack> listedButAbsent, Set<ChunkId> lostChunks)
            throws SyncException {
        Map<BlobId, StoredBlob> expired = new HashMap<>();
        for (StoredBlob b : repo.store().expired()) {
            expired.put(b.id(), b);
        }
        List<UnreadableBlob> result = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (StoredBlob b : expired.values()) {
            if (isMarkedByUs(b) && named.add(b.id().value())) {
                result.add(
                        new UnreadableBlob(b.id().value(), objectIdOf(b), reasonFor(b), "snapshot and index records"));
            }
        }
        for (IndexRecord.Pack p : listedButAbsent.values()) {
            int needed = 0;
            for (PackEntry e : p.decodedEntries()) {
                if (lostChunks.contains(e.id())) {
                    needed++;
                }
            }
            if (needed > 0 && named.add(p.blob())) {
                StoredBlob gone = expired.get(new BlobId(p.blob()));
                result.add(new UnreadableBlob(
                        p.blob(),
                        gone == null ? "" : objectIdOf(gone),
                        gone == null ? "no longer in the store" : reasonFor(gone),
                        needed + " chunk(s) that snapshots need"));
            }
        }
        return result;
    }

    private static String objectIdOf(StoredBlob b) {
        return b.lease().map(BlobLease::objectId).orElse("");
    }

    private static String reasonFor(StoredBlob b) {
        return b.lease().map(l -> "expired at epoch " + l.endEpoch()).orElse("expired");
    }

    private static List<LostData> dedupe(List<LostData> lost) {
        return List.copyOf(new LinkedHashSet<>(lost));
    }
}
