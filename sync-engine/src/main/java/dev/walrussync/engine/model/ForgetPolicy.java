package dev.walrussync.engine.model;

/**
 * Which snapshots {@code forget} keeps, as restic does: the newest {@code last} snapshots, and the
 * newest snapshot in each of the newest {@code hourly} hours, {@code daily} days, and so on. Zero
 * means the rule is off. Snapshots are grouped by host and paths, and each group keeps its own.
 */
public record ForgetPolicy(int last, int hourly, int daily, int weekly, int monthly, int yearly) {
    public ForgetPolicy {
        if (last < 0 || hourly < 0 || daily < 0 || weekly < 0 || monthly < 0 || yearly < 0) {
            throw new IllegalArgumentException("keep counts must not be negative");
        }
    }

    public boolean isEmpty() {
        return last + hourly + daily + weekly + monthly + yearly == 0;
    }
}
