package dev.walrussync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.cli.CliHarness.Result;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code key phrase} and {@code key kit}, run in-process on a repository in a folder, in text and JSON. */
class KeyCommandTest {
    private static final Pattern NUMBERED_WORD = Pattern.compile("\\b(\\d{1,2})\\. ([a-z]+)");

    @TempDir
    Path tmp;

    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp.resolve("home"));
    }

    private static Result ok(Result r) {
        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.OK);
        return r;
    }

    /** Sets up a repository in a folder and returns the recovery phrase init showed. */
    private String init() {
        return ok(cli.run("init", "--store", "dir:" + tmp.resolve("store"), "--json"))
                .json()
                .get("recoveryPhrase")
                .asText();
    }

    /** The numbered words in text output, checking that they are numbered 1 to 24 in order. */
    private static String numberedWords(String out) {
        Matcher m = NUMBERED_WORD.matcher(out);
        List<String> words = new ArrayList<>();
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(words.size() + 1);
            words.add(m.group(2));
        }
        assertThat(words).hasSize(24);
        return String.join(" ", words);
    }

    private Path phraseFile(String name, String words) throws Exception {
        return Trees.writeString(tmp.resolve(name), words + "\n");
    }

    @Test
    void keyPhraseShowsTheWordsInitShowedNumberedAsInitPrintsThem() throws Exception {
        String phrase = init();

        Result text = ok(cli.run("key", "phrase"));
        JsonNode json = ok(cli.run("key", "phrase", "--json")).json();
        cli.env.remove("WALRUS_SYNC_PASSWORD");
        Result byPhrase = ok(cli.run(
                "key",
                "phrase",
                "--recovery-phrase-file",
                phraseFile("p.txt", phrase).toString()));

        assertThat(numberedWords(text.out())).isEqualTo(phrase);
        assertThat(text.out())
                .contains("Recovery phrase:")
                .containsPattern("(?m)^   1\\. [a-z]+ +2\\. ")
                .contains("Anyone with these words");
        assertThat(json.get("recoveryPhrase").asText()).isEqualTo(phrase);
        assertThat(json.get("new").asBoolean()).isFalse();
        assertThat(numberedWords(byPhrase.out())).isEqualTo(phrase);
    }

    @Test
    void keyPhraseNewMakesANewPhraseAndTheOldOneNoLongerUnlocks() throws Exception {
        String old = init();

        Result r = ok(cli.run("key", "phrase", "--new"));
        String fresh = numberedWords(r.out());
        cli.env.remove("WALRUS_SYNC_PASSWORD");
        Result withOld = cli.run(
                "snapshots",
                "--recovery-phrase-file",
                phraseFile("old.txt", old).toString());
        Result withNew = cli.run(
                "key",
                "phrase",
                "--json",
                "--recovery-phrase-file",
                phraseFile("new.txt", fresh).toString());

        assertThat(fresh).isNotEqualTo(old);
        assertThat(r.out()).contains("New recovery phrase", "The old recovery phrase no longer opens the repository");
        assertThat(withOld.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(withOld.err()).contains("wrong recovery phrase");
        assertThat(ok(withNew).json().get("recoveryPhrase").asText()).isEqualTo(fresh);
    }

    @Test
    void keyPhraseNewAsJson() {
        String old = init();

        JsonNode j = ok(cli.run("key", "phrase", "--new", "--json")).json();

        assertThat(j.get("new").asBoolean()).isTrue();
        assertThat(j.get("recoveryPhrase").asText().split(" ")).hasSize(24);
        assertThat(j.get("recoveryPhrase").asText()).isNotEqualTo(old);
        assertThat(ok(cli.run("key", "list", "--json")).json()).hasSize(2);
    }

    @Test
    void keyPhraseOfAnOlderRepositorySaysToMakeANewOne() throws Exception {
        init();
        stripSealedPhrases();

        Result r = cli.run("key", "phrase");
        Result kit = cli.run("key", "kit", "--output", tmp.resolve("kit.html").toString());

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err())
                .contains("this repository was created before the phrase could be shown again;"
                        + " make a new one with 'walrus-sync key phrase --new'");
        assertThat(kit.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(tmp.resolve("kit.html")).doesNotExist();
        String fresh = numberedWords(ok(cli.run("key", "phrase", "--new")).out());
        assertThat(numberedWords(ok(cli.run("key", "phrase")).out())).isEqualTo(fresh);
    }

    @Test
    void keyKitWritesTheSheetOnceAndNeverOverwrites() throws Exception {
        String phrase = init();
        Path out = tmp.resolve("kit.html");

        Result r = ok(cli.run("key", "kit", "--output", out.toString()));
        String html = Files.readString(out);
        Result again = cli.run("key", "kit", "--output", out.toString());

        assertThat(r.out())
                .contains("Wrote the recovery kit to " + out)
                .containsIgnoringCase("open it in a browser and print it");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Walrus Sync recovery kit");
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            assertThat(html).contains("<span class=\"n\">" + (i + 1) + ".</span> <span class=\"w\">" + words[i] + "<");
        }
        assertThat(html)
                .contains(tmp.resolve("store").toString(), "has no wallet")
                .doesNotContain("suiprivkey");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(again.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains(out + " already exists");
        assertThat(Files.readString(out)).isEqualTo(html);
    }

    @Test
    void keyKitAsJsonAndWithoutTheWalletKey() throws Exception {
        init();
        Path out = tmp.resolve("sheets/kit.html");
        Files.createDirectories(out.getParent());

        JsonNode j = ok(cli.run("key", "kit", "--output", out.toString(), "--without-wallet-key", "--json"))
                .json();

        assertThat(j.get("output").asText()).isEqualTo(out.toString());
        assertThat(j.get("walletKey").asBoolean()).isFalse();
        assertThat(out).content().contains("Recovery phrase").doesNotContain("suiprivkey");
    }

    @Test
    void theCommandOnTheSheetRecoversARepositoryInAFolderOnANewMachine() throws Exception {
        init();
        Path src = Trees.writeString(tmp.resolve("src/letter.txt"), "dear future me")
                .getParent();
        ok(cli.run("backup", src.toString()));
        Path out = tmp.resolve("kit.html");
        ok(cli.run("key", "kit", "--output", out.toString()));
        String html = Files.readString(out);

        Matcher w = Pattern.compile("<span class=\"w\">([a-z]+)</span>").matcher(html);
        List<String> words = new ArrayList<>();
        while (w.find()) {
            words.add(w.group(1));
        }
        Path phrase = phraseFile("phrase.txt", String.join(" ", words));
        Matcher run = Pattern.compile("<li>Run:<pre>(.*?)</pre>").matcher(html);
        assertThat(run.find()).isTrue();
        String command = run.group(1).replaceAll("<[^>]+>", "");
        assertThat(command)
                .isEqualTo("walrus-sync recover --store dir:" + tmp.resolve("store")
                        + " --recovery-phrase-file phrase.txt");
        CliHarness fresh = new CliHarness(tmp.resolve("new-home"));
        fresh.env.remove("WALRUS_SYNC_PASSWORD");
        List<String> args = new ArrayList<>(
                List.of(command.substring("walrus-sync ".length()).split(" ")));
        args.set(args.indexOf("phrase.txt"), phrase.toString());

        Result r = ok(fresh.run(args.toArray(String[]::new)));
        Path target = Files.createDirectories(tmp.resolve("restored"));
        ok(fresh.run("restore", "latest", "--target", target.toString(), "--recovery-phrase-file", phrase.toString()));

        assertThat(r.out()).contains("Recovered repository", "1 snapshot(s)");
        assertThat(target.resolve("src/letter.txt")).hasContent("dear future me");
    }

    @Test
    void keyKitNeedsAnOutputFile() {
        init();

        Result r = cli.run("key", "kit");

        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--output");
    }

    /** Rewrites the key blob and its local copy as a Walrus Sync from before sealed phrases wrote them. */
    private void stripSealedPhrases() throws Exception {
        JsonNode config =
                CliHarness.JSON.readTree(cli.home.resolve("config.json").toFile());
        String id = config.get("keyBlob").asText();
        Path blob = tmp.resolve("store/blobs").resolve(id.substring(0, 2)).resolve(id);
        JsonNode keys = CliHarness.JSON.readTree(blob.toFile());
        for (JsonNode slot : keys.get("slots")) {
            ((ObjectNode) slot).remove("sealedPhrase");
        }
        byte[] json = CliHarness.JSON.writeValueAsBytes(keys);
        Files.write(blob, json);
        Files.write(cli.home.resolve("keys.json"), json);
    }
}
