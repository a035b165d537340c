package dev.walrussync.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ForgetPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Forget#plan} keeps what restic's rules keep, per host and paths. */
class ForgetPlanTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static SnapshotRow row(String time) {
        return row(time, "laptop", "[\"/home/ada\"]");
    }

    private static SnapshotRow row(String time, String host, String pathsJson) {
        try {
            byte[] id = MessageDigest.getInstance("SHA-256")
                    .digest((time + host + pathsJson).getBytes(StandardCharsets.UTF_8));
            return new SnapshotRow(
                    ChunkId.of(id),
                    Instant.parse(time),
                    host,
                    "ada",
                    pathsJson,
                    "[]",
                    ChunkId.of(new byte[32]),
                    Optional.empty(),
                    1,
                    1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The snapshots in time order, as the index lists them. */
    private static List<SnapshotRow> rows(String... times) {
        List<SnapshotRow> out = new ArrayList<>();
        for (String t : times) {
            out.add(row(t));
        }
        out.sort(Comparator.comparing(SnapshotRow::time));
        return out;
    }

    private static List<String> kept(List<SnapshotRow> snapshots, ForgetPolicy policy, ZoneId zone) {
        Forget.Plan plan = Forget.plan(snapshots, policy, zone);
        assertThat(plan.keep().size() + plan.remove().size()).isEqualTo(snapshots.size());
        List<SnapshotRow> all = new ArrayList<>(plan.keep());
        all.addAll(plan.remove());
        assertThat(all).containsExactlyInAnyOrderElementsOf(snapshots);
        return plan.keep().stream().map(s -> s.time().toString()).toList();
    }

    private static ForgetPolicy last(int n) {
        return new ForgetPolicy(n, 0, 0, 0, 0, 0);
    }

    private static ForgetPolicy daily(int n) {
        return new ForgetPolicy(0, 0, n, 0, 0, 0);
    }

    private static ForgetPolicy weekly(int n) {
        return new ForgetPolicy(0, 0, 0, n, 0, 0);
    }

    private static ForgetPolicy monthly(int n) {
        return new ForgetPolicy(0, 0, 0, 0, n, 0);
    }

    @Test
    void keepLastKeepsTheNewestSnapshots() {
        List<SnapshotRow> s =
                rows("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z");

        assertThat(kept(s, last(2), UTC)).containsExactly("2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z");
    }

    @Test
    void keepDailyKeepsTheNewestSnapshotOfEachOfTheNewestDays() {
        List<SnapshotRow> s = rows(
                "2026-03-01T08:00:00Z",
                "2026-03-01T20:00:00Z",
                "2026-03-02T09:00:00Z",
                "2026-03-04T07:00:00Z",
                "2026-03-04T12:00:00Z",
                "2026-03-04T23:59:59Z",
                "2026-03-05T00:00:00Z");

        assertThat(kept(s, daily(3), UTC))
                .containsExactly("2026-03-02T09:00:00Z", "2026-03-04T23:59:59Z", "2026-03-05T00:00:00Z");
    }

    @Test
    void keepDailyCountsDaysThatHaveSnapshotsNotCalendarDays() {
        List<SnapshotRow> s = rows("2026-01-01T10:00:00Z", "2026-02-01T10:00:00Z", "2026-03-01T10:00:00Z");

        assertThat(kept(s, daily(2), UTC)).containsExactly("2026-02-01T10:00:00Z", "2026-03-01T10:00:00Z");
    }

    @Test
    void keepWeeklyUsesIsoWeeks() {
        // 2026-01-04 is a Sunday and 2026-01-05 a Monday: different ISO weeks.
        List<SnapshotRow> s = rows(
                "2025-12-29T10:00:00Z",
                "2026-01-02T10:00:00Z",
                "2026-01-04T10:00:00Z",
                "2026-01-05T10:00:00Z",
                "2026-01-09T10:00:00Z",
                "2026-01-12T10:00:00Z");

        assertThat(kept(s, weekly(2), UTC)).containsExactly("2026-01-09T10:00:00Z", "2026-01-12T10:00:00Z");
        assertThat(kept(s, weekly(3), UTC))
                .containsExactly("2026-01-04T10:00:00Z", "2026-01-09T10:00:00Z", "2026-01-12T10:00:00Z");
    }

    @Test
    void keepMonthlyKeepsTheNewestSnapshotOfEachMonth() {
        List<SnapshotRow> s = rows(
                "2025-11-15T10:00:00Z",
                "2025-12-01T10:00:00Z",
                "2025-12-31T10:00:00Z",
                "2026-01-10T10:00:00Z",
                "2026-01-20T10:00:00Z",
                "2026-02-01T10:00:00Z");

        assertThat(kept(s, monthly(3), UTC))
                .containsExactly("2025-12-31T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-01T10:00:00Z");
    }

    @Test
    void rulesCombineAsAUnion() {
        List<SnapshotRow> s = new ArrayList<>();
        // Two snapshots a day, at 06:00 and 18:00, for the 90 days from 2026-01-01.
        Instant start = Instant.parse("2026-01-01T06:00:00Z");
        for (int half = 0; half < 180; half++) {
            s.add(row(start.plusSeconds(half * 12L * 3600).toString()));
        }

        List<String> keep = kept(s, new ForgetPolicy(0, 0, 7, 4, 3, 0), UTC);

        // Daily: the evening snapshots of the last 7 days (2026-03-25 .. 2026-03-31).
        List<String> expected = new ArrayList<>();
        for (int day = 25; day <= 31; day++) {
            expected.add("2026-03-" + day + "T18:00:00Z");
        }
        // Weekly: the newest of ISO weeks 14 .. 11; weeks 14 (03-31) and 13 (Sunday 03-29) are
        // covered by daily, which leaves Sundays 03-22 and 03-15.
        expected.add("2026-03-15T18:00:00Z");
        expected.add("2026-03-22T18:00:00Z");
        // Monthly: the last of January and February (March's is covered).
        expected.add("2026-01-31T18:00:00Z");
        expected.add("2026-02-28T18:00:00Z");
        assertThat(keep).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(keep).isSorted();
    }

    @Test
    void eachHostAndPathsGroupKeepsItsOwn() {
        List<SnapshotRow> s = new ArrayList<>(List.of(
                row("2026-01-01T10:00:00Z", "laptop", "[\"/home/ada\"]"),
                row("2026-01-02T10:00:00Z", "laptop", "[\"/home/ada\"]"),
                row("2026-01-03T10:00:00Z", "desktop", "[\"/home/ada\"]"),
                row("2026-01-04T10:00:00Z", "laptop", "[\"/srv\"]"),
                row("2026-01-05T10:00:00Z", "desktop", "[\"/home/ada\"]")));

        Forget.Plan plan = Forget.plan(s, last(1), UTC);

        assertThat(plan.keep())
                .extracting(r -> r.time().toString())
                .containsExactly("2026-01-02T10:00:00Z", "2026-01-04T10:00:00Z", "2026-01-05T10:00:00Z");
        assertThat(plan.remove())
                .extracting(r -> r.time().toString())
                .containsExactly("2026-01-01T10:00:00Z", "2026-01-03T10:00:00Z");
    }

    @Test
    void daysAreCountedInTheGivenTimeZone() {
        List<SnapshotRow> s = rows("2026-06-01T20:00:00Z", "2026-06-01T23:00:00Z");

        assertThat(kept(s, daily(5), UTC)).containsExactly("2026-06-01T23:00:00Z");
        // In UTC+2 the second snapshot falls on 2026-06-02: two days, both kept.
        assertThat(kept(s, daily(5), ZoneOffset.ofHours(2)))
                .containsExactly("2026-06-01T20:00:00Z", "2026-06-01T23:00:00Z");
    }

    @Test
    void aPolicyThatAsksForMoreThanThereIsKeepsEverything() {
        List<SnapshotRow> s = rows("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z");

        assertThat(kept(s, new ForgetPolicy(10, 10, 10, 10, 10, 10), UTC)).hasSize(2);
    }

    @Test
    void anEmptyPolicyIsRefusedRatherThanForgettingEverything() {
        List<SnapshotRow> s = rows("2026-01-01T10:00:00Z");

        assertThatThrownBy(() -> Forget.plan(s, new ForgetPolicy(0, 0, 0, 0, 0, 0), UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no keep rule");
        assertThatThrownBy(() -> new ForgetPolicy(-1, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removedSnapshotsAreListedOldestFirst() {
        List<SnapshotRow> s =
                rows("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z");

        assertThat(Forget.plan(s, last(1), UTC).remove())
                .extracting(r -> r.time().toString())
                .containsExactly("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z");
    }
}
