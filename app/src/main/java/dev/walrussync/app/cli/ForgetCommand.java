package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ForgetPolicy;
import dev.walrussync.engine.model.PruneReport;
import dev.walrussync.engine.model.SnapshotInfo;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code forget}: removes snapshots by ID or by a keep policy. */
@Command(
        name = "forget",
        description = "Forget snapshots, by ID or by --keep-* rules (per host and paths). Data stays until 'prune'.")
final class ForgetCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SNAPSHOT", description = "Snapshot IDs to forget.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest snapshots.")
    int last;

    @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep the newest snapshot of each of N hours.")
    int hourly;

    @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest snapshot of each of N days.")
    int daily;

    @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest snapshot of each of N weeks.")
    int weekly;

    @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest snapshot of each of N months.")
    int monthly;

    @Option(names = "--keep-yearly", paramLabel = "N", description = "Keep the newest snapshot of each of N years.")
    int yearly;

    @Option(names = "--dry-run", description = "Only show what would be forgotten.")
    boolean dryRun;

    @Option(names = "--prune", description = "Run 'prune' afterwards.")
    boolean prune;

    @Override
    public Integer call() throws Exception {
        ForgetPolicy policy;
        try {
            policy = new ForgetPolicy(last, hourly, daily, weekly, monthly, yearly);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (policy.isEmpty() == ids.isEmpty()) {
            // A ParameterException makes picocli print the usage and exit with 2 (wrong usage).
            throw new ParameterException(
                    spec.commandLine(),
                    ids.isEmpty()
                            ? "name snapshots to forget, or give --keep-* rules"
                            : "give IDs or --keep-* rules, not both");
        }
        try (RepositorySession session = root.open(!dryRun)) {
            List<SnapshotInfo> remove = new ArrayList<>();
            if (policy.isEmpty()) {
                for (String id : ids) {
                    remove.add(session.snapshot(id));
                }
            } else {
                remove.addAll(session.forgetPlan(policy, ZoneId.systemDefault()));
            }
            List<ChunkId> removeIds =
                    remove.stream().map(SnapshotInfo::id).distinct().toList();
            PruneReport pruned = null;
            if (!dryRun) {
                session.forget(removeIds);
                if (prune) {
                    pruned = session.prune((d, t) -> {});
                }
            }
            if (root.json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("dryRun", dryRun);
                out.put("forgotten", remove);
                out.put("prune", pruned);
                root.console().json(out);
            } else {
                Console c = root.console();
                for (SnapshotInfo s : remove) {
                    c.println((dryRun ? "would forget " : "forgot ") + s.id().shortHex() + "  " + s.time() + "  "
                            + String.join(", ", s.paths()));
                }
                c.println((dryRun ? "Would forget " : "Forgot ") + removeIds.size() + " snapshot(s)"
                        + (removeIds.isEmpty() || dryRun || prune
                                ? ""
                                : "; run 'walrus-sync prune' to free their space"));
                if (pruned != null) {
                    PruneCommand.print(c, pruned);
                }
            }
        }
        return ExitCode.OK;
    }
}
