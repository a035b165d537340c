package dev.walrussync.engine.repo;

import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.PackRow;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.CheckReport;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.store.StoredBlob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Verifies the repository: every indexed pack is in the store with its size and a header that
 * decrypts and agrees with the index; every snapshot's trees load and every chunk they name is
 * indexed. With {@code readData}, every chunk of every pack is decrypted and checked against its ID.
 * It changes nothing.
 */
public final class Check {
    private final Repository repo;
    private final IndexDatabase index;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public Check(Repository repo) {
        this.repo = repo;
        this.index = repo.index();
    }

    /** @param packProgress hears (packs done, packs total) while packs are checked */
    public CheckReport run(boolean readData, BiConsumer<Integer, Integer> packProgress) throws SyncException {
        if (readData) {
            repo.warmUpCrypto();
        }
        Map<BlobId, Long> listed = new HashMap<>();
        for (StoredBlob b : repo.store().list()) {
            listed.put(b.id(), b.size());
        }
        List<PackRow> packs = index.packs();
        long chunksRead = 0;
        int done = 0;
        for (PackRow pack : packs) {
            chunksRead += checkPack(pack, listed, readData);
            packProgress.accept(++done, packs.size());
        }
        Set<BlobId> known = index.packBlobIds();
        int unknown = 0;
        for (BlobId id : listed.keySet()) {
            if (!known.contains(id) && !id.value().equals(repo.config().keyBlob())) {
                unknown++;
            }
        }
        if (unknown > 0) {
            warnings.add(unknown + " blob(s) in the store are not in the index (left by an interrupted run);"
                    + " the next backup or prune adopts them");
        }
        if (!listed.containsKey(new BlobId(repo.config().keyBlob()))) {
            errors.add("the key blob " + repo.config().keyBlob() + " is missing from the store");
        }
        List<SnapshotRow> snapshots = index.snapshots();
        Set<ChunkId> seenTrees = new HashSet<>();
        for (SnapshotRow s : snapshots) {
            checkSnapshot(s, seenTrees);
        }
        return new CheckReport(
                packs.size(),
                snapshots.size(),
                seenTrees.size(),
                chunksRead,
                List.copyOf(errors),
                List.copyOf(warnings));
    }

    private long checkPack(PackRow pack, Map<BlobId, Long> listed, boolean readData) throws SyncException {
        Long size = listed.get(pack.blobId());
        if (size == null) {
            errors.add("pack " + pack.blobId() + " is missing from the store (" + pack.chunkCount() + " chunks)");
            return 0;
        }
        if (size != pack.size()) {
            errors.add("pack " + pack.blobId() + " has " + size + " bytes in the store, but " + pack.size()
                    + " were written");
            return 0;
        }
        Optional<Repository.HeaderRead> header;
        try {
            header = repo.readPackHeader(StoredBlob.of(pack.blobId(), size));
        } catch (SyncException e) {
            errors.add("pack " + pack.blobId() + " cannot be read: " + e.getMessage());
            return 0;
        }
        if (header.isEmpty()) {
            errors.add("pack " + pack.blobId() + " is damaged: its header does not decrypt");
            return 0;
        }
        Map<ChunkId, PackEntry> inHeader = new HashMap<>();
        for (PackEntry e : header.get().entries()) {
            inHeader.put(e.id(), e);
        }
        for (PackEntry indexed : index.chunksInPack(pack.id())) {
            PackEntry e = inHeader.get(indexed.id());
            if (e == null || e.offset() != indexed.offset() || e.length() != indexed.length()) {
                errors.add("pack " + pack.blobId() + " does not hold chunk "
                        + indexed.id().shortHex() + " where the index says it is");
            }
        }
        if (!readData) {
            return 0;
        }
        long read = 0;
        for (PackEntry e : header.get().entries()) {
            try {
                byte[] sealed = repo.store().getRange(pack.blobId(), e.offset(), e.length());
                repo.codec().decode(e, sealed);
                read++;
            } catch (AuthenticationFailedException ex) {
                errors.add("pack " + pack.blobId() + " is damaged: chunk " + e.id().shortHex() + " " + ex.getMessage());
            } catch (SyncException ex) {
                errors.add("pack " + pack.blobId() + ": chunk " + e.id().shortHex() + " cannot be read: "
                        + ex.getMessage());
            }
        }
        return read;
    }

    private void checkSnapshot(SnapshotRow s, Set<ChunkId> seenTrees) {
        String name = "snapshot " + s.id().shortHex();
        try {
            repo.loadSnapshot(s.id());
            walk(name, "", s.tree(), seenTrees);
        } catch (SyncException e) {
            errors.add(name + ": " + e.getMessage());
        }
    }

    private void walk(String snapshot, String path, ChunkId treeId, Set<ChunkId> seenTrees) throws SyncException {
        if (!seenTrees.add(treeId)) {
            return;
        }
        Tree tree;
        try {
            tree = repo.loadTree(treeId);
        } catch (SyncException e) {
            errors.add(snapshot + ": the folder '" + path + "' cannot be read: " + e.getMessage());
            return;
        }
        for (TreeNode n : tree.entries()) {
            String child = path.isEmpty() ? n.name() : path + "/" + n.name();
            if (n.isDir() && n.tree() != null) {
                walk(snapshot, child, ChunkId.fromHex(n.tree()), seenTrees);
            } else if (n.isFile() && n.chunks() != null) {
                for (String c : n.chunks()) {
                    if (!index.hasChunk(ChunkId.fromHex(c))) {
                        errors.add(snapshot + ": '" + child + "' needs chunk " + c.substring(0, 8)
                                + ", which no pack holds");
                    }
                }
            }
        }
    }
}
