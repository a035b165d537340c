package dev.walrussync.engine.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.engine.model.StoreDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The printable page: what is on it, what is left off, and that no text can break out of it. */
class RecoveryKitTest {
    private static final String ID = "5f0c1a2b" + "0123456789abcdef".repeat(3) + "01234567";
    private static final String ADDRESS = "0x160179a1565ea7cff27ead23f54cc7f50893bf58155cd7285156e57afa31c3ac";
    private static final String KEY = "suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn7";
    private static final Instant MADE = Instant.parse("2026-11-23T10:15:30Z");
    private static final List<String> WORDS =
            IntStream.rangeClosed(1, 24).mapToObj(i -> "word" + i).toList();

    /** What a reader sees: the page without its tags. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "");
    }

    /** The endpoints.json the sheet tells the reader to type, as they would type it. */
    private static JsonNode endpointsJson(String html) {
        Matcher m = Pattern.compile("<code>endpoints.json</code>:<pre>(.*?)</pre>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("the sheet shows an endpoints.json").isTrue();
        String typed = m.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        try {
            return new ObjectMapper().readTree(typed);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + typed, e);
        }
    }

    private static StoreDetails walrus(String network, List<String> publishers, String graphql) {
        return new StoreDetails(
                "walrus", network, network, publishers, List.of("https://aggregator.example/"), graphql, ADDRESS, 10);
    }

    private static StoreDetails testnet() {
        return walrus("testnet", List.of("https://publisher.walrus-testnet.walrus.space/"), "https://graphql.test/");
    }

    private static final RecoveryKit.NetworkIds IDS = new RecoveryKit.NetworkIds("0x98da", "0x2134", "0x35::wal::WAL");

    @Test
    void aKitOnTestnetHasTheWordsTheNetworkTheAddressAndTheKey() {
        String html = new RecoveryKit(ID, MADE, WORDS, testnet(), IDS, KEY).html();

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html)
                .contains("<title>Walrus Sync recovery kit: repository 5f0c1a2b</title>", ID, "2026-11-23 10:15 UTC");
        List<String> numbered = new ArrayList<>();
        var m = Pattern.compile("<span class=\"n\">(\\d+)\\.</span> <span class=\"w\">([^<]+)</span>")
                .matcher(html);
        while (m.find()) {
            numbered.add(m.group(1) + "=" + m.group(2));
        }
        assertThat(numbered)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 24)
                        .mapToObj(i -> i + "=word" + i)
                        .toList());
        assertThat(html)
                .contains("Walrus network <strong class=\"mono\">testnet</strong>", ADDRESS)
                .contains("Wallet key &mdash; secret", "<p class=\"key mono\">" + KEY + "</p>")
                .contains("Restore from another machine")
                .contains("Anyone who has it can open and read all your backups, and spend the money");
        assertThat(text(html))
                .contains("walrus-sync recover --network testnet --wallet-key-file wallet-key.txt"
                        + " --recovery-phrase-file phrase.txt");
        assertThat(html)
                .contains("<span class=\"nw\">--recovery-phrase-file phrase.txt</span>")
                .contains("<span class=\"nw\">--network testnet</span>");
        // A known network needs no endpoints on paper.
        assertThat(html).doesNotContain("publisher.walrus-testnet", "Sui GraphQL", "0x2134", "endpoints.json");
    }

    @Test
    void withoutTheWalletKeyTheSheetSaysItIsNotOnItAndWhereToGetIt() {
        RecoveryKit kit = new RecoveryKit(ID, MADE, WORDS, testnet(), IDS, null);
        String html = kit.html();

        assertThat(kit.includesWalletKey()).isFalse();
        assertThat(html)
                .doesNotContain("suiprivkey")
                .contains("The wallet key is NOT on this sheet", "walrus-sync key kit", "Settings")
                .contains(ADDRESS)
                .contains("Anyone who has it can open and read all your backups.");
    }

    @Test
    void aCustomNetworkIsWrittenDownWithItsEndpointsAndIds() {
        StoreDetails store = walrus(
                "my-net", List.of("https://pub-1.example/", "https://pub-2.example/"), "https://sui.example/graphql");
        String html = new RecoveryKit(ID, MADE, WORDS, store, IDS, KEY).html();

        assertThat(html)
                .contains("a network of your own")
                .contains("https://pub-1.example/", "https://pub-2.example/", "https://aggregator.example/")
                .contains("https://sui.example/graphql", "0x98da", "0x2134", "0x35::wal::WAL")
                .contains("add each with <code>--publisher URL</code>");
        assertThat(text(html))
                .contains("walrus-sync recover --network my-net --endpoints endpoints.json --wallet-key-file"
                        + " wallet-key.txt --recovery-phrase-file phrase.txt");
        JsonNode endpoints = endpointsJson(html);
        assertThat(endpoints.get("publisher").asText()).isEqualTo("https://pub-1.example/");
        assertThat(endpoints.get("aggregator").asText()).isEqualTo("https://aggregator.example/");
        assertThat(endpoints.get("graphql").asText()).isEqualTo("https://sui.example/graphql");
        assertThat(endpoints.get("systemObject").asText()).isEqualTo("0x2134");
        assertThat(endpoints.get("walrusPackage").asText()).isEqualTo("0x98da");
        assertThat(endpoints.get("walCoinType").asText()).isEqualTo("0x35::wal::WAL");
        assertThat(endpoints.size()).isEqualTo(6);
    }

    @Test
    void theLocalNetworkIsFlaggedAsNotOffSite() {
        String html = new RecoveryKit(
                        ID,
                        MADE,
                        WORDS,
                        walrus("local", List.of("http://127.0.0.1:1/"), "http://127.0.0.1:2/"),
                        IDS,
                        KEY)
                .html();

        assertThat(html).contains("not off-site").doesNotContain("127.0.0.1");
    }

    @Test
    void hostileTextCannotBreakOutOfThePage() {
        String evil =
                "x</strong><script>alert(\"pwned\")</script><img src=https://evil.example/a.png onerror='1'>&amp;";
        StoreDetails store = walrus(evil, List.of(evil), evil);
        String html = new RecoveryKit(
                        ID,
                        MADE,
                        WORDS.stream().map(w -> w.equals("word3") ? evil : w).toList(),
                        store,
                        new RecoveryKit.NetworkIds(evil, evil + "\u0007", evil),
                        KEY + evil)
                .html();
        // The endpoints file for this hostile network is still valid JSON that holds the text exactly.
        assertThat(endpointsJson(html).get("systemObject").asText()).isEqualTo(evil + "\u0007");

        assertThat(html)
                .doesNotContain("<script", "<img", "onerror='", "\u0007")
                .doesNotContainPattern("(?i)<[a-z][^>]*\\s(src|href|on[a-z]+)\\s*=")
                .contains("x&lt;/strong&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"
                        + "&lt;img src=https://evil.example/a.png onerror=&#39;1&#39;&gt;&amp;amp;");
        // Nothing is fetched from anywhere, and the browser is told so.
        assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
        assertThat(html).doesNotContain("@import", "url(");
    }

    @Test
    void aRepositoryInAFolderHasNoWalletSection() {
        StoreDetails folder = new StoreDetails("dir", "/media/usb/backup", null, List.of(), List.of(), null, null, 0);
        String html = new RecoveryKit(ID, MADE, WORDS, folder, null, null).html();

        assertThat(html)
                .contains("a folder: <span class=\"mono\">/media/usb/backup</span>")
                .contains("it has no wallet and needs no wallet key")
                .doesNotContain("NOT on this sheet", "--wallet-key-file");
        assertThat(text(html))
                .contains("walrus-sync recover --store dir:/media/usb/backup --recovery-phrase-file phrase.txt");
    }

    @Test
    void itPrintsWellAndNeverNamesItsSecretsInToString() {
        RecoveryKit kit = new RecoveryKit(ID, MADE, WORDS, testnet(), IDS, KEY);

        assertThat(kit.html()).contains("@media print", "break-inside: avoid");
        assertThat(kit.toString()).isEqualTo("RecoveryKit[repository 5f0c1a2b, 24 words, with the wallet key]");
    }

    @Test
    void itRefusesAnythingButTwentyFourWordsAndAHexId() {
        assertThatThrownBy(() -> new RecoveryKit(ID, MADE, WORDS.subList(0, 12), testnet(), IDS, KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a recovery phrase has 24 words, got 12");
        assertThatThrownBy(() -> new RecoveryKit("5f0c", MADE, WORDS, testnet(), IDS, KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
