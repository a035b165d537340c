package dev.walrussync.ui.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.ui.onboarding.RecoverySteps.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rebuild's steps as the screen sees them: in order, coalesced, with a skipped step shown as done. */
class RecoveryStepsTest {
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final List<RecoverySteps.Progress> shown = new ArrayList<>();
    private final RecoverySteps steps = new RecoverySteps(queued::add, shown::add);

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void manyReportsAreSentAsOneWithTheLatestState() {
        steps.blobsListed(120);
        for (int i = 1; i <= 100; i++) {
            steps.blobRead(i, 100);
        }
        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(shown).singleElement().satisfies(p -> {
            assertThat(p.steps())
                    .extracting(RecoverySteps.Step::state)
                    .containsExactly(State.DONE, State.DONE, State.RUNNING, State.WAITING);
            assertThat(p.steps().get(1).text()).isEqualTo("No index records to read");
            assertThat(p.steps().get(2).text()).isEqualTo("Reading the remaining pack headers: 100 of 100");
            assertThat(p.fraction()).isEqualTo(1.0);
        });

        steps.snapshotIndexed(1, 4);
        runQueued();
        assertThat(shown.getLast().fraction()).isEqualTo(0.25);
        assertThat(shown.getLast().steps().get(2).text()).isEqualTo("Read 100 remaining pack headers");
        assertThat(shown.getLast().steps().get(3).text()).isEqualTo("Rebuilding the index from the snapshots: 1 of 4");
    }

    @Test
    void beforeTheFirstReportTheFirstStepRunsWithoutAKnownEnd() {
        RecoverySteps.Progress p = steps.progress();
        assertThat(p.steps().getFirst())
                .isEqualTo(new RecoverySteps.Step(State.RUNNING, "Finding the backup and listing its blobs…"));
        assertThat(p.fraction()).isEqualTo(-1);
        steps.blobsListed(1);
        assertThat(steps.progress().steps().get(1).text()).isEqualTo("Reading the index records…");
        assertThat(steps.progress().steps().get(0).text()).isEqualTo("Listed the blobs: 1 found");
        steps.finish();
        runQueued();
        assertThat(shown.getLast().steps())
                .extracting(RecoverySteps.Step::state)
                .containsOnly(State.DONE);
        assertThat(shown.getLast().steps().get(3).text()).isEqualTo("No snapshots to index");
    }
}
