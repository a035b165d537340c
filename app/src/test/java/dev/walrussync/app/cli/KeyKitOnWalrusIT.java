package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery kit of a repository on Walrus (the embedded local network): the wallet's key is on the sheet,
 * exactly as it was imported at init, unless it is left out.
 */
class KeyKitOnWalrusIT {
    /** Private key bytes 0x00..0x1f (walrus-client's Bech32Test vector; sui-client.md, the suiprivkey row). */
    private static final String KEY = "suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn7";

    private static final String ADDRESS = "0x160179a1565ea7cff27ead23f54cc7f50893bf58155cd7285156e57afa31c3ac";

    @TempDir
    Path tmp;

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OK);
        return r;
    }

    @Test
    void theKitOfARepositoryOnWalrusHoldsTheWalletAndItsKeyUnlessLeftOut() throws Exception {
        Repositories engine = new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
        CliHarness cli = new CliHarness(tmp.resolve("home"), engine);
        Path keyFile = Trees.writeString(tmp.resolve("wallet-key.txt"), KEY + "\n");
        JsonNode init = ok(cli.run("init", "--wallet-key-file", keyFile.toString(), "--json"))
                .json();
        String phrase = init.get("recoveryPhrase").asText();
        assertThat(init.get("walletAddress").asText()).isEqualTo(ADDRESS);

        try (RepositorySession session =
                engine.openWithPassphrase(cli.home, TestRepositories.PASSPHRASE.toCharArray(), false)) {
            assertThat(session.walletPrivateKey()).isEqualTo(KEY);
            assertThat(session.recoveryPhrase()).containsExactly(phrase.split(" "));
        }

        Path with = tmp.resolve("kit.html");
        Path without = tmp.resolve("kit-without-key.html");
        JsonNode j =
                ok(cli.run("key", "kit", "--output", with.toString(), "--json")).json();
        CliHarness.Result text = ok(cli.run("key", "kit", "--output", without.toString(), "--without-wallet-key"));

        assertThat(j.get("walletKey").asBoolean()).isTrue();
        String html = Files.readString(with);
        assertThat(html)
                .contains(KEY, ADDRESS, init.get("repositoryId").asText())
                .contains("Walrus network <strong class=\"mono\">local</strong>", "not off-site");
        assertThat(html.replaceAll("<[^>]+>", "")).contains("walrus-sync recover --network local --wallet-key-file");
        for (String word : phrase.split(" ")) {
            assertThat(html).contains("<span class=\"w\">" + word + "</span>");
        }
        assertThat(text.out()).contains("Wrote the recovery kit to " + without).doesNotContain("with the wallet key");
        assertThat(without).content().contains(ADDRESS, "NOT on this sheet").doesNotContain("suiprivkey");
    }
}
