package dev.walrussync.engine.repo;

import dev.walrussync.engine.chunk.ChunkerParams;
import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.internal.DaemonThreads;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.UploadGate;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.pack.PackWriter;
import dev.walrussync.engine.pack.PackWriter.SealedPack;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobTooLargeException;
import dev.walrussync.engine.store.StoredBlob;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects encrypted chunks into packs of the store's target size, uploads sealed packs on a
 * background thread and commits each to the index once the store holds it (write order step 1, 2).
 * At most two sealed packs wait for upload, so memory and staging space stay bounded.
 *
 * <p>Thread-safe.
 */
final class Packer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Packer.class);
    private final BlobStore store;
    private final IndexDatabase index;
    private final Aead aead;
    private final SecureRandom random;
    private final Path stagingDir;
    /** Lowered when the store refuses a pack as too large. */
    private volatile long targetSize;

    private final boolean relocate;
    private final boolean dryRun;
    private final List<Long> packSizes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<IndexRecord.Written> written = new ArrayList<>();
    private final ExecutorService uploader;
    private final Semaphore waitingPacks = new Semaphore(2);
    private final AtomicReference<@Nullable SyncException> failure = new AtomicReference<>();
    private final AtomicLong packsStored = new AtomicLong();
    private final AtomicLong bytesStored = new AtomicLong();
    private @Nullable PackWriter current;
    private final UploadGate gate;

    /**
     * @param relocate when true (prune), chunks already in the index are moved to the new pack
     * @param dryRun when true, packs are sealed and measured but neither stored nor indexed
     * @param gate waited on before each upload
     */
    Packer(
            BlobStore store,
            IndexDatabase index,
            Aead aead,
            SecureRandom random,
            Path stagingDir,
            long targetSize,
            boolean relocate,
            boolean dryRun,
            UploadGate gate) {
        this.store = store;
        this.gate = gate;
        this.index = index;
        this.aead = aead;
        this.random = random;
        this.stagingDir = stagingDir;
        this.targetSize = targetSize;
        this.relocate = relocate;
        this.dryRun = dryRun;
        this.uploader = Executors.newSingleThreadExecutor(DaemonThreads.named("pack-uploader"));
    }

    /** Whether this packer only counts what would be stored. */
    boolean dryRun() {
        return dryRun;
    }

    /** Appends a chunk, sealing and uploading the current pack first when the chunk would not fit. */
    void add(EncodedChunk chunk) throws SyncException {
        PackWriter toSeal = null;
        synchronized (this) {
            throwIfFailed();
            try {
                if (current != null
                        && current.count() > 0
                        && current.sealedSizeWith(chunk.sealed().length) > targetSize) {
                    toSeal = current;
                    current = null;
                }
                if (current == null) {
                    Files.createDirectories(stagingDir);
                    current = new PackWriter(store.stage(stagingDir.resolve("pack-" + UUID.randomUUID() + ".tmp")));
                }
                current.add(chunk);
            } catch (IOException e) {
                throw new SyncException("cannot write a pack in " + stagingDir + ": " + e.getMessage(), e);
            }
        }
        if (toSeal != null) {
            sealAndUpload(toSeal);
        }
    }

    /** Seals the current pack, waits until every pack is stored and committed, and reports failures. */
    void flush() throws SyncException {
        PackWriter toSeal;
        synchronized (this) {
            toSeal = current;
            current = null;
        }
        if (toSeal != null && toSeal.count() > 0) {
            sealAndUpload(toSeal);
        } else if (toSeal != null) {
            closeQuietly(toSeal);
        }
        awaitUploads();
    }

    /**
     * Waits until every sealed pack is stored and committed, and reports failures; the open pack stays open.
     */
    void awaitUploads() throws SyncException {
        try {
            waitingPacks.acquire(2);
            waitingPacks.release(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while waiting for uploads", e);
        }
        throwIfFailed();
    }

    /** Every pack this packer stored and committed so far, in order. */
    List<IndexRecord.Written> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    private void sealAndUpload(PackWriter writer) throws SyncException {
        SealedPack pack;
        try {
            pack = writer.seal(aead, random);
        } catch (IOException e) {
            closeQuietly(writer);
            throw new SyncException("cannot finish a pack in " + stagingDir + ": " + e.getMessage(), e);
        }
        try {
            waitingPacks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while waiting for uploads", e);
        }
        uploader.execute(() -> {
            try {
                if (failure.get() == null) {
                    upload(pack);
                }
            } catch (SyncException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new SyncException("uploading a pack failed: " + e, e));
            } finally {
                deleteQuietly(pack.file());
                waitingPacks.release();
            }
        });
    }

    /** The smallest pack size the packer falls back to when a store keeps refusing packs as too large. */
    static final long MIN_PACK_SIZE = 1L << 20;

    private void upload(SealedPack pack) throws SyncException {
        if (dryRun) {
            packSizes.add(pack.size());
            packsStored.incrementAndGet();
            bytesStored.addAndGet(pack.size());
            return;
        }
        try {
            gate.awaitOpen();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("the upload was interrupted", e);
        }
        StoredBlob blob;
        try {
            blob = store.put(pack.blob());
        } catch (BlobTooLargeException e) {
            index.logStoreOp("put", null, pack.size(), false, e.getMessage());
            splitAndUpload(pack, e.suggestedMaxSize());
            return;
        } catch (SyncException e) {
            index.logStoreOp("put", null, pack.size(), false, e.getMessage());
            throw e;
        }
        if (blob.size() != pack.size()) {
            throw new SyncException("the store kept " + blob.size() + " bytes of a " + pack.size() + "-byte pack");
        }
        index.logStoreOp("put", blob.id(), blob.size(), true, pack.entries().size() + " chunks");
        index.addPack(blob, pack.headerLength(), pack.entries());
        if (relocate) {
            index.relocateChunks(blob.id(), pack.entries());
        }
        synchronized (written) {
            written.add(new IndexRecord.Written(blob, pack.headerLength(), pack.entries()));
        }
        packSizes.add(blob.size());
        packsStored.incrementAndGet();
        bytesStored.addAndGet(blob.size());
    }

    /**
     * Re-packs the chunks of a pack the store refused as too large into smaller packs, uploads those,
     * and makes every later pack that small too.
     */
    private void splitAndUpload(SealedPack pack, long suggestedMaxSize) throws SyncException {
        long limit = Math.max(MIN_PACK_SIZE, Math.min(suggestedMaxSize, pack.size() / 2));
        if (pack.entries().size() < 2 || pack.size() <= MIN_PACK_SIZE) {
            throw new SyncException("the store refuses a " + pack.size() + "-byte pack as too large, and it cannot be"
                    + " split further (chunks are up to " + (ChunkerParams.DEFAULT.maxSize() >> 20)
                    + " MiB); use a publisher that accepts blobs of at least 10 MiB");
        }
        targetSize = Math.min(targetSize, limit);
        LOG.warn(
                "the store refused a {}-byte pack as too large; storing packs of at most {} bytes", pack.size(), limit);
        List<SealedPack> smaller = new ArrayList<>();
        try (FileChannel in = FileChannel.open(pack.file(), StandardOpenOption.READ)) {
            PackWriter writer = null;
            for (PackEntry e : pack.entries()) {
                ByteBuffer sealed = ByteBuffer.allocate(e.length());
                while (sealed.hasRemaining()) {
                    if (in.read(sealed, e.offset() + sealed.position()) < 0) {
                        throw new IOException("the pack file ends before chunk " + e.id().shortHex());
                    }
                }
                EncodedChunk chunk =
                        new EncodedChunk(e.type(), e.id(), e.compression(), e.plainLength(), sealed.array());
                if (writer != null && writer.count() > 0 && writer.sealedSizeWith(e.length()) > limit) {
                    smaller.add(writer.seal(aead, random));
                    writer = null;
                }
                if (writer == null) {
                    writer = new PackWriter(store.stage(stagingDir.resolve("pack-" + UUID.randomUUID() + ".tmp")));
                }
                writer.add(chunk);
            }
            if (writer != null) {
                smaller.add(writer.seal(aead, random));
            }
            for (SealedPack p : smaller) {
                upload(p);
            }
        } catch (IOException e) {
            throw new SyncException("cannot split a pack in " + stagingDir + ": " + e.getMessage(), e);
        } finally {
            smaller.forEach(p -> deleteQuietly(p.file()));
        }
    }

    private void throwIfFailed() throws SyncException {
        SyncException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    long packsStored() {
        return packsStored.get();
    }

    long bytesStored() {
        return bytesStored.get();
    }

    /** The size of every pack stored (or, in a dry run, that would have been stored), in order. */
    List<Long> packSizes() {
        synchronized (packSizes) {
            return List.copyOf(packSizes);
        }
    }

    /** Abandons the unsealed pack and stops the uploader; call {@link #flush()} first to keep data. */
    @Override
    public void close() {
        synchronized (this) {
            if (current != null) {
                closeQuietly(current);
                current = null;
            }
        }
        uploader.shutdown();
        try {
            uploader.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(PackWriter w) {
        try {
            w.close();
        } catch (IOException e) {
            // The staging file is only a leftover; the next run's staging cleanup removes it.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // As above: staging leftovers are cleaned at the next start.
        }
    }
}
