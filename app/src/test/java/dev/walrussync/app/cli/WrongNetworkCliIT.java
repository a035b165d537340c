package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.network.WalrusNetworks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init} against a real Sui GraphQL endpoint (a local network's) whose Walrus IDs are not the ones
 * configured: a system object that does not exist there, or a Walrus package that is not the one of its
 * system object. The command fails with a message that says the network or package ID is wrong and names
 * what was expected and what was found, and a correct {@code init} in the same home then works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrongNetworkCliIT {
    /** A well-formed Sui address that names nothing on the local chain. */
    private static final String NOWHERE = "0x" + "5a".repeat(32);

    @TempDir
    static Path tmp;

    private LocalWalrusNetwork net;
    private Path endpoints;
    private JsonNode right;
    private Repositories engine;

    @BeforeAll
    void startNetwork() throws Exception {
        Path dir = tmp.resolve("net");
        net = LocalWalrusNetwork.start(LocalWalrusNetwork.Options.defaults(dir), Clock.systemUTC());
        endpoints = dir.resolve("endpoints.json");
        right = CliHarness.JSON.readTree(endpoints.toFile());
        engine = new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
    }

    @AfterAll
    void stop() {
        if (net != null) {
            net.close();
        }
    }

    /** A copy of the network's endpoints.json with one field changed. */
    private Path endpointsWith(String field, String value) throws Exception {
        ObjectNode copy = right.deepCopy();
        copy.put(field, value);
        Path file = tmp.resolve("endpoints-" + field + ".json");
        Files.write(file, CliHarness.JSON.writeValueAsBytes(copy));
        return file;
    }

    private CliHarness.Result init(CliHarness cli, Path endpointsFile) {
        return cli.run("init", "--network", "mine", "--endpoints", endpointsFile.toString(), "--epochs", "3");
    }

    @Test
    void aSystemObjectThatIsNotOnTheNetworkIsNamedAndALaterCorrectInitWorks() throws Exception {
        CliHarness cli = new CliHarness(tmp.resolve("home-system"), engine);

        CliHarness.Result wrong = init(cli, endpointsWith("systemObject", NOWHERE));

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(wrong.err())
                .contains("wrong network or package ID")
                .contains("there is no object " + NOWHERE)
                .contains("expected the Walrus System object")
                .contains(right.get("graphql").asText())
                .contains("'mine'")
                .doesNotContain("cannot reach")
                .doesNotContain("Exception");
        assertThat(Repositories.exists(cli.home)).isFalse();

        backUpAndRestoreAfterACorrectInit(cli);
    }

    @Test
    void aWalrusPackageThatIsNotTheSystemObjectsIsNamedWithTheTypeFound() throws Exception {
        CliHarness cli = new CliHarness(tmp.resolve("home-package"), engine);

        CliHarness.Result wrong = init(cli, endpointsWith("walrusPackage", NOWHERE));

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCode.FAILED);
        String systemObject = right.get("systemObject").asText();
        String realPackage = right.get("walrusPackage").asText();
        assertThat(wrong.err())
                .contains("wrong network or package ID")
                // what was found: the real system object and its type, under the real package
                .contains("object " + systemObject + " is a " + realPackage + "::system::System")
                // what was expected: the System type of the configured package
                .contains("not the Walrus System object " + NOWHERE + "::system::System")
                .doesNotContain("cannot reach")
                .doesNotContain("Exception");
        assertThat(Repositories.exists(cli.home)).isFalse();

        backUpAndRestoreAfterACorrectInit(cli);
    }

    @Test
    void testnetsIdsAgainstAnotherNetworksGraphQlOnTheCommandLineAreNamed() throws Exception {
        // --network testnet takes testnet's package and system object; --graphql (and the publisher and
        // aggregator) point at the local network, which has neither: the user mixed up two networks.
        CliHarness cli = new CliHarness(tmp.resolve("home-testnet"), engine);
        String testnetSystem = WalrusNetworks.testnet().systemObject().toString();

        CliHarness.Result wrong = cli.run(
                "init",
                "--network",
                "testnet",
                "--graphql",
                right.get("graphql").asText(),
                "--publisher",
                right.get("publisher").asText(),
                "--aggregator",
                right.get("aggregator").asText());

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(wrong.err())
                .contains("wrong network or package ID")
                .contains("there is no object " + testnetSystem)
                .contains("expected the Walrus System object")
                .contains(right.get("graphql").asText())
                .contains("'testnet'")
                .doesNotContain("cannot reach")
                .doesNotContain("Exception");
        assertThat(Repositories.exists(cli.home)).isFalse();

        backUpAndRestoreAfterACorrectInit(cli);
    }

    /** The same home takes a correct init, and the repository works. */
    private void backUpAndRestoreAfterACorrectInit(CliHarness cli) throws Exception {
        CliHarness.Result init =
                cli.run("init", "--network", "mine", "--endpoints", endpoints.toString(), "--epochs", "3", "--json");
        assertThat(init.exit()).as(init.toString()).isEqualTo(ExitCode.OK);
        assertThat(init.json().get("network").asText()).isEqualTo("mine");

        Path source = tmp.resolve("source-" + cli.home.getFileName());
        Trees.writeRandom(source.resolve("a.bin"), 11, 300_000);
        Trees.writeString(source.resolve("notes.txt"), "right network\n");
        CliHarness.Result backup = cli.run("backup", source.toString());
        assertThat(backup.exit()).as(backup.toString()).isEqualTo(ExitCode.OK);
        Path target = Files.createDirectories(tmp.resolve("restored-" + cli.home.getFileName()));
        CliHarness.Result restore = cli.run("restore", "latest", "--target", target.toString());
        assertThat(restore.exit()).as(restore.toString()).isEqualTo(ExitCode.OK);
        TreeAssert.assertSameTree(source, target.resolve(source.getFileName()));
    }
}
