package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.Main;
import dev.walrussync.app.daemon.DaemonClient;
import dev.walrussync.app.daemon.DaemonReply;
import dev.walrussync.app.daemon.DaemonRequest;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code walrus-sync watch} as the user runs it: a separate OS process with the embedded local Walrus network in it
 * and its state in the app home, talked to over its Unix socket by the command line. Killed with SIGKILL in the
 * middle of a backup and started again, it catches up; a second daemon on the same home is refused; the command
 * line shows its per-folder state while it runs.
 */
class WatchDaemonIT {
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    /** How long a folder must stay caught up before it counts as such. */
    private static final Duration SETTLED = Duration.ofMillis(1500);

    @TempDir
    Path tmp;

    private final java.util.List<Process> started = new java.util.ArrayList<>();

    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OK);
        return r;
    }

    @Test
    void aDaemonKilledMidBackupCatchesUpWhenStartedAgain() throws Exception {
        Repositories engine = new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
        CliHarness cli = new CliHarness(tmp.resolve("home"), engine);
        Path home = cli.home;
        Path source = tmp.resolve("source");
        Trees.writeString(source.resolve("notes/a.txt"), "alpha\n");
        Trees.writeString(source.resolve("notes/b.txt"), "beta\n");
        Trees.writeRandom(source.resolve("photos/cat.jpg"), 1, 300_000);

        // 1 MiB packs uploaded at 2 MiB/s: a 24 MiB file keeps the daemon uploading for a dozen seconds.
        ok(cli.run("init", "--pack-size", "1MiB"));
        ok(cli.run("folders", "add", source.toString()));
        ok(cli.run(
                "sync-policy",
                "--quiet-period",
                "300ms",
                "--pack-age",
                "1s",
                "--max-delay",
                "5s",
                "--bandwidth",
                "2MiB"));

        Process first = startWatch(home, "first.log");
        FolderStatus initial = awaitFolder(home, source, first, SETTLED, f -> caughtUp(f, Instant.EPOCH));

        // The command line shows the running daemon's state per folder, as text and as JSON.
        CliHarness.Result status = ok(cli.run("status"));
        assertThat(status.out())
                .contains("Watch daemon:   running (process " + first.pid() + "), active")
                .contains("  " + source + ": idle; last snapshot " + initial.lastSnapshotId());
        JsonNode json = ok(cli.run("status", "--json")).json();
        assertThat(json.get("pid").asLong()).isEqualTo(first.pid());
        JsonNode folder = json.get("sync").get("folders").get(0);
        assertThat(folder.get("path").asText()).isEqualTo(source.toString());
        assertThat(folder.get("state").asText()).isEqualTo("IDLE");

        // Pausing for a while, and one folder, through the running daemon.
        assertThat(ok(cli.run("watch", "pause", "--for", "1h")).out()).contains("Paused for 1h");
        JsonNode paused = ok(cli.run("status", "--json")).json().get("sync");
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(Instant.parse(paused.get("policy").get("resumeAt").asText()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(59)),
                        Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(ok(cli.run("status")).out())
                .contains("running (process " + first.pid() + "), PAUSED until "
                        + paused.get("policy").get("resumeAt").asText());
        CliHarness.Result nonsense = cli.run("watch", "pause", "--for", "soon");
        assertThat(nonsense.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(nonsense.err()).contains("--for soon");
        ok(cli.run("watch", "resume"));
        assertThat(ok(cli.run("status", "--json"))
                        .json()
                        .get("sync")
                        .get("paused")
                        .asBoolean())
                .isFalse();
        ok(cli.run("folders", "pause", source.toString()));
        awaitFolder(home, source, first, Duration.ZERO, f -> f.state() == FolderState.PAUSED);
        assertThat(ok(cli.run("folders", "list")).out()).contains(source + "  PAUSED");
        ok(cli.run("folders", "resume", source.toString()));
        awaitFolder(home, source, first, Duration.ZERO, f -> f.state() == FolderState.IDLE);

        // One daemon per app home: a second is refused, saying which process runs; other commands refuse too.
        Process second = startWatch(home, "second.log");
        assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(ExitCode.FAILED);
        assertThat(tmp.resolve("second.log"))
                .content()
                .contains("error: Walrus Sync is already watching folders for " + home + " (process " + first.pid()
                        + "); only one daemon or tray app runs per app home");
        assertThat(first.isAlive()).isTrue();
        CliHarness.Result backup = cli.run("backup", source.toString());
        assertThat(backup.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(backup.err()).contains("the watch daemon (process " + first.pid() + ") is using " + home);

        // A large change; the daemon is killed once a few of its packs are stored.
        Trees.writeRandom(source.resolve("video/holiday.mp4"), 2, 24 << 20);
        Trees.writeString(source.resolve("notes/c.txt"), "gamma\n");
        int packsBefore = packsIn(home);
        awaitFolder(home, source, first, Duration.ZERO, f -> f.state() == FolderState.UPLOADING);
        await("three packs of the large file in the index", () -> packsIn(home) >= packsBefore + 3);
        assertThat(folderOf(DaemonClient.send(home, DaemonRequest.of("status")), source)
                        .state())
                .as("still backing up when killed")
                .isEqualTo(FolderState.UPLOADING);
        first.destroyForcibly();
        assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(DaemonClient.send(home, DaemonRequest.of("status")))
                .as("the socket the killed daemon left answers nobody")
                .isEmpty();

        // Changes while no daemon runs.
        Trees.writeString(source.resolve("notes/a.txt"), "alpha, edited while no daemon ran\n");
        Files.delete(source.resolve("notes/b.txt"));
        Trees.writeRandom(source.resolve("photos/dog.jpg"), 3, 200_000);
        Instant lastChange = Instant.now();

        Process third = startWatch(home, "third.log");
        awaitFolder(home, source, third, SETTLED, f -> caughtUp(f, lastChange));
        ok(cli.run("watch", "stop"));
        assertThat(third.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(third.exitValue()).isEqualTo(ExitCode.OK);

        Path target = Files.createDirectories(tmp.resolve("restored"));
        ok(cli.run("restore", "latest", "--target", target.toString()));
        TreeAssert.assertSameTree(source, target.resolve("source"));
        try (Connection db = index(home);
                Statement s = db.createStatement();
                ResultSet inPacks = s.executeQuery("SELECT SUM(chunk_count) FROM packs")) {
            inPacks.next();
            long counted = inPacks.getLong(1);
            try (ResultSet distinct = s.executeQuery("SELECT COUNT(*) FROM chunks")) {
                distinct.next();
                assertThat(counted)
                        .as("chunks stored, counted pack by pack: none was stored again after the kill")
                        .isEqualTo(distinct.getLong(1));
            }
        }
    }

    /** Caught up with every change made before {@code lastChange}: idle, nothing waiting, a snapshot after it. */
    private static boolean caughtUp(FolderStatus f, Instant lastChange) {
        return f.state() == FolderState.IDLE
                && f.pendingChanges() == 0
                && f.deferred() == 0
                && f.nextRun() == null
                && f.lastError() == null
                && f.lastSnapshotAt() != null
                && f.lastSnapshotAt().isAfter(lastChange);
    }

    /**
     * Polls the daemon over its socket until {@code folder}'s status meets {@code condition} and, if {@code settle}
     * is not zero, keeps meeting it that long (so that a change still on its way to the watcher is seen); fails if
     * the daemon process ends.
     */
    private FolderStatus awaitFolder(
            Path home, Path folder, Process daemon, Duration settle, Predicate<FolderStatus> condition)
            throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant metSince = null;
        while (true) {
            assertThat(daemon.isAlive())
                    .as("the daemon runs; its log:\n%s", logOf(daemon))
                    .isTrue();
            FolderStatus f = folderOf(DaemonClient.send(home, DaemonRequest.of("status")), folder);
            Instant now = Instant.now();
            if (f == null || !condition.test(f)) {
                metSince = null;
            } else if (metSince == null) {
                metSince = now;
            }
            if (metSince != null && !metSince.plus(settle).isAfter(now)) {
                return f;
            }
            if (now.isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + folder + "; last status " + f + "\n" + logOf(daemon));
            }
            Thread.sleep(100);
        }
    }

    private static @Nullable FolderStatus folderOf(Optional<DaemonReply> reply, Path folder) {
        if (reply.isEmpty() || reply.get().sync() == null) {
            return null;
        }
        return reply.get().sync().folders().stream()
                .filter(f -> f.path().equals(folder.toString()))
                .findFirst()
                .orElse(null);
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The index of the app home, opened beside the daemon (SQLite's write-ahead log lets readers in). */
    private static Connection index(Path home) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("index.db"));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
        }
        return c;
    }

    private static int packsIn(Path home) throws Exception {
        try (Connection db = index(home);
                Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM packs")) {
            r.next();
            return r.getInt(1);
        }
    }

    private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

    private String logOf(Process p) {
        try {
            return Files.readString(logs.get(p));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    /** {@code walrus-sync watch} in a new JVM on this test's class path, as a user would start it. */
    private Process startWatch(Path home, String logName) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = Stream.of(
                        java,
                        "-Xmx512m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "watch",
                        "--log-format",
                        "text")
                .toList();
        Path log = tmp.resolve(logName);
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("WALRUS_SYNC_HOME", home.toString());
        pb.environment().put("WALRUS_SYNC_PASSWORD", TestRepositories.PASSPHRASE);
        Process p = pb.start();
        started.add(p);
        logs.put(p, log);
        return p;
    }
}
