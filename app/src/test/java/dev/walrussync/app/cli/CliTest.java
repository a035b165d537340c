package dev.walrussync.app.cli;

import static dev.walrussync.engine.testing.TreeAssert.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.cli.CliHarness.Result;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: every command in text and in JSON, and its exit codes. */
class CliTest {
    @TempDir
    Path tmp;

    private CliHarness cli;
    private Path src;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"));
        src = tmp.resolve("src");
        Trees.writeRandom(src.resolve("photo.jpg"), 1, 700_000);
        Trees.writeString(src.resolve("docs/notes.txt"), "notes");
        Files.createDirectories(src.resolve("empty"));
        Files.createSymbolicLink(src.resolve("latest"), Path.of("docs/notes.txt"));
        Trees.stampTimes(src, 0);
    }

    private static Result ok(Result r) {
        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.OK);
        return r;
    }

    /** Sets up a repository and returns its recovery phrase. */
    private String init() {
        return ok(cli.run("init", "--store", dirStore(), "--json"))
                .json()
                .get("recoveryPhrase")
                .asText();
    }

    /** Backs up {@link #src} and returns the new snapshot's ID. */
    private String backup() {
        return ok(cli.run("backup", src.toString(), "--host", "test-host", "--json"))
                .json()
                .get("snapshotId")
                .asText();
    }

    private Path writeFile(String name, String text) throws Exception {
        return Trees.writeString(tmp.resolve(name), text + "\n");
    }

    /** The directory store these tests use (the default, the embedded Walrus network, has tests of its own). */
    private String dirStore() {
        return "dir:" + cli.home.resolve("store");
    }

    // ---- init ----

    @Test
    void initPrintsTwentyFourRecoveryWordsOnce() {
        Result r = ok(cli.run("init", "--store", dirStore()));

        Matcher m = Pattern.compile("\\b\\d{1,2}\\. ([a-z]+)").matcher(r.out());
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group(1));
        }
        assertThat(words).hasSize(24);
        assertThat(r.out()).contains("Recovery phrase", "Created repository", cli.home.toString());
        assertThat(r.err()).isEmpty();
        assertThat(cli.home.resolve("config.json")).exists();
    }

    @Test
    void initAsJsonNamesTheRepositoryAndItsPhrase() {
        JsonNode j = ok(cli.run("init", "--store", dirStore(), "--json")).json();

        assertThat(j.get("repositoryId").asText()).matches("[0-9a-f]{64}");
        assertThat(j.get("recoveryPhrase").asText().split(" ")).hasSize(24);
        assertThat(j.get("home").asText()).isEqualTo(cli.home.toString());
        assertThat(j.get("store").asText()).isEqualTo(cli.home.resolve("store").toString());
    }

    @Test
    void initWithAnExplicitStoreAndPackSize() {
        Path store = tmp.resolve("usb-disk/walrus");

        JsonNode j = ok(cli.run("init", "--store", "dir:" + store, "--pack-size", "8MiB", "--json"))
                .json();

        assertThat(j.get("store").asText()).isEqualTo(store.toString());
        assertThat(store.resolve("walrus-sync-store.json")).exists();
    }

    @Test
    void initTwiceFails() {
        init();

        Result again = cli.run("init", "--store", dirStore());

        assertThat(again.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("already set up");
    }

    // ---- unlocking ----

    @Test
    void theRecoveryPhraseFromInitUnlocksWithoutThePassphrase() throws Exception {
        String phrase = init();
        backup();
        cli.env.remove("WALRUS_SYNC_PASSWORD");
        Path file = writeFile("phrase.txt", phrase);

        Result r = ok(cli.run("snapshots", "--recovery-phrase-file", file.toString(), "--json"));

        assertThat(r.json()).hasSize(1);
    }

    @Test
    void aWrongRecoveryPhraseFails() throws Exception {
        init();
        String otherPhrase = new CliHarness(tmp.resolve("other-home"))
                .run("init", "--store", "dir:" + tmp.resolve("other-home/store"), "--json")
                .json()
                .get("recoveryPhrase")
                .asText();
        Path file = writeFile("phrase.txt", otherPhrase);

        Result r = cli.run("snapshots", "--recovery-phrase-file", file.toString());

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("wrong recovery phrase");
    }

    @Test
    void aWrongPassphraseFailsWithExitCodeOne() {
        init();
        cli.env.put("WALRUS_SYNC_PASSWORD", "not the passphrase");

        Result r = cli.run("snapshots");

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("wrong passphrase");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void thePassphraseCanComeFromAFile() throws Exception {
        init();
        cli.env.remove("WALRUS_SYNC_PASSWORD");
        Path file = writeFile("pass.txt", TestRepositories.PASSPHRASE);

        ok(cli.run("snapshots", "--password-file", file.toString()));
    }

    @Test
    void withoutAPassphraseOrATerminalTheCommandSaysWhatToDo() {
        init();
        cli.env.remove("WALRUS_SYNC_PASSWORD");

        Result r = cli.run("snapshots");

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("WALRUS_SYNC_PASSWORD");
    }

    @Test
    void aCommandWithoutARepositorySaysToRunInit() {
        Result r = cli.run("snapshots");

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("walrus-sync init");
    }

    // ---- backup, snapshots, ls, restore ----

    @Test
    void backupInText() {
        init();

        Result r = ok(cli.run("backup", src.toString(), "--host", "test-host", "--tag", "daily"));

        assertThat(r.out()).containsPattern("Snapshot [0-9a-f]{8} saved");
        assertThat(r.out()).contains("Files: 2 new, 0 changed, 0 unchanged");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void backupAsJson() {
        init();

        JsonNode j = ok(cli.run("backup", src.toString(), "--host", "test-host", "--json"))
                .json();

        assertThat(j.get("snapshotId").asText()).matches("[0-9a-f]{64}");
        assertThat(j.get("filesNew").asLong()).isEqualTo(2);
        assertThat(j.get("bytesProcessed").asLong()).isEqualTo(700_005);
        assertThat(j.get("newChunks").asLong()).isPositive();
        assertThat(j.get("packsAdopted").asInt()).isZero();
        assertThat(j.get("errors")).isEmpty();
        assertThat(j.get("warnings")).isEmpty();
        assertThat(j.has("duration")).isTrue();
    }

    @Test
    void snapshotsInTextAndJson() {
        init();
        String id = backup();
        ok(cli.run("backup", src.toString(), "--host", "test-host", "--tag", "weekly"));
        ok(cli.run("backup", src.toString(), "--host", "other-host"));

        Result text = ok(cli.run("snapshots"));
        JsonNode j = ok(cli.run("snapshots", "--json")).json();

        assertThat(text.out()).contains(id.substring(0, 8), "test-host", "other-host", src.toString(), "[weekly]");
        assertThat(text.out()).contains("3 snapshot(s)");
        assertThat(j).hasSize(3);
        assertThat(j.get(0).get("id").asText()).isEqualTo(id);
        assertThat(j.get(0).get("host").asText()).isEqualTo("test-host");
        assertThat(j.get(0).get("paths").get(0).asText()).isEqualTo(src.toString());
        assertThat(j.get(1).get("tags").get(0).asText()).isEqualTo("weekly");
        assertThat(j.get(1).get("parent").asText())
                .as("the same paths' previous snapshot")
                .isEqualTo(id);
        assertThat(j.get(0).get("files").asLong()).isEqualTo(2);
        assertThat(j.get(0).get("time").asText()).endsWith("Z");
    }

    @Test
    void snapshotsOfAnEmptyRepository() {
        init();

        assertThat(ok(cli.run("snapshots")).out()).contains("No snapshots yet");
        assertThat(ok(cli.run("snapshots", "--json")).json()).isEmpty();
    }

    @Test
    void lsInTextAndJson() {
        init();
        String id = backup();

        Result text = ok(cli.run("ls", id.substring(0, 8)));
        JsonNode all = ok(cli.run("ls", "latest", "--json")).json();
        JsonNode docs = ok(cli.run("ls", "latest", "src/docs", "--json")).json();

        assertThat(text.out()).contains("src/photo.jpg", "src/docs/notes.txt", "src/latest -> docs/notes.txt");
        assertThat(text.out()).containsPattern("(?m)^-rw-r--r-- .* src/photo.jpg$");
        assertThat(text.out()).containsPattern("(?m)^drwx.* src/empty$");
        List<String> paths = new ArrayList<>();
        all.forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths)
                .containsExactly("src", "src/docs", "src/docs/notes.txt", "src/empty", "src/latest", "src/photo.jpg");
        JsonNode photo = all.get(5);
        assertThat(photo.get("type").asText()).isEqualTo("file");
        assertThat(photo.get("size").asLong()).isEqualTo(700_000);
        assertThat(photo.get("mode").asInt()).isEqualTo(0644);
        assertThat(all.get(4).get("target").asText()).isEqualTo("docs/notes.txt");
        assertThat(docs).hasSize(2);
    }

    @Test
    void restoreInTextGivesBackTheTree() throws Exception {
        init();
        backup();
        Path target = Files.createDirectories(tmp.resolve("restored"));

        Result r = ok(cli.run("restore", "latest", "--target", target.toString()));

        assertThat(r.out()).contains("Restored 2 file(s)", "1 symlink(s)");
        assertSameTree(src, target.resolve("src"));
    }

    @Test
    void restoreAsJsonWithInclude() throws Exception {
        init();
        backup();
        Path target = Files.createDirectories(tmp.resolve("restored"));

        JsonNode j = ok(cli.run("restore", "latest", "--target", target.toString(), "--include", "src/docs", "--json"))
                .json();

        assertThat(j.get("files").asLong()).isEqualTo(1);
        assertThat(j.get("bytes").asLong()).isEqualTo(5);
        assertThat(j.get("skippedExisting")).isEmpty();
        assertThat(j.get("snapshotId").asText()).matches("[0-9a-f]{64}");
        assertSameTree(src.resolve("docs"), target.resolve("src/docs"));
        assertThat(target.resolve("src/photo.jpg")).doesNotExist();
    }

    @Test
    void restoreOverExistingFilesIsPartialUntilOverwriteIsGiven() throws Exception {
        init();
        backup();
        Path target = tmp.resolve("restored");
        Trees.writeString(target.resolve("src/docs/notes.txt"), "mine");

        Result kept = cli.run("restore", "latest", "--target", target.toString());
        Result replaced = cli.run("restore", "latest", "--target", target.toString(), "--overwrite");

        assertThat(kept.exit()).isEqualTo(ExitCode.PARTIAL);
        assertThat(kept.err()).contains("already exist", "src/docs/notes.txt", "--overwrite");
        assertThat(replaced.exit()).as("%s", replaced).isEqualTo(ExitCode.OK);
        assertSameTree(src, target.resolve("src"));
    }

    @Test
    void restoreIntoAMissingFolderFails() {
        init();
        backup();

        Result r =
                cli.run("restore", "latest", "--target", tmp.resolve("nowhere").toString());

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("does not exist");
    }

    // ---- check ----

    @Test
    void checkInTextAndJson() {
        init();
        backup();

        Result text = ok(cli.run("check"));
        Result deep = ok(cli.run("check", "--read-data"));
        JsonNode j = ok(cli.run("check", "--read-data", "--json")).json();

        assertThat(text.out()).contains("Checked 1 pack(s), 1 snapshot(s)", "no errors");
        assertThat(deep.out()).containsPattern("\\d+ chunk\\(s\\) read");
        assertThat(j.get("packs").asInt()).isEqualTo(1);
        assertThat(j.get("snapshots").asInt()).isEqualTo(1);
        assertThat(j.get("chunksRead").asLong()).isPositive();
        assertThat(j.get("errors")).isEmpty();
    }

    @Test
    void checkNamesADamagedPackAndFails() throws Exception {
        init();
        backup();
        Path pack = packFiles().get(0);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length - 10] ^= 1;
        Files.write(pack, bytes);

        Result text = cli.run("check");
        Result json = cli.run("check", "--json");

        assertThat(text.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(text.err()).contains(pack.getFileName().toString(), "damaged");
        assertThat(json.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(json.json().get("errors").get(0).asText())
                .contains(pack.getFileName().toString());
    }

    @Test
    void checkNamesAMissingPackAndFails() throws Exception {
        init();
        backup();
        Path pack = packFiles().get(0);
        Files.delete(pack);

        Result r = cli.run("check");

        assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains(pack.getFileName().toString(), "missing");
    }

    @Test
    void checkWithReadDataFindsDamageThatAPlainCheckCannotSee() throws Exception {
        init();
        backup();
        Path pack = packFiles().get(0);
        byte[] bytes = Files.readAllBytes(pack);
        // Inside the photo's chunk, whether the small chunks came before it or after.
        bytes[350_000] ^= 1;
        Files.write(pack, bytes);

        Result plain = cli.run("check");
        Result deep = cli.run("check", "--read-data");

        assertThat(plain.exit()).as("%s", plain).isEqualTo(ExitCode.OK);
        assertThat(deep.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(deep.err()).contains(pack.getFileName().toString());
    }

    private List<Path> packFiles() throws Exception {
        String keyBlob = CliHarness.JSON
                .readTree(cli.home.resolve("config.json").toFile())
                .get("keyBlob")
                .asText();
        try (var files = Files.walk(cli.home.resolve("store/blobs"))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(keyBlob))
                    .toList();
        }
    }

    // ---- backups that cannot read everything ----

    @Test
    void aBackupThatCannotReadAFileSucceedsPartlyWithExitCodeThree() throws Exception {
        init();
        try (var unreadable = dev.walrussync.engine.testing.UnreadableFiles.tooLongToOpen(
                src.resolve("deep"), "unreachable.txt", new byte[] {1})) {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(unreadable.file()));

            Result r = cli.run("backup", src.toString(), "--host", "h");
            Result j = cli.run("backup", src.toString(), "--host", "h", "--json");

            assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.PARTIAL);
            assertThat(r.err()).contains("unreachable.txt");
            assertThat(r.out()).contains("could not be read");
            assertThat(j.exit()).isEqualTo(ExitCode.PARTIAL);
            assertThat(j.json().get("errors").get(0).asText()).contains("unreachable.txt");
        }
        assertThat(ok(cli.run("snapshots", "--json")).json()).hasSize(2);
    }

    // ---- forget, prune, stats ----

    @Test
    void forgetByIdInText() {
        init();
        String first = backup();
        backup();

        Result r = ok(cli.run("forget", first.substring(0, 8)));

        assertThat(r.out()).contains("forgot " + first.substring(0, 8), "Forgot 1 snapshot(s)", "prune");
        assertThat(ok(cli.run("snapshots", "--json")).json()).hasSize(1);
    }

    @Test
    void forgetByPolicyAsJsonWithDryRunAndPrune() throws Exception {
        init();
        String first = backup();
        Trees.writeRandom(src.resolve("photo.jpg"), 2, 700_000);
        backup();
        String third = backup();

        JsonNode dry =
                ok(cli.run("forget", "--keep-last", "1", "--dry-run", "--json")).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("forgotten")).hasSize(2);
        assertThat(dry.get("forgotten").get(0).get("id").asText()).isEqualTo(first);
        assertThat(ok(cli.run("snapshots", "--json")).json()).hasSize(3);

        JsonNode done =
                ok(cli.run("forget", "--keep-last", "1", "--prune", "--json")).json();
        assertThat(done.get("forgotten")).hasSize(2);
        assertThat(done.get("prune").get("chunksRemoved").asLong()).isPositive();
        JsonNode left = ok(cli.run("snapshots", "--json")).json();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("id").asText()).isEqualTo(third);
        ok(cli.run("check", "--read-data"));
    }

    @Test
    void forgetWithoutIdsOrRulesIsAUsageError() {
        init();
        backup();

        Result none = cli.run("forget");
        Result both = cli.run("forget", "abcd1234", "--keep-last", "1");
        Result negative = cli.run("forget", "--keep-last", "-1");

        assertThat(negative.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("negative");
        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("--keep-", "Usage:");
        assertThat(both.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(ok(cli.run("snapshots", "--json")).json()).hasSize(1);
    }

    @Test
    void pruneInTextAndJson() throws Exception {
        init();
        String first = backup();
        Trees.writeRandom(src.resolve("photo.jpg"), 3, 700_000);
        backup();
        ok(cli.run("forget", first));

        Result text = ok(cli.run("prune"));
        JsonNode again = ok(cli.run("prune", "--json")).json();

        assertThat(text.out()).containsPattern("Removed [1-9]\\d* unreferenced chunk\\(s\\)");
        assertThat(again.get("chunksRemoved").asLong()).isZero();
        assertThat(again.get("packsDeleted").asInt()).isZero();
        ok(cli.run("check", "--read-data"));
    }

    @Test
    void statsInTextAndJson() {
        init();
        backup();
        backup();

        Result text = ok(cli.run("stats"));
        JsonNode j = ok(cli.run("stats", "--json")).json();

        assertThat(text.out()).contains("Snapshots:        2", "Latest snapshot:  2 files", "Space saving:");
        assertThat(j.get("snapshots").asInt()).isEqualTo(2);
        assertThat(j.get("logicalBytes").asLong()).isEqualTo(2 * 700_005L);
        assertThat(j.get("uniqueBytes").asLong()).isEqualTo(700_005L);
        assertThat(j.get("storedBytes").asLong()).isPositive();
        assertThat(j.get("store").asText()).startsWith("dir:");
    }

    // ---- keys ----

    @Test
    void keyListInTextAndJson() {
        init();

        Result text = ok(cli.run("key", "list"));
        JsonNode j = ok(cli.run("key", "list", "--json")).json();

        assertThat(text.out()).containsPattern("(?m)^\\* [0-9a-f]{8}\\s+passphrase");
        assertThat(text.out()).containsPattern("(?m)^  [0-9a-f]{8}\\s+recovery-phrase");
        assertThat(j).hasSize(2);
        assertThat(j.get(0).get("kind").asText()).isEqualTo("passphrase");
        assertThat(j.get(0).get("current").asBoolean()).isTrue();
        assertThat(j.get(1).get("kind").asText()).isEqualTo("recovery-phrase");
    }

    @Test
    void keyAddThenTheNewPassphraseUnlocksToo() throws Exception {
        init();
        Path newPass = writeFile("new.txt", "a second passphrase");

        JsonNode added = ok(cli.run("key", "add", "--new-password-file", newPass.toString(), "--json"))
                .json();
        cli.env.put("WALRUS_SYNC_PASSWORD", "a second passphrase");
        JsonNode slots = ok(cli.run("key", "list", "--json")).json();

        assertThat(added.get("added").asText()).matches("[0-9a-f]{8}");
        assertThat(slots).hasSize(3);
        assertThat(slots.get(2).get("id").asText()).isEqualTo(added.get("added").asText());
        assertThat(slots.get(2).get("current").asBoolean()).isTrue();
        cli.env.put("WALRUS_SYNC_PASSWORD", TestRepositories.PASSPHRASE);
        ok(cli.run("snapshots"));
    }

    @Test
    void keyAddTakesTheNewPassphraseFromTheEnvironmentInText() {
        init();
        cli.env.put("WALRUS_SYNC_NEW_PASSWORD", "from the environment");

        Result r = ok(cli.run("key", "add"));

        assertThat(r.out()).containsPattern("Added key slot [0-9a-f]{8}");
        cli.env.put("WALRUS_SYNC_PASSWORD", "from the environment");
        ok(cli.run("snapshots"));
    }

    @Test
    void keyPasswdReplacesTheOldPassphrase() throws Exception {
        init();
        Path newPass = writeFile("new.txt", "the new passphrase");

        Result r = ok(cli.run("key", "passwd", "--new-password-file", newPass.toString()));
        Result old = cli.run("snapshots");
        cli.env.put("WALRUS_SYNC_PASSWORD", "the new passphrase");
        JsonNode slots = ok(cli.run("key", "list", "--json")).json();

        assertThat(r.out()).contains("Changed the passphrase");
        assertThat(old.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(old.err()).contains("wrong passphrase");
        assertThat(slots).hasSize(2);
    }

    @Test
    void keyPasswdAsJson() throws Exception {
        init();
        Path newPass = writeFile("new.txt", "the new passphrase");

        JsonNode j = ok(cli.run("key", "passwd", "--new-password-file", newPass.toString(), "--json"))
                .json();

        assertThat(j.get("slot").asText()).matches("[0-9a-f]{8}");
    }

    @Test
    void keyRemoveTakesASlotAwayButNeverTheLast() throws Exception {
        String phrase = init();
        JsonNode slots = ok(cli.run("key", "list", "--json")).json();
        String passphraseSlot = slots.get(0).get("id").asText();
        String phraseSlot = slots.get(1).get("id").asText();

        JsonNode removed = ok(cli.run("key", "remove", phraseSlot, "--json")).json();
        Result last = cli.run("key", "remove", passphraseSlot);
        Result text = cli.run("key", "remove", "deadbeef");

        assertThat(removed.get("removed").asText()).isEqualTo(phraseSlot);
        assertThat(last.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(last.err()).contains("only key slot");
        assertThat(text.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(text.err()).contains("deadbeef");
        assertThat(ok(cli.run("key", "list", "--json")).json()).hasSize(1);
        cli.env.remove("WALRUS_SYNC_PASSWORD");
        Path file = writeFile("phrase.txt", phrase);
        assertThat(cli.run("snapshots", "--recovery-phrase-file", file.toString())
                        .exit())
                .as("the removed recovery phrase no longer unlocks")
                .isEqualTo(ExitCode.FAILED);
    }

    @Test
    void keyRemoveInText() {
        init();
        String phraseSlot =
                ok(cli.run("key", "list", "--json")).json().get(1).get("id").asText();

        assertThat(ok(cli.run("key", "remove", phraseSlot)).out()).contains("Removed key slot " + phraseSlot);
    }

    // ---- repair ----

    @Test
    void repairIndexInTextAndJsonAfterTheIndexWasLost() throws Exception {
        init();
        String id = backup();
        for (String name : List.of("index.db", "index.db-wal", "index.db-shm")) {
            Files.deleteIfExists(cli.home.resolve(name));
        }

        Result text = ok(cli.run("repair", "index"));
        JsonNode j = ok(cli.run("repair", "index", "--json")).json();

        assertThat(text.out()).contains("Rebuilt the index: 1 pack(s)", "1 snapshot(s)");
        assertThat(j.get("packs").asInt()).isEqualTo(1);
        assertThat(j.get("snapshots").asInt()).isEqualTo(1);
        assertThat(j.get("foreignBlobs").asInt()).isZero();
        assertThat(ok(cli.run("snapshots", "--json")).json().get(0).get("id").asText())
                .isEqualTo(id);
    }

    // ---- recover ----

    @Test
    void recoverOnANewMachineWithThePhraseInTextThenRestoreAndBackUp() throws Exception {
        String phrase = init();
        String id = backup();
        CliHarness b = new CliHarness(tmp.resolve("new-machine"));
        b.env.remove("WALRUS_SYNC_PASSWORD");
        Path file = writeFile("phrase.txt", phrase);

        Result r = ok(b.run("recover", "--store", dirStore(), "--recovery-phrase-file", file.toString()));

        assertThat(r.out())
                .contains("Recovered repository", "Index: 1 pack(s)", "1 snapshot(s)", id.substring(0, 8))
                .doesNotContain("Not recoverable");
        assertThat(r.err()).contains("1/4 Listed the store", "2/4 Reading the 1 pack(s)", "4/4 Rebuilding");
        b.env.put("WALRUS_SYNC_PASSWORD", TestRepositories.PASSPHRASE);
        Path target = Files.createDirectories(tmp.resolve("restored"));
        ok(b.run("restore", id, "--target", target.toString()));
        assertSameTree(src, target.resolve("src"));
        ok(b.run("backup", src.toString(), "--host", "new-machine"));
        assertThat(ok(cli.run("backup", src.toString(), "--host", "test-host", "--json"))
                        .json())
                .isNotNull();
        assertThat(ok(cli.run("snapshots", "--json")).json())
                .extracting(n -> n.get("host").asText())
                .contains("test-host", "new-machine");
    }

    @Test
    void recoverWithThePassphraseInJson() {
        init();
        backup();
        CliHarness b = new CliHarness(tmp.resolve("new-machine"));

        JsonNode j = ok(b.run("recover", "--store", dirStore(), "--json")).json();

        assertThat(j.get("index").get("snapshots").asInt()).isEqualTo(1);
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("snapshots")).hasSize(1);
    }

    @Test
    void recoverRefusesAWrongPhraseAStoreWithoutRepositoryAndAnExistingHome() throws Exception {
        init();
        backup();
        String otherPhrase = new CliHarness(tmp.resolve("other-home"))
                .run("init", "--store", "dir:" + tmp.resolve("other-home/store"), "--json")
                .json()
                .get("recoveryPhrase")
                .asText();
        CliHarness b = new CliHarness(tmp.resolve("new-machine"));

        Result wrong = b.run(
                "recover",
                "--store",
                dirStore(),
                "--recovery-phrase-file",
                writeFile("other.txt", otherPhrase).toString());
        assertThat(wrong.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(wrong.err()).contains("the recovery phrase does not open the repository", "24 words");
        assertThat(tmp.resolve("new-machine/config.json")).doesNotExist();

        Files.createDirectories(tmp.resolve("empty/blobs"));
        Files.writeString(tmp.resolve("empty/walrus-sync-store.json"), "{}");
        Result none = b.run("recover", "--store", "dir:" + tmp.resolve("empty"));
        assertThat(none.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(none.err()).contains("no Walrus Sync repository in", "holds no blobs");

        Result existing = cli.run("recover", "--store", dirStore());
        assertThat(existing.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(existing.err()).contains("a repository is already set up in");
    }

    // ---- usage ----

    @Test
    void usageErrorsExitWithTwo() {
        for (String[] args : new String[][] {
            {"no-such-command"},
            {"snapshots", "--no-such-option"},
            {"restore", "latest"},
            {"backup"},
            {"forget", "--keep-last", "many"},
            {"key", "remove"},
            {"ls"},
        }) {
            Result r = cli.run(args);
            assertThat(r.exit()).as("%s: %s", Arrays.toString(args), r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as("%s", Arrays.toString(args)).isNotBlank();
        }
    }

    @Test
    void helpAndVersionExitWithZero() {
        Result help = ok(cli.run("--help"));
        Result version = ok(cli.run("--version"));
        Result backupHelp = ok(cli.run("help", "backup"));

        assertThat(help.out()).contains("backup", "restore", "Exit codes");
        // The version and the commit it was built from (app/pom.xml writes them into build.properties).
        assertThat(version.out().lines().findFirst().orElseThrow())
                .matches("walrus-sync \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(build [0-9a-f]{10}, \\d{4}-\\d{2}-\\d{2}.*\\)");
        assertThat(version.out()).contains("Java " + Runtime.version());
        assertThat(backupHelp.out()).contains("--exclude");
    }
}
