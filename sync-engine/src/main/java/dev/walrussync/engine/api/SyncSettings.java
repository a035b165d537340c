package dev.walrussync.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.walrussync.engine.internal.AtomicFiles;
import dev.walrussync.engine.model.Durations;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The watch daemon's settings in the app home ({@code sync.json}): the watched folders with their excludes, and the
 * sync policy if the user changed it. Reading and writing need no passphrase, so the command line can edit them
 * while the daemon runs; the daemon reloads them when told to.
 *
 * @param folders the watched folders, in the order they were added
 * @param policy the user's policy, or null for the defaults of the repository's store
 */
public record SyncSettings(
        List<WatchedFolder> folders, @Nullable SyncPolicy policy) {
    public static final String FILE_NAME = "sync.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SyncSettings {
        folders = List.copyOf(folders);
    }

    /** The settings in {@code home}, or none (no folders, default policy) if the file does not exist. */
    public static SyncSettings load(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new SyncSettings(List.of(), null);
        }
        try {
            FileForm form = JSON.readValue(file.toFile(), FileForm.class);
            List<WatchedFolder> folders = new ArrayList<>();
            for (FolderForm f : form.folders() == null ? List.<FolderForm>of() : form.folders()) {
                folders.add(new WatchedFolder(
                        Path.of(f.path()),
                        f.excludes() == null ? List.of() : f.excludes(),
                        Boolean.TRUE.equals(f.paused())));
            }
            return new SyncSettings(
                    folders, form.policy() == null ? null : form.policy().toPolicy());
        } catch (IOException | RuntimeException e) {
            throw new SyncException(
                    "cannot read " + file + ": " + e.getMessage()
                            + "; fix or delete it (it holds only the watched folders and the sync policy)",
                    e);
        }
    }

    /** Writes the settings to {@code home}, atomically. */
    public void save(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        List<FolderForm> fs = folders.stream()
                .map(f -> new FolderForm(f.path().toString(), f.excludes(), f.paused() ? Boolean.TRUE : null))
                .toList();
        FileForm form = new FileForm(1, fs, policy == null ? null : PolicyForm.of(policy));
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(form), false);
        } catch (IOException e) {
            throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The policy in force: the user's, or the defaults for the repository's store. */
    public SyncPolicy effectivePolicy(Path home) throws SyncException {
        return policy != null ? policy : SyncPolicy.defaults(blobsCostWal(home));
    }

    /** Whether the repository in {@code home} stores on a Walrus network where every blob costs WAL. */
    static boolean blobsCostWal(Path home) throws SyncException {
        Optional<WalrusSettings> walrus = WalrusSettings.load(home);
        return walrus.isPresent() && !walrus.get().isLocal();
    }

    /** The folder at {@code path}, if it is watched. */
    public Optional<WatchedFolder> folder(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return folders.stream().filter(f -> f.path().equals(p)).findFirst();
    }

    /**
     * These settings with {@code folder} added, or its excludes replaced if it is already watched.
     *
     * @throws SyncException if the folder does not exist, or lies inside or around a folder already watched
     */
    public SyncSettings withFolder(WatchedFolder folder) throws SyncException {
        if (!Files.isDirectory(folder.path())) {
            throw new SyncException("cannot watch " + folder.path() + ": it is not a folder");
        }
        List<WatchedFolder> next = new ArrayList<>();
        boolean replaced = false;
        for (WatchedFolder f : folders) {
            if (f.path().equals(folder.path())) {
                next.add(folder);
                replaced = true;
            } else if (folder.path().startsWith(f.path()) || f.path().startsWith(folder.path())) {
                throw new SyncException("cannot watch " + folder.path() + ": it overlaps " + f.path()
                        + ", which is already watched; use excludes to leave parts of a folder out");
            } else {
                next.add(f);
            }
        }
        if (!replaced) {
            next.add(folder);
        }
        return new SyncSettings(next, policy);
    }

    /**
     * These settings with the folder at {@code path} changed by {@code change} (its excludes, its pause).
     *
     * @throws SyncException if the folder is not watched
     */
    public SyncSettings withFolderChanged(Path path, UnaryOperator<WatchedFolder> change) throws SyncException {
        Path p = path.toAbsolutePath().normalize();
        WatchedFolder folder = folder(p).orElseThrow(() -> new SyncException(p + " is not watched"));
        return withFolder(change.apply(folder));
    }

    /** These settings without the folder at {@code path}. */
    public SyncSettings withoutFolder(Path path) throws SyncException {
        Path p = path.toAbsolutePath().normalize();
        if (folder(p).isEmpty()) {
            throw new SyncException(p + " is not watched");
        }
        return new SyncSettings(
                folders.stream().filter(f -> !f.path().equals(p)).toList(), policy);
    }

    public SyncSettings withPolicy(@Nullable SyncPolicy p) {
        return new SyncSettings(folders, p);
    }

    private record FileForm(
            int version,
            @Nullable List<FolderForm> folders,
            @Nullable PolicyForm policy) {}

    /** {@code paused} is written only when true, so files without paused folders stay readable by 0.1 versions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record FolderForm(
            String path,
            @Nullable List<String> excludes,
            @Nullable Boolean paused) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record PolicyForm(
            String quietPeriod,
            String maxDelay,
            String packMaxAge,
            String rescanInterval,
            String schedule,
            long bandwidthLimit,
            boolean paused,
            @Nullable String resumeAt) {
        static PolicyForm of(SyncPolicy p) {
            return new PolicyForm(
                    Durations.format(p.quietPeriod()),
                    Durations.format(p.maxDelay()),
                    Durations.format(p.packMaxAge()),
                    Durations.format(p.rescanInterval()),
                    p.schedule().toString(),
                    p.bandwidthLimit(),
                    p.paused(),
                    p.resumeAt() == null ? null : p.resumeAt().toString());
        }

        SyncPolicy toPolicy() {
            return new SyncPolicy(
                    Durations.parse(quietPeriod),
                    Durations.parse(maxDelay),
                    Durations.parse(packMaxAge),
                    Durations.parse(rescanInterval),
                    SyncSchedule.parse(schedule),
                    bandwidthLimit,
                    paused,
                    resumeAt == null ? null : Instant.parse(resumeAt));
        }
    }
}
