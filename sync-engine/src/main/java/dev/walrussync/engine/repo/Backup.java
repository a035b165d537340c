package dev.walrussync.engine.repo;

import dev.walrussync.engine.chunk.ChunkReader;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.FileVersion;
import dev.walrussync.engine.index.IndexDatabase.NewVersion;
import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.internal.DaemonThreads;
import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.ChunkCodec;
import dev.walrussync.engine.scan.ExcludeRules;
import dev.walrussync.engine.scan.FileMeta;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One backup run: walks the paths, skips unchanged files, chunks, deduplicates, compresses and
 * encrypts the rest on all cores, packs and uploads, then writes the snapshot.
 *
 * <p>Pipeline: the calling thread walks directories; file readers (one per core) read and chunk files
 * and compute chunk IDs; encoders (one per core) compress and encrypt new chunks into the packer,
 * whose uploader thread stores sealed packs. A byte budget bounds the chunks in flight, and a slot
 * budget bounds the files in flight, so memory does not grow with file size or file count.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 7</a>
 */
public final class Backup {
    /** Plaintext bytes that may wait between the readers and the encoders. */
    private static final int BYTES_IN_FLIGHT = 64 << 20;
    /** Files that may be submitted before the walker waits. */
    private static final int FILES_IN_FLIGHT = 256;
    /** How often a file that changes while it is read is read again. */
    private static final int READ_ATTEMPTS = 3;

    private final Repository repo;
    private final IndexDatabase index;
    private final ChunkCodec codec;
    private final BackupProgress progress;
    private final Set<ChunkId> claimed = ConcurrentHashMap.newKeySet();
    private final Queue<NewVersion> versions = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Queue<String> warnings = new ConcurrentLinkedQueue<>();
    private final Queue<String> deferred = new ConcurrentLinkedQueue<>();
    private final AtomicReference<@Nullable Throwable> fatal = new AtomicReference<>();
    private final Semaphore bytesBudget = new Semaphore(BYTES_IN_FLIGHT);
    private final Semaphore fileSlots = new Semaphore(FILES_IN_FLIGHT);
    private final LongAdder filesNew = new LongAdder();
    private final LongAdder filesChanged = new LongAdder();
    private final LongAdder filesUnchanged = new LongAdder();
    private final LongAdder dirs = new LongAdder();
    private final LongAdder newChunks = new LongAdder();
    private @Nullable Packer packer;
    private @Nullable ExecutorService readers;
    private @Nullable ExecutorService encoders;
    private boolean continuous;

    public Backup(Repository repo, BackupProgress progress) {
        this.repo = repo;
        this.index = repo.index();
        this.codec = repo.codec();
        this.progress = progress;
    }

    public BackupReport run(BackupRequest request) throws SyncException {
        Instant start = repo.clock().instant();
        List<Path> paths = new ArrayList<>();
        for (Path p : request.paths()) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new SyncException("cannot back up " + p + ": it does not exist");
            }
            paths.add(abs);
        }
        if (paths.isEmpty()) {
            throw new SyncException("nothing to back up: name at least one folder or file");
        }
        continuous = request.continuous();
        int adopted = request.dryRun() ? 0 : repo.adoptUnknownPacks();
        ExcludeRules rules = ExcludeRules.of(request.excludes());
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        Thread scanner = startScanner(paths, rules);
        try (Packer p = repo.newPacker(false, request.dryRun())) {
            packer = p;
            readers = Executors.newFixedThreadPool(cores, DaemonThreads.named("backup-reader"));
            encoders = Executors.newFixedThreadPool(cores, DaemonThreads.named("backup-encoder"));
            List<String> pathStrings = paths.stream().map(Path::toString).toList();
            List<String> names = RootNames.assign(pathStrings);
            List<CompletableFuture<@Nullable TreeNode>> roots = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                roots.add(visit(paths.get(i), names.get(i), pathStrings.get(i), "", rules));
            }
            List<TreeNode> rootNodes = join(roots);
            checkFatal();
            ChunkId rootTree = repo.storeRecord(ChunkType.TREE, new Tree(rootNodes), p, claimed);

            Optional<SnapshotRow> parent = latestMatching(request.host(), pathStrings);
            if (continuous
                    && newChunks.sum() == 0
                    && parent.isPresent()
                    && parent.get().tree().equals(rootTree)) {
                // Nothing changed: the trees are the parent's, so no chunk was added and no pack is open.
                return report(parent.get().id(), p, adopted, start, false);
            }
            Instant time = repo.clock().instant();
            SnapshotRecord snapshot = new SnapshotRecord(
                    1,
                    Times.format(time),
                    request.host(),
                    request.user(),
                    pathStrings,
                    List.copyOf(request.tags()),
                    rootTree.hex(),
                    parent.map(r -> r.id().hex()).orElse(null),
                    new SnapshotRecord.Summary(
                            progress.filesDone(),
                            dirs.sum(),
                            progress.bytesDone(),
                            newChunks.sum(),
                            progress.newBytes()));
            // The snapshot shares the last pack with the chunks written just before it: a blob is stored
            // whole or not at all, so the snapshot is never durable before the data it names.
            ChunkId snapshotId = repo.storeRecord(ChunkType.SNAPSHOT, snapshot, p, claimed);
            repo.finishRun(p, claimed);
            if (!request.dryRun()) {
                index.commitSnapshot(IndexRebuilder.rowOf(snapshotId, snapshot), List.copyOf(versions));
            }
            return report(snapshotId, p, adopted, start, true);
        } finally {
            scanner.interrupt();
            if (readers != null) {
                readers.shutdownNow();
            }
            if (encoders != null) {
                encoders.shutdownNow();
            }
        }
    }

    private BackupReport report(ChunkId snapshotId, Packer p, int adopted, Instant start, boolean saved) {
        return new BackupReport(
                snapshotId,
                filesNew.sum(),
                filesChanged.sum(),
                filesUnchanged.sum(),
                dirs.sum(),
                progress.bytesDone(),
                newChunks.sum(),
                progress.newBytes(),
                p.packsStored(),
                p.bytesStored(),
                p.packSizes(),
                adopted,
                List.copyOf(errors),
                List.copyOf(warnings),
                Duration.between(start, repo.clock().instant()),
                saved,
                List.copyOf(deferred));
    }

    private Optional<SnapshotRow> latestMatching(String host, List<String> paths) throws SyncException {
        String pathsJson = new String(Json.write(paths), StandardCharsets.UTF_8);
        List<SnapshotRow> all = index.snapshots();
        for (int i = all.size() - 1; i >= 0; i--) {
            SnapshotRow s = all.get(i);
            if (s.host().equals(host) && s.pathsJson().equals(pathsJson)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    // ---- walking ----

    /**
     * Visits one path and returns its tree node, completed when the node (and, for a directory, its
     * whole subtree) is stored; completes with null when the path is skipped.
     */
    private CompletableFuture<@Nullable TreeNode> visit(
            Path path, String name, String folder, String rel, ExcludeRules rules) {
        FileMeta meta;
        try {
            meta = FileMeta.read(path);
        } catch (IOException e) {
            errors.add(path + ": cannot read its attributes: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return visit(path, name, folder, rel, rules, meta);
    }

    private CompletableFuture<@Nullable TreeNode> visit(
            Path path, String name, String folder, String rel, ExcludeRules rules, FileMeta meta) {
        if (fatal.get() != null) {
            return CompletableFuture.completedFuture(null);
        }
        switch (meta.kind()) {
            case DIRECTORY -> {
                return visitDirectory(path, name, folder, rel, rules, meta);
            }
            case FILE -> {
                try {
                    fileSlots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fatal.compareAndSet(null, e);
                    return CompletableFuture.completedFuture(null);
                }
                return CompletableFuture.supplyAsync(() -> backupFile(path, name, folder, rel, meta), readers)
                        .whenComplete((n, t) -> fileSlots.release());
            }
            case SYMLINK -> {
                try {
                    String target = Files.readSymbolicLink(path).toString();
                    return CompletableFuture.completedFuture(new TreeNode(
                            name, TreeNode.SYMLINK, null, meta.mode(), Times.format(meta.mtime()), null, null, target));
                } catch (IOException e) {
                    errors.add(path + ": cannot read the link: " + e.getMessage());
                    return CompletableFuture.completedFuture(null);
                }
            }
            default -> {
                warnings.add(path + ": skipped (not a file, folder or symlink)");
                return CompletableFuture.completedFuture(null);
            }
        }
    }

    private CompletableFuture<@Nullable TreeNode> visitDirectory(
            Path dir, String name, String folder, String rel, ExcludeRules rules, FileMeta meta) {
        ExcludeRules here;
        try {
            here = withIgnoreFileOf(dir, rel, rules);
        } catch (IOException e) {
            warnings.add(
                    dir.resolve(ExcludeRules.IGNORE_FILE_NAME) + ": cannot read the exclude rules: " + e.getMessage());
            here = rules;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path child : entries) {
                children.add(child);
            }
        } catch (IOException e) {
            if (!vanished(e)) {
                errors.add(dir + ": cannot list the folder: " + e.getMessage());
            }
            return CompletableFuture.completedFuture(null);
        }
        Collections.sort(children);
        List<CompletableFuture<@Nullable TreeNode>> nodes = new ArrayList<>(children.size());
        for (Path child : children) {
            String childName = child.getFileName().toString();
            String childRel = rel.isEmpty() ? childName : rel + "/" + childName;
            FileMeta childMeta;
            try {
                childMeta = FileMeta.read(child);
            } catch (IOException e) {
                if (!vanished(e)) {
                    errors.add(child + ": cannot read its attributes: " + e.getMessage());
                }
                continue;
            }
            if (here.isExcluded(childRel, childMeta.kind() == FileMeta.Kind.DIRECTORY)) {
                continue;
            }
            nodes.add(visit(child, childName, folder, childRel, here, childMeta));
        }
        dirs.increment();
        return CompletableFuture.allOf(nodes.toArray(new CompletableFuture<?>[0]))
                .thenApply(ignored -> {
                    List<TreeNode> entries = new ArrayList<>(nodes.size());
                    for (CompletableFuture<@Nullable TreeNode> f : nodes) {
                        TreeNode n = f.join();
                        if (n != null) {
                            entries.add(n);
                        }
                    }
                    try {
                        ChunkId tree = repo.storeRecord(ChunkType.TREE, new Tree(entries), packer(), claimed);
                        return new TreeNode(
                                name,
                                TreeNode.DIR,
                                null,
                                meta.mode(),
                                Times.format(meta.mtime()),
                                null,
                                tree.hex(),
                                null);
                    } catch (SyncException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    /**
     * Whether a path listed a moment ago is simply gone: in a continuous backup, a file or folder deleted (or
     * renamed) between its folder's listing and its own look-up is left out like any deleted entry, not reported
     * as unreadable; the change that removed it sets off the next run anyway.
     */
    private boolean vanished(IOException e) {
        return continuous && e instanceof java.nio.file.NoSuchFileException;
    }

    // ---- files ----

    private @Nullable TreeNode backupFile(Path path, String name, String folder, String rel, FileMeta meta) {
        if (fatal.get() != null) {
            return null;
        }
        progress.startFile(path.toString());
        Optional<FileVersion> previous = Optional.empty();
        try {
            previous = index.latestVersion(folder, rel);
            if (previous.isPresent()
                    && unchanged(previous.get(), meta)
                    && allStored(previous.get().chunks())) {
                filesUnchanged.increment();
                progress.fileDone(meta.size());
                return fileNode(name, meta, meta.size(), previous.get().chunks());
            }
            FileMeta current = meta;
            for (int attempt = 1; ; attempt++) {
                List<ChunkId> chunks = new ArrayList<>();
                long size = readFile(path, chunks);
                FileMeta after = FileMeta.read(path);
                boolean stable = after.size() == size && after.mtime().equals(current.mtime());
                if (!stable && attempt == READ_ATTEMPTS && continuous) {
                    return defer(path, name, previous, "still being written");
                }
                if (stable || attempt == READ_ATTEMPTS) {
                    if (!stable) {
                        warnings.add(path + ": changed while it was read " + READ_ATTEMPTS
                                + " times; stored the last read (" + size + " bytes)");
                    }
                    (previous.isPresent() ? filesChanged : filesNew).increment();
                    progress.fileDone(size);
                    versions.add(new NewVersion(
                            folder,
                            rel,
                            size,
                            Times.toNanos(current.mtime()),
                            Times.toNanos(current.ctime()),
                            current.fileKey(),
                            current.mode(),
                            chunks));
                    return fileNode(name, current, size, chunks);
                }
                current = after;
            }
        } catch (IOException e) {
            if (continuous && !(e instanceof java.nio.file.AccessDeniedException)) {
                // Deleted or locked while read: a later run sees the file as it then is.
                return defer(path, name, previous, describe(e));
            }
            errors.add(path + ": " + describe(e));
            return null;
        } catch (SyncException e) {
            fatal.compareAndSet(null, e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fatal.compareAndSet(null, e);
            return null;
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
            return null;
        }
    }

    /**
     * Leaves a file for a later run: the snapshot keeps its previous version when every chunk of it is
     * stored, and otherwise leaves the file out; nothing half-written is stored.
     */
    private @Nullable TreeNode defer(Path path, String name, Optional<FileVersion> previous, String why) {
        deferred.add(path + ": " + why);
        try {
            if (previous.isEmpty() || !allStored(previous.get().chunks())) {
                return null;
            }
        } catch (SyncException e) {
            fatal.compareAndSet(null, e);
            return null;
        }
        FileVersion v = previous.get();
        return fileNode(name, v.mode(), Times.fromNanos(v.mtimeNanos()), v.size(), v.chunks());
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "vanished before it could be read";
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean unchanged(FileVersion v, FileMeta m) {
        return v.size() == m.size()
                && v.mtimeNanos() == Times.toNanos(m.mtime())
                && v.ctimeNanos() == Times.toNanos(m.ctime())
                && v.fileKey().equals(m.fileKey());
    }

    private boolean allStored(List<ChunkId> chunks) throws SyncException {
        for (ChunkId c : chunks) {
            if (!index.hasChunk(c)) {
                return false;
            }
        }
        return true;
    }

    private static TreeNode fileNode(String name, FileMeta meta, long size, List<ChunkId> chunks) {
        return fileNode(name, meta.mode(), meta.mtime(), size, chunks);
    }

    private static TreeNode fileNode(String name, int mode, Instant mtime, long size, List<ChunkId> chunks) {
        List<String> hex = new ArrayList<>(chunks.size());
        for (ChunkId c : chunks) {
            hex.add(c.hex());
        }
        return new TreeNode(name, TreeNode.FILE, size, mode, Times.format(mtime), hex, null, null);
    }

    /**
     * Reads and chunks a file, handing new chunks to the encoders. Returns the bytes read, after every
     * new chunk of the file is in the packer.
     */
    private long readFile(Path path, List<ChunkId> chunks) throws IOException, SyncException, InterruptedException {
        long size = 0;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ChunkReader reader = repo.chunker().open(ch);
            byte[] chunk;
            while ((chunk = reader.next()) != null) {
                checkFatal();
                size += chunk.length;
                ChunkId id = codec.idOf(chunk);
                chunks.add(id);
                if (index.hasChunk(id) || !claimed.add(id)) {
                    continue;
                }
                if (newChunks.sum() == 0) {
                    repo.warmUpCrypto();
                }
                newChunks.increment();
                progress.newChunk(chunk.length);
                int permits = Math.min(chunk.length, BYTES_IN_FLIGHT);
                bytesBudget.acquire(permits);
                byte[] data = chunk;
                pending.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                packer().add(codec.encode(ChunkType.DATA, id, data));
                            } catch (SyncException e) {
                                throw new CompletionException(e);
                            } finally {
                                bytesBudget.release(permits);
                            }
                        },
                        encoders));
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]))
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SyncException se) {
                throw se;
            }
            throw e;
        }
        return size;
    }

    // ---- plumbing ----

    private Packer packer() {
        Packer p = packer;
        if (p == null) {
            throw new IllegalStateException("the backup has not started");
        }
        return p;
    }

    private void checkFatal() throws SyncException {
        Throwable t = fatal.get();
        if (t instanceof SyncException se) {
            throw se;
        }
        if (t != null) {
            throw new SyncException("the backup stopped: " + t, t);
        }
    }

    private List<TreeNode> join(List<CompletableFuture<@Nullable TreeNode>> futures) throws SyncException {
        List<TreeNode> nodes = new ArrayList<>();
        for (CompletableFuture<@Nullable TreeNode> f : futures) {
            try {
                TreeNode n = f.join();
                if (n != null) {
                    nodes.add(n);
                }
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                fatal.compareAndSet(null, cause);
            }
        }
        checkFatal();
        return nodes;
    }

    /** Counts files and bytes beside the backup, so that progress can show totals and an ETA. */
    private Thread startScanner(List<Path> paths, ExcludeRules rules) {
        Thread t = new Thread(
                () -> {
                    for (Path p : paths) {
                        scan(p, "", rules);
                    }
                    progress.markScanDone();
                },
                "backup-scanner");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void scan(Path path, String rel, ExcludeRules rules) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            FileMeta meta = FileMeta.read(path);
            if (meta.kind() == FileMeta.Kind.FILE) {
                progress.scanned(meta.size());
            } else if (meta.kind() == FileMeta.Kind.DIRECTORY) {
                ExcludeRules here = withIgnoreFileOf(path, rel, rules);
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                    for (Path child : entries) {
                        String childName = child.getFileName().toString();
                        String childRel = rel.isEmpty() ? childName : rel + "/" + childName;
                        boolean isDir = Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        if (!here.isExcluded(childRel, isDir)) {
                            scan(child, childRel, here);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The backup itself reports unreadable paths; the scan only estimates totals.
        }
    }

    /** The rules for a directory's children: its parent's, plus its own {@code .walrusignore} if it has one. */
    private static ExcludeRules withIgnoreFileOf(Path dir, String rel, ExcludeRules rules) throws IOException {
        Path ignoreFile = dir.resolve(ExcludeRules.IGNORE_FILE_NAME);
        if (!Files.isRegularFile(ignoreFile)) {
            return rules;
        }
        return rules.withIgnoreFile(rel, Files.readAllLines(ignoreFile, StandardCharsets.UTF_8));
    }
}
