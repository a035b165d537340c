package dev.walrussync.engine.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a folder's changes are due, under the policy's quiet period, pack age, full-pack rule and maximum delay. */
class ChangeBatchTest {
    /** 2 s quiet, packs wait 5 s, 1 minute at most: the defaults where blobs cost nothing. */
    private static final SyncPolicy POLICY = SyncPolicy.defaults(false);

    private static final long PACK = 10L << 20;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Path DIR = Path.of("/watched");

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void anEmptyBatchIsNeverDue() {
        ChangeBatch b = new ChangeBatch();
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.pendingChanges()).isZero();
        assertThat(b.dueAt(POLICY, PACK)).isNull();
    }

    @Test
    void aBurstOfSavesOfOneFileIsOneEntryWithItsLatestSize() {
        ChangeBatch b = new ChangeBatch();
        for (int i = 0; i < 50; i++) {
            b.changed(DIR.resolve("report.docx"), 1000 + i, at(i * 0.01));
        }
        assertThat(b.pendingChanges()).isEqualTo(1);
        ChangeBatch.Taken taken = b.take();
        assertThat(taken.changes()).isEqualTo(1);
        assertThat(taken.bytes()).as("the last size, not the sum of 50 saves").isEqualTo(1049);
        assertThat(taken.oldestChange()).isEqualTo(T0);
        assertThat(taken.fullScan()).isFalse();
    }

    @Test
    void smallChangesWaitForThePackAgeOnceTheFolderIsQuiet() {
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("a.txt"), 100, at(0));
        b.changed(DIR.resolve("b.txt"), 100, at(1));
        // Quiet from 3 s on, but a pack is far from full: the oldest change waits until it is 5 s old.
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(5));
    }

    @Test
    void aChangeLateInThePackAgeWaitsForItsQuietPeriod() {
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("a.txt"), 100, at(0));
        b.changed(DIR.resolve("b.txt"), 100, at(4.5));
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(6.5));
    }

    @Test
    void changesThatFillAPackAreDueAfterTheQuietPeriodAlone() {
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("video.mp4"), PACK - 1, at(0));
        assertThat(b.dueAt(POLICY, PACK)).as("one byte short of a pack").isEqualTo(at(5));
        b.changed(DIR.resolve("other.bin"), 1, at(1));
        assertThat(b.dueAt(POLICY, PACK)).as("a full pack").isEqualTo(at(3));
    }

    @Test
    void aFileThatShrinksCountsItsNewSize() {
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("log.txt"), PACK, at(0));
        b.changed(DIR.resolve("log.txt"), 10, at(1));
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(5));
        assertThat(b.take().bytes()).isEqualTo(10);
    }

    @Test
    void constantChangeIsBackedUpAtTheMaximumDelay() {
        ChangeBatch b = new ChangeBatch();
        // A change every second for three minutes: the folder is never quiet for 2 s.
        for (int s = 0; s <= 180; s++) {
            b.changed(DIR.resolve("busy-" + (s % 7) + ".log"), 10, at(s));
            Instant due = b.dueAt(POLICY, PACK);
            assertThat(due).isNotNull();
            assertThat(due).isBeforeOrEqualTo(T0.plus(POLICY.maxDelay()));
        }
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(b.pendingChanges()).isEqualTo(7);
    }

    @Test
    void aFullScanIsDueAtOnceAndOnlyTheFirstRequestCounts() {
        ChangeBatch b = new ChangeBatch();
        b.requestFullScan(at(10));
        b.requestFullScan(at(20));
        assertThat(b.isEmpty()).isFalse();
        assertThat(b.pendingChanges()).isZero();
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(10));
        b.changed(DIR.resolve("a.txt"), 1, at(11));
        assertThat(b.dueAt(POLICY, PACK))
                .as("the scan is due before the change would be")
                .isEqualTo(at(10));
        assertThat(b.take().fullScan()).isTrue();
        assertThat(b.isEmpty()).isTrue();
    }

    @Test
    void aFullScanRequestedLaterDoesNotDelayChangesThatAreDueEarlier() {
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("a.txt"), 1, at(0));
        b.requestFullScan(at(30));
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(5));
    }

    @Test
    void holdUntilDelaysEverythingAndTakeLiftsIt() {
        ChangeBatch b = new ChangeBatch();
        b.requestFullScan(at(0));
        b.changed(DIR.resolve("a.txt"), PACK, at(0));
        b.holdUntil(at(30));
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(30));
        b.take();
        b.changed(DIR.resolve("b.txt"), PACK, at(1));
        assertThat(b.dueAt(POLICY, PACK))
                .as("the hold ends with the run it held back")
                .isEqualTo(at(3));
    }

    @Test
    void aHoldInThePastChangesNothing() {
        ChangeBatch b = new ChangeBatch();
        b.holdUntil(at(1));
        b.changed(DIR.resolve("a.txt"), 1, at(2));
        assertThat(b.dueAt(POLICY, PACK)).isEqualTo(at(7));
    }

    @Test
    void takeEmptiesTheBatchAndLaterChangesStartANewOne() {
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("a.txt"), 5, at(0));
        b.changed(DIR.resolve("b.txt"), 7, at(1));
        ChangeBatch.Taken first = b.take();
        assertThat(first.changes()).isEqualTo(2);
        assertThat(first.bytes()).isEqualTo(12);
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.dueAt(POLICY, PACK)).isNull();

        b.changed(DIR.resolve("a.txt"), 5, at(100));
        assertThat(b.dueAt(POLICY, PACK))
                .as("timed from the new change, not the old one")
                .isEqualTo(at(105));
        assertThat(b.take().oldestChange()).isEqualTo(at(100));
    }

    @Test
    void beyondTheTrackedPathsChangesAreCountedNotListed() {
        ChangeBatch b = new ChangeBatch();
        int n = ChangeBatch.MAX_TRACKED_PATHS + 10;
        for (int i = 0; i < n; i++) {
            b.changed(DIR.resolve("f" + i), 1, at(0));
        }
        b.changed(DIR.resolve("f0"), 1, at(0)); // tracked: still one entry
        assertThat(b.pendingChanges()).isEqualTo(n);
        ChangeBatch.Taken t = b.take();
        assertThat(t.changes()).isEqualTo(n);
        assertThat(t.bytes()).isEqualTo(n);
    }

    @Test
    void aShortPolicyIsFollowedToo() {
        SyncPolicy quick = new SyncPolicy(
                Duration.ofMillis(300),
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                Duration.ofHours(1),
                SyncSchedule.CONTINUOUS,
                0,
                false);
        ChangeBatch b = new ChangeBatch();
        b.changed(DIR.resolve("a"), 1, at(0));
        assertThat(b.dueAt(quick, PACK)).isEqualTo(at(1));
        b.changed(DIR.resolve("a"), 1, at(0.9));
        assertThat(b.dueAt(quick, PACK)).isEqualTo(at(1.2));
    }
}
