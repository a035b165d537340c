package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery kit of a repository on Walrus: the wallet's key is on the sheet, exactly as it was imported at
 * init, unless it is left out; and on a network of one's own, what the sheet says to type and run recovers the
 * repository on a new machine.
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

    private static Repositories engine() {
        return new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
    }

    /** The first match of {@code regex}'s group 1 in the page, unescaped as a reader would type it. */
    private static String shown(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the sheet shows %s", regex).isTrue();
        return m.group(1)
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * A user who kept only the printed sheet: on a new machine they type the words, the wallet key and the
     * network's endpoints.json into the files the sheet names, run the command the sheet prints, and restore.
     */
    @Test
    void onANetworkOfOnesOwnWhatTheSheetSaysRecoversTheRepository() throws Exception {
        try (LocalWalrusNetwork net =
                LocalWalrusNetwork.start(LocalWalrusNetwork.Options.defaults(tmp.resolve("net")), Clock.systemUTC())) {
            CliHarness old = new CliHarness(tmp.resolve("old-home"), engine());
            Path source = tmp.resolve("source");
            Trees.writeRandom(source.resolve("photos/a.jpg"), 7, 300_000);
            Trees.writeString(source.resolve("notes.txt"), "kept on paper\n");
            Path keyFile = Trees.writeString(tmp.resolve("import.txt"), KEY + "\n");
            ok(old.run(
                    "init",
                    "--network",
                    "mine",
                    "--endpoints",
                    tmp.resolve("net/endpoints.json").toString(),
                    "--wallet-key-file",
                    keyFile.toString(),
                    "--epochs",
                    "5"));
            ok(old.run("backup", source.toString()));
            Path kit = tmp.resolve("kit.html");
            ok(old.run("key", "kit", "--output", kit.toString()));
            String html = Files.readString(kit);

            // What the reader copies from paper, into the files the sheet names.
            Path desk = Files.createDirectories(tmp.resolve("desk"));
            List<String> words = new ArrayList<>();
            Matcher w = Pattern.compile("<span class=\"w\">([a-z]+)</span>").matcher(html);
            while (w.find()) {
                words.add(w.group(1));
            }
            assertThat(words).hasSize(24);
            Files.writeString(desk.resolve("phrase.txt"), String.join(" ", words) + "\n");
            Files.writeString(desk.resolve("wallet-key.txt"), shown(html, "<p class=\"key mono\">(.*?)</p>") + "\n");
            Files.writeString(
                    desk.resolve("endpoints.json"), shown(html, "<code>endpoints.json</code>:<pre>(.*?)</pre>"));
            String command = shown(html, "<li>Run:<pre>(.*?)</pre>");
            assertThat(command).startsWith("walrus-sync recover --network mine --endpoints endpoints.json");
            // The sheet's file names are relative to where the reader runs it: the desk.
            List<String> args = new ArrayList<>();
            for (String arg : command.substring("walrus-sync ".length()).split(" ")) {
                args.add(Files.exists(desk.resolve(arg)) ? desk.resolve(arg).toString() : arg);
            }

            CliHarness fresh = new CliHarness(tmp.resolve("new-home"), engine());
            fresh.env.remove("WALRUS_SYNC_PASSWORD");
            CliHarness.Result r = ok(fresh.run(args.toArray(String[]::new)));
            assertThat(r.out()).contains("Recovered repository").doesNotContain("Not recoverable");

            Path target = Files.createDirectories(tmp.resolve("restored"));
            ok(fresh.run(
                    "restore",
                    "latest",
                    "--target",
                    target.toString(),
                    "--recovery-phrase-file",
                    desk.resolve("phrase.txt").toString()));
            TreeAssert.assertSameTree(source, target.resolve("source"));
        }
    }

    @Test
    void theKitOfARepositoryOnWalrusHoldsTheWalletAndItsKeyUnlessLeftOut() throws Exception {
        Repositories engine = engine();
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
