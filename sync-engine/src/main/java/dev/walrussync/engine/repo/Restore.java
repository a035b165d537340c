package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase.ChunkLocation;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.internal.DaemonThreads;
import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.ChunkCodec;
import dev.walrussync.engine.scan.FileMeta;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Restores a snapshot, or part of one, into a target folder. Each file is written to a temporary
 * file beside its destination, verified chunk by chunk against its chunk IDs, given its mode and
 * mtime, then moved into place atomically. Existing files are never replaced unless asked.
 */
public final class Restore {
    private record Item(String rel, TreeNode node) {}

    /** Plaintext bytes one restore task decodes and writes: large files are split into such segments. */
    private static final long SEGMENT_BYTES = 8L << 20;
    /** Files restored at once; each holds an open temporary file. */
    private static final int FILES_IN_FLIGHT = 64;

    private final Repository repo;
    private final RestoreProgress progress;
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Queue<String> skipped = new ConcurrentLinkedQueue<>();
    /** Whether the target's file system has POSIX permissions; asked once, as asking reads the mount table. */
    private boolean posix;

    public Restore(Repository repo, RestoreProgress progress) {
        this.repo = repo;
        this.progress = progress;
    }

    /**
     * Whether files restored under {@code target} can get POSIX permissions: its file store's answer, or, where the
     * store cannot be found (a chroot or container whose mount table does not show the target's mount), the file
     * system's.
     */
    static boolean supportsPosix(Path target) {
        try {
            return Files.getFileStore(target).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return target.getFileSystem().supportedFileAttributeViews().contains("posix");
        }
    }

    public RestoreReport run(RestoreRequest request) throws SyncException {
        Instant start = repo.clock().instant();
        Path target = request.target().toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new SyncException("the target folder " + target + " does not exist; create it first");
        }
        posix = supportsPosix(target);
        repo.warmUpCrypto();
        SnapshotRow snapshot = SnapshotResolver.resolve(repo.index().snapshots(), request.snapshot());
        List<Item> dirs = new ArrayList<>();
        List<Item> files = new ArrayList<>();
        List<Item> links = new ArrayList<>();
        if (request.includes().isEmpty()) {
            collect(repo.loadTree(snapshot.tree()), "", dirs, files, links);
        } else {
            for (String include : request.includes()) {
                String rel = SnapshotResolver.normalize(include);
                TreeNode node = SnapshotResolver.resolvePath(repo, snapshot.tree(), rel);
                addParents(rel, dirs);
                add(node, rel, dirs, files, links);
            }
        }
        // Overlapping includes ("docs" and "docs/a.txt") must not restore a file twice.
        dirs = distinct(dirs);
        files = distinct(files);
        links = distinct(links);
        for (Item f : files) {
            progress.planned(sizeOf(f.node()));
        }
        for (Item d : dirs) {
            Path p = target.resolve(d.rel());
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new SyncException("cannot create " + p + ": " + e.getMessage(), e);
            }
        }
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("restore-writer"));
        try {
            List<Future<?>> work = new ArrayList<>();
            // At most FILES_IN_FLIGHT files are open at once; this thread waits, never the pool's threads.
            Semaphore open = new Semaphore(FILES_IN_FLIGHT);
            for (Item f : files) {
                try {
                    open.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SyncException("the restore was interrupted", e);
                }
                work.add(CompletableFuture.supplyAsync(() -> startFile(target, f, request.overwrite(), pool), pool)
                        .thenCompose(done -> done)
                        .whenComplete((ok, e) -> open.release()));
            }
            for (Future<?> w : work) {
                try {
                    w.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SyncException("the restore was interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.add(String.valueOf(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (Item l : links) {
            restoreLink(target, l, request.overwrite());
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Item d = dirs.get(i);
            if (d.node() != null) {
                applyMetadata(target.resolve(d.rel()), d.node());
            }
        }
        return new RestoreReport(
                snapshot.id(),
                progress.filesDone(),
                dirs.size(),
                links.size(),
                progress.bytesDone(),
                List.copyOf(skipped),
                List.copyOf(errors),
                Duration.between(start, repo.clock().instant()));
    }

    private static List<Item> distinct(List<Item> items) {
        java.util.Map<String, Item> byPath = new java.util.LinkedHashMap<>();
        for (Item i : items) {
            byPath.merge(i.rel(), i, (a, b) -> a.node() != null ? a : b);
        }
        return new ArrayList<>(byPath.values());
    }

    private void addParents(String rel, List<Item> dirs) {
        int slash = rel.indexOf('/');
        while (slash > 0) {
            dirs.add(new Item(rel.substring(0, slash), null));
            slash = rel.indexOf('/', slash + 1);
        }
    }

    private void add(TreeNode node, String rel, List<Item> dirs, List<Item> files, List<Item> links)
            throws SyncException {
        if (node.isDir()) {
            dirs.add(new Item(rel, node));
            if (node.tree() != null) {
                Tree tree;
                try {
                    tree = repo.loadTree(ChunkId.fromHex(node.tree()));
                } catch (SyncException e) {
                    // A folder whose listing is gone (its pack expired): restore everything else.
                    errors.add(rel + ": the folder's contents cannot be read: " + e.getMessage());
                    return;
                }
                collect(tree, rel, dirs, files, links);
            }
        } else if (node.isFile()) {
            files.add(new Item(rel, node));
        } else if (node.isSymlink()) {
            links.add(new Item(rel, node));
        }
    }

    private void collect(Tree tree, String rel, List<Item> dirs, List<Item> files, List<Item> links)
            throws SyncException {
        for (TreeNode child : tree.entries()) {
            checkName(child.name());
            add(child, rel.isEmpty() ? child.name() : rel + "/" + child.name(), dirs, files, links);
        }
    }

    /** Refuses names that would escape the target folder: a tampered tree must not write elsewhere. */
    private static void checkName(String name) throws SyncException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.indexOf('\0') >= 0) {
            throw new DamagedDataException("a tree holds the unsafe name '" + name + "'", null);
        }
    }

    private static long sizeOf(TreeNode n) {
        return n.size() == null ? 0 : n.size();
    }

    /**
     * Starts restoring one file and returns when it is done. A large file's chunks are decoded and written by
     * several tasks on {@code pool} (each at its own offset), so one big file keeps every core busy; the last task
     * to finish verifies the length, sets the metadata and moves the file into place.
     */
    private CompletableFuture<Void> startFile(Path target, Item item, boolean overwrite, ExecutorService pool) {
        Path dest = target.resolve(item.rel());
        if (!overwrite && Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            skipped.add(item.rel());
            return CompletableFuture.completedFuture(null);
        }
        Path tmp = dest.getParent().resolve("." + dest.getFileName() + ".wsync-" + UUID.randomUUID() + ".tmp");
        FileChannel ch;
        List<ChunkLocation> locations = new ArrayList<>();
        try {
            List<String> chunks =
                    item.node().chunks() == null ? List.of() : item.node().chunks();
            for (String hex : chunks) {
                ChunkId id = ChunkId.fromHex(hex);
                locations.add(repo.index()
                        .chunkLocation(id)
                        .orElseThrow(() -> new SyncException("chunk " + id.shortHex() + " of " + item.rel()
                                + " is not in the index; run 'walrus-sync check'")));
            }
            ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | SyncException e) {
            errors.add(item.rel() + ": " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Long>> segments = new ArrayList<>();
        long offset = 0;
        int from = 0;
        long segmentBytes = 0;
        for (int i = 0; i < locations.size(); i++) {
            segmentBytes += locations.get(i).entry().plainLength();
            if (segmentBytes >= SEGMENT_BYTES || i == locations.size() - 1) {
                List<ChunkLocation> part = locations.subList(from, i + 1);
                long at = offset;
                segments.add(
                        segments.isEmpty() && i == locations.size() - 1
                                ? CompletableFuture.completedFuture(null).thenApply(x -> writeSegment(ch, part, at))
                                : CompletableFuture.supplyAsync(() -> writeSegment(ch, part, at), pool));
                offset += segmentBytes;
                from = i + 1;
                segmentBytes = 0;
            }
        }
        return CompletableFuture.allOf(segments.toArray(new CompletableFuture<?>[0]))
                .handle((ok, failure) -> {
                    long written = failure != null
                            ? -1
                            : segments.stream()
                                    .mapToLong(CompletableFuture::join)
                                    .sum();
                    finishFile(ch, tmp, dest, item, overwrite, written, failure);
                    return null;
                });
    }

    /** Decodes {@code part} and writes it at {@code offset}; all-zero chunks are skipped, so holes stay holes. */
    private long writeSegment(FileChannel ch, List<ChunkLocation> part, long offset) {
        long pos = offset;
        try (ChunkCodec.Scratch scratch = repo.codec().scratch()) {
            for (ChunkLocation loc : part) {
                // Decrypted and decompressed into the scratch's buffer, and written from it.
                int length = repo.loadChunk(loc, scratch);
                byte[] data = scratch.plain();
                if (!isAllZero(data, length)) {
                    ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
                    long p = pos;
                    while (buf.hasRemaining()) {
                        p += ch.write(buf, p);
                    }
                }
                pos += length;
                progress.bytesWritten(length);
            }
            return pos - offset;
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (SyncException e) {
            throw new CompletionException(e);
        }
    }

    private void finishFile(
            FileChannel ch,
            Path tmp,
            Path dest,
            Item item,
            boolean overwrite,
            long written,
            @Nullable Throwable failure) {
        try {
            try (ch) {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
                }
                if (written != sizeOf(item.node())) {
                    throw new IOException(
                            "restored " + written + " bytes, but the snapshot records " + sizeOf(item.node()));
                }
                if (ch.size() < written) {
                    // The file ends in a hole (zero chunks were skipped): one zero byte sets its length.
                    ch.write(ByteBuffer.wrap(new byte[1]), written - 1);
                }
            }
            applyMetadata(tmp, item.node());
            if (overwrite) {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                moveNoReplace(tmp, dest);
            }
            progress.fileDone();
        } catch (FileAlreadyExistsException e) {
            skipped.add(item.rel());
        } catch (IOException e) {
            errors.add(item.rel() + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                errors.add(tmp + ": cannot remove the temporary file: " + e.getMessage());
            }
        }
    }

    /** Moves without replacing: a hard link fails if the destination appeared meanwhile. */
    private static void moveNoReplace(Path tmp, Path dest) throws IOException {
        try {
            Files.createLink(dest, tmp);
            Files.delete(tmp);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof FileAlreadyExistsException fe) {
                throw fe;
            }
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void restoreLink(Path target, Item item, boolean overwrite) {
        Path dest = target.resolve(item.rel());
        try {
            if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                if (!overwrite) {
                    skipped.add(item.rel());
                    return;
                }
                Files.delete(dest);
            }
            Files.createSymbolicLink(
                    dest,
                    Path.of(item.node().target() == null ? "" : item.node().target()));
            try {
                // The link's own time: following it would stamp its target (which may lie outside the
                // restore) with the link's mtime.
                Files.getFileAttributeView(dest, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.from(Times.parse(item.node().mtime())), null, null);
            } catch (IOException e) {
                // Some platforms cannot set a link's own time; it is cosmetic.
            }
        } catch (IOException | UnsupportedOperationException e) {
            errors.add(item.rel() + ": cannot create the symlink: " + e.getMessage());
        }
    }

    private void applyMetadata(Path p, TreeNode node) {
        try {
            if (node.mode() != 0 && posix) {
                Files.setPosixFilePermissions(p, FileMeta.toPermissions(node.mode()));
            }
            Files.setLastModifiedTime(p, FileTime.from(Times.parse(node.mtime())));
        } catch (IOException | UnsupportedOperationException e) {
            errors.add(p + ": cannot set its mode or time: " + e.getMessage());
        }
    }

    private static boolean isAllZero(byte[] data, int length) {
        int i = 0;
        ByteBuffer b = ByteBuffer.wrap(data);
        for (; i + 8 <= length; i += 8) {
            if (b.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
