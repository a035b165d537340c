package dev.walrussync.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery phrase shown again after unlocking, a new phrase replacing the old one, key blobs written before
 * phrases were sealed, the wallet key off Walrus, and the recovery kit of a repository in a folder: on real
 * repositories (directory store, SQLite index, key blob files).
 */
class RecoveryPhraseAgainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String words(List<String> words) {
        return String.join(" ", words);
    }

    @Test
    void thePhraseShownAgainIsTheOneInitShowedWhicheverCredentialUnlocked() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        List<String> fromInit = repo.created().recoveryWords();

        try (RepositorySession session = repo.openReadOnly()) {
            assertThat(session.recoveryPhrase()).hasSize(24).isEqualTo(fromInit);
        }
        try (RepositorySession session = repo.engine().openWithRecoveryPhrase(repo.home(), words(fromInit), false)) {
            assertThat(session.recoveryPhrase()).isEqualTo(fromInit);
        }
        assertThat(Files.readString(repo.keyBlobFile())).contains("\"sealedPhrase\"");
        assertThat(Files.readString(repo.home().resolve("keys.json"))).contains("\"sealedPhrase\"");
    }

    @Test
    void aNewPhraseReplacesTheOldOneWhichNoLongerUnlocks() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        Path src = Trees.writeString(tmp.resolve("src/a.txt"), "kept across the new phrase")
                .getParent();
        String oldWords = words(repo.created().recoveryWords());
        List<String> newWords;
        try (RepositorySession session = repo.open()) {
            TestRepositories.backup(session, src);
            newWords = session.newRecoveryPhrase();

            assertThat(newWords).hasSize(24).isNotEqualTo(repo.created().recoveryWords());
            assertThat(session.recoveryPhrase()).isEqualTo(newWords);
            assertThat(session.keySlots())
                    .extracting(KeySlotInfo::kind)
                    .containsExactly("passphrase", "recovery-phrase");
        }

        assertThatThrownBy(() -> repo.engine().openWithRecoveryPhrase(repo.home(), oldWords, false))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("wrong recovery phrase");
        try (RepositorySession session = repo.engine().openWithRecoveryPhrase(repo.home(), words(newWords), false)) {
            assertThat(session.snapshots()).hasSize(1);
            assertThat(session.recoveryPhrase()).isEqualTo(newWords);
            TestRepositories.restore(session, "latest", tmp.resolve("restored"));
        }
        assertThat(tmp.resolve("restored/src/a.txt")).hasContent("kept across the new phrase");
        try (RepositorySession session = repo.openReadOnly()) {
            assertThat(session.recoveryPhrase()).isEqualTo(newWords);
        }
    }

    @Test
    void aSessionUnlockedWithTheOldPhraseGoesOnWithTheNewOne() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        String oldWords = words(repo.created().recoveryWords());

        try (RepositorySession session = repo.engine().openWithRecoveryPhrase(repo.home(), oldWords, true)) {
            List<String> first = session.newRecoveryPhrase();
            List<String> second = session.newRecoveryPhrase();
            String added = session.addPassphrase("added after two new phrases".toCharArray());

            assertThat(second).isNotEqualTo(first);
            assertThat(session.recoveryPhrase()).isEqualTo(second);
            assertThat(session.keySlots())
                    .filteredOn(KeySlotInfo::current)
                    .singleElement()
                    .extracting(KeySlotInfo::kind)
                    .isEqualTo("recovery-phrase");
            assertThat(session.keySlots()).extracting(KeySlotInfo::id).contains(added);
        }
        try (RepositorySession session =
                repo.engine().openWithPassphrase(repo.home(), "added after two new phrases".toCharArray(), false)) {
            assertThat(session.keySlots()).hasSize(3);
        }
    }

    @Test
    void aKeyBlobFromBeforeSealedPhrasesStillOpensAndSaysToMakeANewPhrase() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        String oldWords = words(repo.created().recoveryWords());
        byte[] unsealed = withoutSealedPhrases(Files.readAllBytes(repo.keyBlobFile()));
        Files.write(repo.keyBlobFile(), unsealed);
        Files.write(repo.home().resolve("keys.json"), unsealed);
        String message = "this repository was created before the phrase could be shown again;"
                + " make a new one with 'walrus-sync key phrase --new'";

        try (RepositorySession session = repo.engine().openWithRecoveryPhrase(repo.home(), oldWords, true)) {
            assertThat(session.keySlots()).hasSize(2);
            assertThatThrownBy(session::recoveryPhrase)
                    .isInstanceOf(SyncException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> session.recoveryKit(true))
                    .isInstanceOf(SyncException.class)
                    .hasMessage(message);
        }
        try (RepositorySession session = repo.open()) {
            assertThatThrownBy(session::recoveryPhrase).hasMessage(message);
            List<String> fresh = session.newRecoveryPhrase();
            assertThat(session.recoveryPhrase()).isEqualTo(fresh);
        }
        assertThatThrownBy(() -> repo.engine().openWithRecoveryPhrase(repo.home(), oldWords, false))
                .hasMessageContaining("wrong recovery phrase");
    }

    @Test
    void withNoRecoveryPhraseSlotLeftTheErrorIsTheSameAndANewPhraseAddsOne() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        try (RepositorySession session = repo.open()) {
            String phraseSlot = session.keySlots().get(1).id();
            session.removeKeySlot(phraseSlot);

            assertThatThrownBy(session::recoveryPhrase).hasMessageContaining("'walrus-sync key phrase --new'");
            List<String> fresh = session.newRecoveryPhrase();

            assertThat(session.recoveryPhrase()).isEqualTo(fresh);
            assertThat(session.keySlots()).hasSize(2);
        }
    }

    @Test
    void aRepositoryInAFolderHasNoWalletKey() throws Exception {
        TestRepo repo = TestRepositories.init(tmp);
        try (RepositorySession session = repo.openReadOnly()) {
            assertThatThrownBy(session::walletPrivateKey)
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("kept in a folder")
                    .hasMessageContaining("not on Walrus: it has no wallet");
        }
    }

    @Test
    void theKitOfARepositoryInAFolderHasTheWordsTheIdAndTheFolderEscaped() throws Exception {
        TestRepo repo = TestRepositories.init(tmp.resolve("disk <script>alert('x')</script> & \"co\""));
        String html;
        try (RepositorySession session = repo.openReadOnly()) {
            html = session.recoveryKit(true);
        }

        assertThat(html).startsWith("<!DOCTYPE html>").contains("Walrus Sync recovery kit");
        assertThat(html)
                .contains(
                        repo.created().repositoryId(),
                        repo.created().repositoryId().substring(0, 8));
        List<String> words = repo.created().recoveryWords();
        for (int i = 0; i < words.size(); i++) {
            assertThat(html).contains("<span class=\"n\">" + (i + 1) + ".</span> <span class=\"w\">" + words.get(i));
        }
        assertThat(html)
                .doesNotContain("<script")
                .contains("disk &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
                .contains("has no wallet")
                .doesNotContain("suiprivkey");
        String shown = html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        assertThat(shown).contains("walrus-sync recover --store dir:" + repo.store() + " --recovery-phrase-file");
    }

    /** The key blob as a Walrus Sync from before sealed phrases wrote it: the same, without "sealedPhrase". */
    private static byte[] withoutSealedPhrases(byte[] json) throws Exception {
        JsonNode root = JSON.readTree(json);
        for (JsonNode slot : root.get("slots")) {
            ((ObjectNode) slot).remove("sealedPhrase");
        }
        byte[] out = JSON.writeValueAsBytes(root);
        assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("sealedPhrase");
        return out;
    }
}
