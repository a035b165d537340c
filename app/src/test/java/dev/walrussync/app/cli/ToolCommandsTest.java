package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.cli.CliHarness.Result;
import dev.walrussync.engine.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool commands: {@code blob-id}, {@code bench} and {@code localnet advance-epoch}. */
class ToolCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void blobIdEqualsTheReferenceEncodersIdAtTenAndAThousandShards() throws Exception {
        // Blob IDs of "hello walrus" from shared/oracles/walrus-encoding/expected.json (the official encoder).
        Path file = tmp.resolve("hello.txt");
        Files.writeString(file, "hello walrus", StandardCharsets.UTF_8);
        CliHarness cli = new CliHarness(tmp.resolve("home"));

        Result ten = cli.run("blob-id", file.toString(), "--shards", "10");
        Result thousand = cli.run("blob-id", file.toString(), "--json");

        assertThat(ten.out().strip()).isEqualTo("5g7EUy58ReQir0t11jz709ae5cdZT24btlovkXo28U8");
        assertThat(thousand.json().get("blobId").asText()).isEqualTo("kIrHJ_1VfYJD-OV0O1JicM2lB5swr83ZkfvTD7BWV0I");
        assertThat(thousand.json().get("nShards").asInt()).isEqualTo(1000);
    }

    @Test
    void blobIdOfAMissingFileFailsClearly() {
        Result r = new CliHarness(tmp.resolve("home"))
                .run("blob-id", tmp.resolve("nope").toString());

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("cannot read", "nope");
    }

    @Test
    void benchMeasuresAWarmBackupAndRestoreOfTheCorpus() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Trees.writeRandom(corpus.resolve("a.bin"), 1, 300_000);
        Trees.writeString(corpus.resolve("b/c.txt"), "text");
        Path work = tmp.resolve("work");
        Files.createDirectories(work);

        Result r = new CliHarness(tmp.resolve("home"))
                .run("bench", "--json", "--work", work.toString(), corpus.toString());

        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.OK);
        assertThat(r.json().get("corpusBytes").asLong()).isEqualTo(300_004);
        assertThat(r.json().get("firstBackupMBps").asDouble()).isPositive();
        assertThat(r.json().get("restoreErrors").asInt()).isZero();
        assertThat(Files.readString(work.resolve("restored/corpus/b/c.txt"))).isEqualTo("text");
    }

    @Test
    void advanceEpochWithoutARunningNetworkSaysHowToStartOne() {
        Result r = new CliHarness(tmp.resolve("home")).run("localnet", "advance-epoch", "--dir", tmp.toString());

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("no local network in", "walrus-sync localnet --dir");
    }

    @Test
    void initWithABadPackSizeIsAUsageErrorAndCreatesNothing() {
        Path home = tmp.resolve("home");
        Result r = new CliHarness(home).run("init", "--pack-size", "abc");

        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--pack-size", "not a size");
        assertThat(home.resolve("config.json")).doesNotExist();
    }

    @Test
    void localnetWithoutADirIsAUsageError() {
        Result r = new CliHarness(tmp.resolve("home")).run("localnet", "--nodes", "4");

        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--dir");
    }
}
