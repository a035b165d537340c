package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.PackRow;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.PruneReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.pack.PackEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Removes data that no snapshot references. Packs that hold nothing referenced are deleted; packs
 * that hold some are repacked: their referenced chunks are copied, still encrypted, into new packs,
 * which are stored and committed before any old blob is deleted.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 7</a>
 */
public final class Prune {
    private final Repository repo;
    private final IndexDatabase index;

    public Prune(Repository repo) {
        this.repo = repo;
        this.index = repo.index();
    }

    /** @param progress hears (packs done, packs total) while packs are repacked */
    public PruneReport run(BiConsumer<Integer, Integer> progress) throws SyncException {
        repo.adoptUnknownPacks();
        Set<ChunkId> referenced = Reachability.strict(repo).chunks();
        List<PackRow> delete = new ArrayList<>();
        List<PackRow> repack = new ArrayList<>();
        long chunksRemoved = 0;
        List<ChunkId> unusedMetadata = new ArrayList<>();
        for (PackRow pack : index.packs()) {
            List<PackEntry> chunks = index.chunksInPack(pack.id());
            for (PackEntry e : chunks) {
                if (e.type() != ChunkType.DATA && e.type() != ChunkType.INDEX && !referenced.contains(e.id())) {
                    unusedMetadata.add(e.id());
                }
            }
            long used = chunks.stream().filter(e -> referenced.contains(e.id())).count();
            // Index records are kept while their pack is, and dropped when it is deleted or repacked: the packs
            // they list are then listed by this prune's own record, or gone.
            long records =
                    chunks.stream().filter(e -> e.type() == ChunkType.INDEX).count();
            if (used == 0) {
                delete.add(pack);
                chunksRemoved += chunks.size();
            } else if (used + records < chunks.size()) {
                repack.add(pack);
                chunksRemoved += chunks.size() - used;
            }
        }
        long bytesWritten = 0;
        if (!repack.isEmpty()) {
            try (Packer packer = repo.newPacker(true)) {
                int done = 0;
                for (PackRow pack : repack) {
                    for (PackEntry e : index.chunksInPack(pack.id())) {
                        if (referenced.contains(e.id())) {
                            byte[] sealed = repo.store().getRange(pack.blobId(), e.offset(), e.length());
                            packer.add(new EncodedChunk(e.type(), e.id(), e.compression(), e.plainLength(), sealed));
                        }
                    }
                    progress.accept(++done, repack.size());
                }
                repo.finishRun(packer, java.util.concurrent.ConcurrentHashMap.newKeySet());
                bytesWritten = packer.bytesStored();
            }
        }
        List<PackRow> old = new ArrayList<>(delete);
        old.addAll(repack);
        // Packs holding tombstones go last, so a crash never leaves a forgotten snapshot without one.
        List<PackRow> tombstoneLast = new ArrayList<>();
        List<PackRow> ordered = new ArrayList<>();
        for (PackRow p : old) {
            boolean hasTombstone = index.chunksInPack(p.id()).stream().anyMatch(e -> e.type() == ChunkType.TOMBSTONE);
            (hasTombstone ? tombstoneLast : ordered).add(p);
        }
        ordered.addAll(tombstoneLast);
        List<Long> ids = new ArrayList<>();
        long bytesFreed = 0;
        for (PackRow p : ordered) {
            ids.add(p.id());
            bytesFreed += p.size();
        }
        index.replacePacks(ids);
        index.dropTombstonesWithoutChunk();
        unusedMetadata.forEach(repo.metadataCache()::remove);
        for (PackRow p : ordered) {
            try {
                repo.store().delete(p.blobId());
                index.logStoreOp("delete", p.blobId(), p.size(), true, "pruned");
            } catch (SyncException e) {
                index.logStoreOp("delete", p.blobId(), p.size(), false, e.getMessage());
                throw e;
            }
        }
        return new PruneReport(delete.size(), repack.size(), chunksRemoved, bytesFreed, bytesWritten);
    }
}
