package dev.walrussync.ui.settings;

import dev.walrussync.engine.model.SyncSchedule;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** The schedules the settings offer by name, and {@link #CUSTOM} for any other the engine reads. */
public enum ScheduleChoice {
    CONTINUOUS("As soon as files change", "continuous"),
    HOURLY("At most once an hour", "every 1h"),
    EVERY_4_HOURS("At most every 4 hours", "every 4h"),
    DAILY("Once a day", "every 1d"),
    NIGHTS("Only at night (22:00 to 06:00)", "nights"),
    CUSTOM("Custom…", null);

    private final String label;
    private final @Nullable SyncSchedule schedule;

    ScheduleChoice(String label, @Nullable String text) {
        this.label = label;
        this.schedule = text == null ? null : SyncSchedule.parse(text);
    }

    /** The schedule this choice stands for; null for {@link #CUSTOM}. */
    public @Nullable SyncSchedule schedule() {
        return schedule;
    }

    /** The named choice for {@code s}, or {@link #CUSTOM}. */
    public static ScheduleChoice of(SyncSchedule s) {
        return Arrays.stream(values())
                .filter(c -> s.equals(c.schedule))
                .findFirst()
                .orElse(CUSTOM);
    }

    @Override
    public String toString() {
        return label;
    }
}
