package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.EpochTiming;
import dev.walrussync.engine.model.RenewalPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code policy}: shows the renewal policy, and changes the settings given. */
@Command(
        name = "policy",
        description = "Show or change how storage is renewed: the look-ahead, the length of each extension, a WAL"
                + " reserve that is never spent, a monthly budget, and how often the tray app and the watch daemon"
                + " renew. Options left out keep their value; 'default' resets one.")
final class PolicyCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Option(
            names = "--look-ahead",
            paramLabel = "EPOCHS",
            description = "Renew blobs ending within this many epochs. It must exceed the longest time this"
                    + " machine may be off. Default: 30 days' worth, at least 2.")
    String lookAhead;

    @Option(
            names = "--extend-by",
            paramLabel = "EPOCHS",
            description = "Epochs each extension buys. Default: 90 days' worth, more than the look-ahead.")
    String extendBy;

    @Option(names = "--reserve", paramLabel = "WAL", description = "WAL renewal never spends. Default: 0.")
    String reserve;

    @Option(
            names = "--monthly-budget",
            paramLabel = "WAL",
            description = "The most WAL renewal spends in any 30 days, or 'none'. Default: none.")
    String budget;

    @Option(
            names = "--interval",
            paramLabel = "MINUTES",
            description = "Minutes between renewal passes in the tray app and the watch daemon. Default: 60.")
    String interval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean change = lookAhead != null || extendBy != null || reserve != null || budget != null || interval != null;
        try {
            // Bad values are refused before the passphrase is asked for.
            withChanges(RenewalPolicy.DEFAULTS);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (RepositorySession session = root.open(false)) {
            RenewalPolicy p = session.renewalPolicy();
            if (change) {
                p = withChanges(p);
                session.setRenewalPolicy(p);
            }
            EpochTiming s = session.epochTiming();
            Map<String, Object> effective = new LinkedHashMap<>();
            effective.put("lookAheadEpochs", p.lookAhead(s.epochDuration(), s.maxEpochsAhead()));
            effective.put("extendEpochs", p.extendBy(s.epochDuration(), s.maxEpochsAhead()));
            effective.put("reserveFrost", p.reserve());
            effective.put("monthlyBudgetFrost", p.monthlyBudgetFrost());
            effective.put("intervalMinutes", p.interval().toMinutes());
            effective.put("epochDurationSeconds", s.epochDuration().toSeconds());
            if (root.json()) {
                root.console().json(effective);
                return ExitCode.OK;
            }
            Console c = root.console();
            String epoch = Format.duration(s.epochDuration().toSeconds());
            c.println("Look-ahead:     " + p.lookAhead(s.epochDuration(), s.maxEpochsAhead()) + " epoch(s) of "
                    + epoch
                    + (p.lookAheadEpochs() == null ? " (default)" : ""));
            c.println("Extend by:      " + p.extendBy(s.epochDuration(), s.maxEpochsAhead()) + " epoch(s) (never past "
                    + s.maxEpochsAhead() + " epochs ahead)" + (p.extendEpochs() == null ? " (default)" : ""));
            c.println("Reserve:        " + Format.wal(p.reserve()) + (p.reserveFrost() == null ? " (default)" : ""));
            c.println("Monthly budget: "
                    + (p.monthlyBudgetFrost() == null ? "none (default)" : Format.wal(p.monthlyBudgetFrost())));
            c.println("Interval:       every " + p.interval().toMinutes() + " minute(s)"
                    + (p.intervalMinutes() == null ? " (default)" : ""));
        }
        return ExitCode.OK;
    }

    /** The policy with the options given applied. */
    private RenewalPolicy withChanges(RenewalPolicy p) {
        return new RenewalPolicy(
                lookAhead == null ? p.lookAheadEpochs() : positive(lookAhead, "--look-ahead"),
                extendBy == null ? p.extendEpochs() : positive(extendBy, "--extend-by"),
                reserve == null ? p.reserveFrost() : wal(reserve),
                budget == null ? p.monthlyBudgetFrost() : wal(budget),
                interval == null ? p.intervalMinutes() : positive(interval, "--interval"));
    }

    private static Integer positive(String text, String option) {
        if (text.equalsIgnoreCase("default")) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " takes a whole number of at least 1, or 'default', not '" + text + "'");
        }
    }

    private static Long wal(String text) {
        if (text.equalsIgnoreCase("default") || text.equalsIgnoreCase("none")) {
            return null;
        }
        return Format.parseWal(text);
    }
}
