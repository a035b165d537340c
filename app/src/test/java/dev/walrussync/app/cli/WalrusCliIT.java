package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.chain.SystemInfo;
import dev.walrussync.walrus.encoding.EncodingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a local Walrus network whose storage nodes run as separate OS processes:
 * {@code init}, {@code backup}, then what must still work, in order: a byte-identical restore, a
 * dry run whose cost matches what the store then charged, the same restore after f nodes are killed,
 * and {@code status} and {@code health} showing the killed node. The repository reaches the network
 * through its {@code endpoints.json}, over the same client code as testnet and mainnet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalrusCliIT {
    @TempDir
    static Path tmp;

    private LocalWalrusNetwork net;
    private CliHarness cli;
    private Path source;
    private String snapshot;

    @BeforeAll
    void startNetworkAndBackUp() throws Exception {
        Path dir = tmp.resolve("net");
        // 4 nodes, 10 shards: node-0 holds shards 0, 4 and 8, which is f = 3.
        net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(dir).withNodeProcesses(true), Clock.systemUTC());
        Repositories engine = new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
        cli = new CliHarness(tmp.resolve("home"), engine);
        source = tmp.resolve("source");
        // About 5 MB in several packs: a blob holds at most 1.8 MB at 10 shards.
        Trees.writeRandom(source.resolve("photos/a.jpg"), 1, 2_500_000);
        Trees.writeRandom(source.resolve("photos/b.jpg"), 2, 1_700_000);
        Trees.writeString(source.resolve("notes/todo.txt"), "walrus\n".repeat(10_000));
        Files.createDirectories(source.resolve("empty"));
        Trees.write(source.resolve("notes/zero"), new byte[0]);

        JsonNode init = ok(cli.run(
                        "init",
                        "--network",
                        "e2e",
                        "--endpoints",
                        dir.resolve("endpoints.json").toString(),
                        "--epochs",
                        "5",
                        "--json"))
                .json();
        assertThat(init.get("network").asText()).isEqualTo("e2e");
        snapshot = ok(cli.run("backup", source.toString(), "--json"))
                .json()
                .get("snapshotId")
                .asText();
    }

    @AfterAll
    void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OK);
        return r;
    }

    @Test
    @Order(1)
    void restoreIsByteIdentical() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("restore-1"));
        ok(cli.run("restore", snapshot, "--target", target.toString()));

        TreeAssert.assertSameTree(source, target.resolve("source"));
    }

    @Test
    @Order(2)
    void blobsAreOwnedByTheWalletWithObjectIdsAndEndEpochs() {
        JsonNode blobs = ok(cli.run("blobs", "--json")).json();
        String wallet =
                ok(cli.run("wallet", "show", "--json")).json().get("address").asText();

        assertThat(blobs.size()).isGreaterThanOrEqualTo(4); // the key blob and at least three packs
        for (JsonNode b : blobs) {
            assertThat(b.get("onChain").asBoolean()).as(b.toString()).isTrue();
            assertThat(b.get("objectId").asText()).startsWith("0x");
            assertThat(b.get("endEpoch").asLong()).isGreaterThan(0);
            assertThat(b.get("kind").asText()).isIn("keys", "pack");
        }
        Set<String> files = new HashSet<>();
        blobs.forEach(b -> b.get("files").forEach(f -> files.add(f.asText())));
        assertThat(files).anyMatch(f -> f.endsWith("photos/a.jpg"));
        assertThat(wallet).startsWith("0x");
    }

    @Test
    @Order(3)
    void aDryRunCostsWhatTheStoreThenCharges() throws Exception {
        Path more = tmp.resolve("more");
        Trees.writeRandom(more.resolve("scan.pdf"), 7, 900_000);
        Set<String> before = blobIds();

        JsonNode dry =
                ok(cli.run("backup", more.toString(), "--dry-run", "--json")).json();
        assertThat(blobIds()).as("a dry run stores nothing").isEqualTo(before);
        long estimated = dry.get("cost").get("costFrost").asLong();
        assertThat(dry.get("cost").get("blobs").asInt()).isEqualTo(1);
        assertThat(estimated).isPositive();

        ok(cli.run("backup", more.toString(), "--json"));
        long charged = 0;
        for (JsonNode b : ok(cli.run("blobs", "--json")).json()) {
            if (!before.contains(b.get("blobId").asText())) {
                charged += b.get("costFrost").asLong();
            }
        }
        assertThat(charged).isEqualTo(estimated);
    }

    private Set<String> blobIds() {
        Set<String> ids = new HashSet<>();
        ok(cli.run("blobs", "--json"))
                .json()
                .forEach(b -> ids.add(b.get("blobId").asText()));
        return ids;
    }

    @Test
    @Order(4)
    void restoreStillWorksWithFNodesKilled() throws Exception {
        net.nodeProcess(0).destroyForcibly().waitFor();

        Path target = Files.createDirectories(tmp.resolve("restore-2"));
        ok(cli.run("restore", snapshot, "--target", target.toString()));

        TreeAssert.assertSameTree(source, target.resolve("source"));
    }

    @Test
    @Order(5)
    void healthAndStatusShowTheKilledNode() {
        JsonNode health = ok(cli.run("health", "--json")).json();
        assertThat(health).hasSize(4);
        JsonNode node0 = health.get(0);
        assertThat(node0.get("name").asText()).isEqualTo("node-0");
        assertThat(node0.get("reachable").asBoolean()).isFalse();
        assertThat(node0.get("error").asText()).isNotBlank();
        for (int i = 1; i < 4; i++) {
            assertThat(health.get(i).get("reachable").asBoolean()).isTrue();
        }
        CliHarness.Result text = ok(cli.run("health"));
        assertThat(text.out()).contains("node-0", "DOWN", "3 of 4 node(s) up");

        JsonNode status = ok(cli.run("status", "--json")).json();
        assertThat(status.get("blobs").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(status.get("earliestEndEpoch").asLong())
                .isEqualTo(status.get("epoch").asLong() + 5);
        assertThat(status.get("wallet").get("walFrost").asLong()).isPositive();
        assertThat(status.get("costPerEpochFrost").asLong()).isPositive();
        assertThat(status.get("nodes").get(0).get("reachable").asBoolean()).isFalse();
        assertThat(ok(cli.run("status")).out()).contains("3 of 4 up", "node-0 is down");
        JsonNode perGiB = status.get("costPerGiBByPackSize");
        // At 10 shards a blob holds at most 1.8 MB, so only 256 KiB and 1 MiB packs are priced; the fixed
        // metadata is small at 10 shards (it is what makes small blobs dear at 1000).
        assertThat(perGiB.size()).isEqualTo(2);
        long units = SystemInfo.units(EncodingConfig.forShards(10).encodedLength(1L << 20));
        assertThat(perGiB.get(String.valueOf(1L << 20)).asLong())
                .isEqualTo(1024 * units * status.get("storagePricePerUnit").asLong());
        assertThat(perGiB.get(String.valueOf(256L << 10)).asLong())
                .isGreaterThanOrEqualTo(perGiB.get(String.valueOf(1L << 20)).asLong());
    }

    @Test
    @Order(6)
    void aNewWalletTakesOverTheBlobs() throws Exception {
        String before =
                ok(cli.run("wallet", "show", "--json")).json().get("address").asText();

        String after =
                ok(cli.run("wallet", "new", "--json")).json().get("address").asText();

        assertThat(after)
                .isNotEqualTo(before)
                .isEqualTo(ok(cli.run("wallet", "show", "--json"))
                        .json()
                        .get("address")
                        .asText());
        for (JsonNode b : ok(cli.run("blobs", "--json")).json()) {
            assertThat(b.get("onChain").asBoolean())
                    .as("owned by the new wallet: %s", b)
                    .isTrue();
        }
        Path target = Files.createDirectories(tmp.resolve("restore-3"));
        ok(cli.run("restore", snapshot, "--target", target.toString()));
        TreeAssert.assertSameTree(source, target.resolve("source"));
    }
}
