package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first steps with no network options: {@code init} uses the embedded local Walrus
 * network, started in the app's process with its state in the app home, and backup, restore and
 * status work through it.
 */
class EmbeddedNetworkCliIT {
    @TempDir
    Path tmp;

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OK);
        return r;
    }

    /** The command line with the app's own embedded network, as {@code ./walrus-sync} wires it. */
    private CliHarness embeddedCli() {
        Repositories engine = new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
        return new CliHarness(tmp.resolve("home"), engine);
    }

    @Test
    void initWithNoOptionsBacksUpAndRestoresThroughTheEmbeddedNetwork() throws Exception {
        CliHarness cli = embeddedCli();
        Path source = tmp.resolve("docs");
        Trees.writeRandom(source.resolve("report.pdf"), 3, 3_000_000);
        Trees.writeString(source.resolve("readme.txt"), "hello walrus\n");

        JsonNode init = ok(cli.run("init", "--json")).json();
        assertThat(init.get("network").asText()).isEqualTo("local");
        assertThat(init.get("store").asText()).startsWith("walrus:local");
        assertThat(cli.home.resolve("localnet/endpoints.json")).exists();
        assertThat(cli.home.resolve("wallet.json")).content().doesNotContain("suiprivkey");

        ok(cli.run("backup", source.toString()));
        Path target = Files.createDirectories(tmp.resolve("restored"));
        ok(cli.run("restore", "latest", "--target", target.toString()));
        TreeAssert.assertSameTree(source, target.resolve("docs"));

        JsonNode status = ok(cli.run("status", "--json")).json();
        assertThat(status.get("blobs").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(status.get("nShards").asInt()).isEqualTo(EmbeddedNetworks.SHARDS);
        assertThat(status.get("earliestEndEpoch").asLong())
                .isEqualTo(status.get("epoch").asLong() + 53);
        assertThat(status.get("wallet").get("walFrost").asLong()).isPositive();
    }

    /** Renewal as a new user tries it: the defaults, a dry run, a policy, a pass, and what status says. */
    @Test
    void renewAndPolicyWorkOnTheEmbeddedNetwork() throws Exception {
        CliHarness cli = embeddedCli();
        Path source = tmp.resolve("docs");
        Trees.writeRandom(source.resolve("report.pdf"), 3, 300_000);
        ok(cli.run("init", "--epochs", "5"));
        ok(cli.run("backup", source.toString()));
        JsonNode status = ok(cli.run("status", "--json")).json();

        JsonNode plan = ok(cli.run("renew", "--dry-run", "--json")).json();
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("referencedBlobs").asInt())
                .isEqualTo(status.get("blobs").asInt());
        assertThat(plan.get("lookAheadEpochs").asInt()).isEqualTo(3); // 30 days of 14-day epochs
        assertThat(plan.get("renewed")).isEmpty(); // paid 5 epochs ahead: nothing is due yet
        assertThat(plan.get("forecast").get("walPerEpochFrost").asLong()).isPositive();

        CliHarness.Result policy = ok(cli.run("policy", "--look-ahead", "10", "--reserve", "2.5"));
        assertThat(policy.out()).contains("Look-ahead:     10 epoch(s) of 14 days", "Reserve:        2.5 WAL");
        assertThat(cli.home.resolve("walrus.json")).content().contains("\"reserveFrost\" : 2500000000");
        CliHarness.Result bad = cli.run("policy", "--reserve", "lots");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("not a WAL amount: 'lots'");

        // With a 10-epoch look-ahead every blob is due: one transaction extends them all by 11 epochs.
        CliHarness.Result renew = ok(cli.run("renew"));
        assertThat(renew.out()).contains("Extended " + status.get("blobs").asInt() + " blob(s) in 1 transaction(s)");
        JsonNode after = ok(cli.run("status", "--json")).json();
        assertThat(after.get("earliestEndEpoch").asLong())
                .isEqualTo(status.get("earliestEndEpoch").asLong() + 11);
        assertThat(after.get("wallet").get("walFrost").asLong())
                .isLessThan(status.get("wallet").get("walFrost").asLong());
        assertThat(after.get("alerts")).isEmpty();
        assertThat(ok(cli.run("status")).out()).contains("Runway:", "Alerts:         none");
    }

    /**
     * A user who only runs {@code backup} (from cron, say) still gets renewal: a backup runs a pass when none
     * ran within the policy's interval, and not otherwise.
     */
    @Test
    void backupRunsARenewalPassWhenOneIsDue() throws Exception {
        CliHarness cli = embeddedCli();
        Path source = tmp.resolve("docs");
        Trees.writeRandom(source.resolve("report.pdf"), 3, 300_000);
        ok(cli.run("init", "--epochs", "5"));
        ok(cli.run("policy", "--look-ahead", "10"));

        CliHarness.Result first = ok(cli.run("backup", source.toString()));
        assertThat(first.out())
                .contains("Renewal (due since the last pass):", "Extended 2 blob(s) in 1 transaction(s)");

        ok(cli.run("policy", "--look-ahead", "52")); // every blob is due again...
        Trees.writeRandom(source.resolve("more.bin"), 4, 1_000);
        CliHarness.Result second = ok(cli.run("backup", source.toString()));
        assertThat(second.out()).doesNotContain("Renewal"); // ...but a pass ran less than an hour ago
        assertThat(ok(cli.run("renew", "--dry-run")).out()).contains("Would extend");
    }
}
