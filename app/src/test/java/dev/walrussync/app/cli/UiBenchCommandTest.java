package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.cli.CliHarness.Result;
import dev.walrussync.app.desktop.Desktop;
import dev.walrussync.engine.testing.TestRepositories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench-ui}'s options and its arithmetic: no windows are opened and nothing is timed here. */
class UiBenchCommandTest {
    private static final long MS = 1_000_000;

    @TempDir
    Path tmp;

    private static UiBenchCommand parse(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cli =
                WalrusSyncCommand.commandLine(new Console(sink, sink, false), Map.of(), TestRepositories.engine());
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (UiBenchCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void optionsDefaultToFiveLaunchesAHundredThousandFilesAndAHundredMillisecondStalls() {
        UiBenchCommand c = parse("bench-ui", "--work", "/tmp/w");

        assertThat(c.work).isEqualTo(Path.of("/tmp/w"));
        assertThat(c.runs).isEqualTo(5);
        assertThat(c.files).isEqualTo(100_000);
        assertThat(c.stallMillis).isEqualTo(100);
        assertThat(c.launcher).isNull();
        assertThat(c.skipLaunch).isFalse();
        assertThat(c.skipStalls).isFalse();
    }

    @Test
    void optionsAreRead() {
        UiBenchCommand c = parse(
                "bench-ui",
                "--work",
                "w",
                "--runs",
                "3",
                "--files",
                "2000",
                "--stall-ms",
                "50",
                "--launcher",
                "/opt/ws/walrus-sync",
                "--skip-stalls");

        assertThat(c.runs).isEqualTo(3);
        assertThat(c.files).isEqualTo(2000);
        assertThat(c.stallMillis).isEqualTo(50);
        assertThat(c.skipStalls).isTrue();
        assertThat(c.skipLaunch).isFalse();
        assertThat(c.launchCommand()).containsExactly("/opt/ws/walrus-sync");
    }

    @Test
    void withoutALauncherOrAJarTheAppIsStartedWithThisJvmAndClassPath() {
        // In the tests the classes come from target/classes, not from a jar beside the walrus-sync script.
        List<String> command = parse("bench-ui", "--work", "w").launchCommand();

        assertThat(command.getFirst()).endsWith("java");
        assertThat(command).contains("-cp", System.getProperty("java.class.path"));
        assertThat(command.getLast()).isEqualTo("dev.walrussync.app.Main");
    }

    @Test
    void wrongValuesAreUsageErrors() {
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        String work = tmp.resolve("work").toString();

        Result noRuns = cli.run("bench-ui", "--work", work, "--runs", "0");
        Result noFiles = cli.run("bench-ui", "--work", work, "--files", "-1");
        Result nothing = cli.run("bench-ui", "--work", work, "--skip-launch", "--skip-stalls");

        assertThat(noRuns.exit()).as("%s", noRuns).isEqualTo(ExitCode.USAGE);
        assertThat(noRuns.err()).contains("--runs must be at least 1, not 0");
        assertThat(noFiles.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noFiles.err()).contains("--files must be at least 1, not -1");
        assertThat(nothing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.err()).contains("nothing to measure");
        assertThat(tmp.resolve("work")).doesNotExist();
    }

    @Test
    void withoutADisplayItSaysHowToGetOne() {
        // The harness's environment names no DISPLAY (and the tests run with java.awt.headless=true).
        Result r = new CliHarness(tmp.resolve("home"))
                .run("bench-ui", "--work", tmp.resolve("work").toString());

        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("needs a display", "xvfb-run -a");
    }

    @Test
    void statsGiveCountMaximumNearestRankPercentileAndStallsOverAThreshold() {
        StallStats s = new StallStats();
        // 1 ms to 1000 ms, shuffled, past the initial capacity.
        for (int i = 0; i < 1000; i++) {
            s.record(((i * 7919L) % 1000 + 1) * MS);
        }

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.maxNanos()).isEqualTo(1000 * MS);
        assertThat(s.percentileNanos(99)).isEqualTo(990 * MS);
        assertThat(s.percentileNanos(50)).isEqualTo(500 * MS);
        assertThat(s.percentileNanos(100)).isEqualTo(1000 * MS);
        assertThat(s.percentileNanos(0.01)).isEqualTo(1 * MS);
        assertThat(s.countOver(100 * MS)).isEqualTo(900);
        assertThat(s.countOver(1000 * MS)).isZero();
    }

    @Test
    void aFewStallsAmongManyHeartbeatsDoNotMoveTheNinetyNinthPercentile() {
        StallStats s = new StallStats();
        for (int i = 0; i < 997; i++) {
            s.record(2 * MS);
        }
        s.record(150 * MS);
        s.record(400 * MS);
        s.record(120 * MS);

        assertThat(s.percentileNanos(99)).isEqualTo(2 * MS);
        assertThat(s.maxNanos()).isEqualTo(400 * MS);
        assertThat(s.countOver(100 * MS)).isEqualTo(3);
        assertThat(s.countOver(250 * MS)).isEqualTo(1);
    }

    @Test
    void emptyStatsAreZeroAndPercentilesOutsideTheRangeAreRefused() {
        StallStats s = new StallStats();

        assertThat(s.maxNanos()).isZero();
        assertThat(s.percentileNanos(99)).isZero();
        assertThat(s.countOver(0)).isZero();
        assertThatThrownBy(() -> s.percentileNanos(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.percentileNanos(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPhasesFiguresAreKeyedByItsNameAndNameWhereTheLongestStallWas() {
        StallStats beats = new StallStats();
        for (long ms : new long[] {10, 12, 11, 300, 15, 130}) {
            beats.record(ms * MS);
        }
        StallStats frames = new StallStats();
        for (long ms : new long[] {17, 17, 310, 16, 140, 17}) {
            frames.record(ms * MS);
        }
        StackTraceElement ours = new StackTraceElement(
                "dev.walrussync.ui.restore.RestoreViewModel", "lambda$open$3", "RestoreViewModel.java", 214);
        StackTraceElement[] inOurs = {
            new StackTraceElement("java.lang.String", "substring", "String.java", 2800),
            ours,
            new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "_runLoop", null, -2)
        };
        FxResponsiveness.Stall longest =
                new FxResponsiveness.Stall(300 * MS, 280 * MS, List.of(inOurs, inOurs, new StackTraceElement[] {
                    new StackTraceElement("javafx.scene.Parent", "layout", "Parent.java", 1208)
                }));
        FxResponsiveness.Phase phase = new FxResponsiveness.Phase(
                "restore",
                Duration.ofSeconds(2).toNanos(),
                beats,
                frames,
                List.of(longest, new FxResponsiveness.Stall(130 * MS, -1, List.of())),
                1.5,
                0.25);

        Map<String, Object> f = UiBenchCommand.figures(phase, Duration.ofMillis(100));

        assertThat(f)
                .containsEntry("restoreSeconds", 2.0)
                .containsEntry("restoreCoresBusyHere", 1.5)
                .containsEntry("restoreCoresBusyElsewhere", 0.25)
                .containsEntry("restoreHeartbeats", 6)
                .containsEntry("restoreLongestStallMs", 300.0)
                .containsEntry("restoreP99StallMs", 300.0)
                .containsEntry("restoreStallsOver100Ms", 2)
                .containsEntry("restoreLongestFrameGapMs", 310.0)
                .containsEntry("restoreFrameGapsOver100Ms", 2)
                .containsEntry("restoreLongestStallCpuMs", 280.0)
                .containsEntry(
                        "restoreLongestStallAt",
                        "dev.walrussync.ui.restore.RestoreViewModel.lambda$open$3(RestoreViewModel.java:214)"
                                + " (2 of 3 samples)");
        assertThat(FxResponsiveness.stack(longest, 2))
                .isEqualTo("    at java.lang.String.substring(String.java:2800)\n"
                        + "    at dev.walrussync.ui.restore.RestoreViewModel.lambda$open$3(RestoreViewModel.java:214)\n"
                        + "    ... 1 more\n");
        assertThat(FxResponsiveness.where(new FxResponsiveness.Stall(130 * MS, -1, List.of())))
                .isEqualTo("not sampled");
    }

    @Test
    void withoutOurCodeOnTheStackThePulsesStepOrTheFirstFrameOutsideTheJdkIsNamed() {
        StackTraceElement[] waitingForTheRenderer = {
            new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
            new StackTraceElement("java.util.concurrent.CountDownLatch", "await", "CountDownLatch.java", 230),
            new StackTraceElement(
                    "com.sun.javafx.tk.quantum.PaintCollector",
                    "waitForRenderingToComplete",
                    "PaintCollector.java",
                    157)
        };
        StackTraceElement[] inTheLayout = {
            new StackTraceElement("javafx.scene.text.Text", "getTextAttribute", "Text.java", 1562),
            new StackTraceElement("javafx.scene.Parent", "layout", "Parent.java", 1208),
            new StackTraceElement("javafx.scene.Scene", "doLayoutPass", "Scene.java", 594),
            new StackTraceElement("javafx.scene.Scene$ScenePulseListener", "pulse", "Scene.java", 2600)
        };
        StackTraceElement[] inTheEventLoop = {
            new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
            new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "_runLoop", null, -2),
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1474)
        };

        assertThat(FxResponsiveness.frameOf(waitingForTheRenderer)).isEqualTo("a pulse: waiting for the renderer");
        assertThat(FxResponsiveness.frameOf(inTheLayout)).isEqualTo("a pulse: layout");
        assertThat(FxResponsiveness.frameOf(inTheEventLoop))
                .isEqualTo("com.sun.glass.ui.gtk.GtkApplication._runLoop(Native Method)");
    }

    @Test
    void cpuTicksAreReadFromProcStatAndTheProcessStat() {
        assertThat(FxResponsiveness.CpuTicks.machineBusy("cpu  100 5 50 9000 30 2 3 4 0 0"))
                .isEqualTo(164);
        assertThat(FxResponsiveness.CpuTicks.processTicks(
                        "4242 (java (bench)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 30 0 123 0 0"))
                .isEqualTo(290);
        assertThat(FxResponsiveness.CpuTicks.childrenTicks(
                        "4242 (java (bench)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 40 7 3 20 0 30 0 123 0 0"))
                .isEqualTo(10);
        assertThatThrownBy(() -> FxResponsiveness.CpuTicks.machineBusy("cpu0 1 2 3 4"))
                .isInstanceOf(IllegalArgumentException.class);
        // Over 2 s the machine was busy for 300 ticks: 100 this process, 80 more its children.
        long[] before = {1000, 50, 60};
        long[] after = {1300, 150, 240};
        assertThat(FxResponsiveness.CpuTicks.busyElsewhere(before, after, 2, false))
                .isEqualTo(1.0);
        assertThat(FxResponsiveness.CpuTicks.busyElsewhere(before, after, 2, true))
                .isEqualTo(0.6);
        assertThat(FxResponsiveness.CpuTicks.busyElsewhere(new long[0], after, 2, true))
                .isEqualTo(-1);
    }

    @Test
    void filesAreCreatedAHundredAFolder() throws Exception {
        UiBenchCommand.createFiles(tmp.resolve("files"), 250);

        try (Stream<Path> all = Files.walk(tmp.resolve("files"))) {
            assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(250);
        }
        try (Stream<Path> folders = Files.list(tmp.resolve("files"))) {
            assertThat(folders.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("d0000", "d0001", "d0002");
        }
        assertThat(Files.readString(tmp.resolve("files/d0002/f49.txt"))).isEqualTo("file 249 of the UI benchmark\n");
    }

    @Test
    void theFirstWindowsTimesAreReadBack() throws Exception {
        Instant jvm = Instant.parse("2026-11-23T02:00:00.100Z");
        Instant shown = Instant.parse("2026-11-23T02:00:01.234567Z");
        Instant frame = Instant.parse("2026-11-23T02:00:01.5Z");
        Path file = tmp.resolve("first-window");
        Files.writeString(file, jvm + "\n" + shown + "\n" + frame + "\n");

        Desktop.FirstWindow w = Desktop.FirstWindow.read(file);

        assertThat(w).isEqualTo(new Desktop.FirstWindow(jvm, shown, frame));
        assertThat(Duration.between(jvm, w.shown()).toNanos() / 1e9).isCloseTo(1.134567, within(1e-9));
        Files.writeString(file, "not a time\n");
        assertThatThrownBy(() -> Desktop.FirstWindow.read(file)).isInstanceOf(IOException.class);
    }
}
