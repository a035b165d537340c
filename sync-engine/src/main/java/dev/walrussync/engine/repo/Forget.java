package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.internal.Times;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.ForgetPolicy;
import dev.walrussync.engine.model.SyncException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Forgets snapshots: by a keep policy (restic's rules) or by ID. A tombstone naming them is stored
 * first, then they leave the index; their data stays until {@code prune}.
 */
public final class Forget {
    private final Repository repo;

    public Forget(Repository repo) {
        this.repo = repo;
    }

    /** Which snapshots a policy keeps and which it removes, oldest first. */
    public record Plan(List<SnapshotRow> keep, List<SnapshotRow> remove) {}

    /** Applies a policy to every group of snapshots with the same host and paths. */
    public static Plan plan(List<SnapshotRow> snapshots, ForgetPolicy policy, ZoneId zone) {
        if (policy.isEmpty()) {
            throw new IllegalArgumentException("no keep rule given: forget would remove every snapshot");
        }
        Map<String, List<SnapshotRow>> groups = new LinkedHashMap<>();
        for (SnapshotRow s : snapshots) {
            groups.computeIfAbsent(s.host() + "\u0000" + s.pathsJson(), k -> new ArrayList<>())
                    .add(s);
        }
        Set<ChunkId> keep = new HashSet<>();
        for (List<SnapshotRow> group : groups.values()) {
            List<SnapshotRow> newestFirst = new ArrayList<>(group);
            newestFirst.sort(Comparator.comparing(SnapshotRow::time).reversed());
            for (int i = 0; i < Math.min(policy.last(), newestFirst.size()); i++) {
                keep.add(newestFirst.get(i).id());
            }
            keepBuckets(
                    newestFirst,
                    policy.hourly(),
                    t -> t.getYear() + "-" + t.getDayOfYear() + "-" + t.getHour(),
                    zone,
                    keep);
            keepBuckets(newestFirst, policy.daily(), t -> t.getYear() + "-" + t.getDayOfYear(), zone, keep);
            keepBuckets(
                    newestFirst,
                    policy.weekly(),
                    t -> t.get(IsoFields.WEEK_BASED_YEAR) + "-" + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    zone,
                    keep);
            keepBuckets(newestFirst, policy.monthly(), t -> t.getYear() + "-" + t.getMonthValue(), zone, keep);
            keepBuckets(newestFirst, policy.yearly(), t -> String.valueOf(t.getYear()), zone, keep);
        }
        List<SnapshotRow> kept = new ArrayList<>();
        List<SnapshotRow> removed = new ArrayList<>();
        for (SnapshotRow s : snapshots) {
            (keep.contains(s.id()) ? kept : removed).add(s);
        }
        return new Plan(kept, removed);
    }

    /** Keeps the newest snapshot of each of the newest {@code count} buckets. */
    private static void keepBuckets(
            List<SnapshotRow> newestFirst,
            int count,
            Function<ZonedDateTime, String> bucketOf,
            ZoneId zone,
            Set<ChunkId> keep) {
        String last = null;
        int buckets = 0;
        for (SnapshotRow s : newestFirst) {
            if (buckets >= count) {
                return;
            }
            String bucket = bucketOf.apply(s.time().atZone(zone));
            if (!bucket.equals(last)) {
                keep.add(s.id());
                last = bucket;
                buckets++;
            }
        }
    }

    /** Stores a tombstone for the given snapshots, then removes them from the index. */
    public void forget(List<ChunkId> snapshots) throws SyncException {
        if (snapshots.isEmpty()) {
            return;
        }
        List<String> hex = new ArrayList<>();
        for (ChunkId id : snapshots) {
            hex.add(id.hex());
        }
        TombstoneRecord record =
                new TombstoneRecord(1, Times.format(repo.clock().instant()), hex);
        try (Packer packer = repo.newPacker(false)) {
            Set<ChunkId> claimed = ConcurrentHashMap.newKeySet();
            ChunkId tombstone = repo.storeRecord(ChunkType.TOMBSTONE, record, packer, claimed);
            repo.finishRun(packer, claimed);
            repo.index().forgetSnapshots(snapshots, tombstone);
        }
    }
}
