package dev.walrussync.engine.kit;

import dev.walrussync.engine.model.StoreDetails;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Renders the recovery kit: a printable, self-contained HTML page (inline CSS, no scripts, no external
 * resources, and a Content-Security-Policy that forbids loading any) with the repository ID, the 24
 * numbered words of the recovery phrase, where the repository is stored, the wallet's address and, in a
 * section of its own, the wallet's key, followed by how to recover on a new machine. Every piece of text
 * is HTML-escaped.
 *
 * <p>The page is a secret: anyone with the words can read every backup, and anyone with the wallet key
 * can spend the wallet's money. It says so at the top.
 *
 * @param repositoryId the repository ID, 64 hex characters
 * @param made when the kit was made, shown in UTC
 * @param words the 24 words of the recovery phrase, in order
 * @param store where the repository is stored
 * @param networkIds the Walrus network's on-chain IDs, shown only for a custom network, which needs them written
 *     down (the sheet turns them into the {@code endpoints.json} that {@code recover --endpoints} reads); null if
 *     not on Walrus
 * @param walletKey the wallet's {@code suiprivkey1…} key, or null to leave it off the sheet (and off a
 *     repository kept in a folder, which has no wallet)
 */
public record RecoveryKit(
        String repositoryId,
        Instant made,
        List<String> words,
        StoreDetails store,
        @Nullable NetworkIds networkIds,
        @Nullable String walletKey) {
    /** Words in a recovery phrase. */
    public static final int WORD_COUNT = 24;

    /** The networks Walrus Sync knows by name; any other is custom and needs its endpoints written down. */
    private static final Set<String> KNOWN_NETWORKS = Set.of("local", "testnet", "mainnet");

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The on-chain IDs of a Walrus network: what a custom network needs besides its URLs. */
    public record NetworkIds(String walrusPackage, String systemObject, String walCoinType) {
        public NetworkIds {
            Objects.requireNonNull(walrusPackage, "walrusPackage");
            Objects.requireNonNull(systemObject, "systemObject");
            Objects.requireNonNull(walCoinType, "walCoinType");
        }
    }

    public RecoveryKit {
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(made, "made");
        Objects.requireNonNull(store, "store");
        if (!HEX_ID.matcher(repositoryId).matches()) {
            throw new IllegalArgumentException("a repository ID is 64 lower-case hex characters");
        }
        words = List.copyOf(words);
        if (words.size() != WORD_COUNT) {
            throw new IllegalArgumentException("a recovery phrase has " + WORD_COUNT + " words, got " + words.size());
        }
    }

    /** Whether the repository is on a Walrus network other than local, testnet and mainnet. */
    public boolean customNetwork() {
        return store.onWalrus() && !KNOWN_NETWORKS.contains(store.network());
    }

    /** Whether the wallet key is on the sheet. */
    public boolean includesWalletKey() {
        return walletKey != null;
    }

    /** Names the repository only: never the words or the key. */
    @Override
    public String toString() {
        return "RecoveryKit[repository " + repositoryId.substring(0, 8) + ", " + WORD_COUNT + " words, "
                + (walletKey == null ? "without" : "with") + " the wallet key]";
    }

    /** The whole page, UTF-8 text starting with {@code <!DOCTYPE html>}. */
    public String html() {
        StringBuilder h = new StringBuilder(16 * 1024);
        String shortId = repositoryId.substring(0, 8);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\""
                        + " content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>Walrus Sync recovery kit: repository ")
                .append(esc(shortId))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");

        h.append("<header>\n<h1>Walrus Sync recovery kit</h1>\n<p class=\"sub\">Repository <strong class=\"mono\">")
                .append(esc(shortId))
                .append("</strong> &middot; made ")
                .append(esc(DATE.format(made)))
                .append("</p>\n</header>\n");

        h.append("<div class=\"warning\" role=\"note\"><strong>Keep this sheet secret.</strong> Anyone who has it can"
                        + " open and read all your backups")
                .append(includesWalletKey() ? ", and spend the money in the wallet that pays for their storage." : ".")
                .append(" Keep it somewhere safe and away from the computer it protects; do not photograph it, email"
                        + " it or store it in the cloud. If it is lost or seen by someone else, make a new one (see the"
                        + " end of this sheet).</div>\n");

        appendRepository(h);
        appendWords(h);
        appendWallet(h);
        appendSteps(h);

        h.append("<footer>Walrus Sync recovery kit &middot; repository <span class=\"mono\">")
                .append(esc(repositoryId))
                .append("</span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private void appendRepository(StringBuilder h) {
        h.append("<section>\n<h2>Repository</h2>\n<dl>\n");
        row(h, "Repository ID", "<span class=\"mono\">" + esc(repositoryId) + "</span>");
        if (store.onWalrus()) {
            String network = Objects.requireNonNull(store.network());
            row(
                    h,
                    "Stored on",
                    "Walrus network <strong class=\"mono\">" + esc(network) + "</strong>"
                            + (customNetwork() ? " (a network of your own)" : ""));
            if (store.walletAddress() != null) {
                row(h, "Wallet address", "<span class=\"mono\">" + esc(store.walletAddress()) + "</span>");
            }
            if (customNetwork()) {
                row(h, "Publishers", list(store.publishers()));
                row(h, "Aggregators", list(store.aggregators()));
                row(h, "Sui GraphQL", store.graphql() == null ? "&mdash;" : mono(store.graphql()));
                if (networkIds != null) {
                    row(h, "Walrus package", mono(networkIds.walrusPackage()));
                    row(h, "System object", mono(networkIds.systemObject()));
                    row(h, "WAL coin type", mono(networkIds.walCoinType()));
                }
            }
        } else {
            row(h, "Stored in", "a folder: <span class=\"mono\">" + esc(store.location()) + "</span>");
        }
        h.append("</dl>\n");
        if (store.onWalrus() && "local".equals(store.network())) {
            h.append(
                    "<p class=\"note\"><strong>This repository is on the local network built into Walrus Sync.</strong>"
                            + " That network runs only on the computer that made this sheet, so its backups are not off-site:"
                            + " a new machine cannot reach them. Use testnet or mainnet for backups you can recover"
                            + " elsewhere.</p>\n");
        } else if (!store.onWalrus()) {
            h.append(
                    "<p class=\"note\">The backups are in that folder. A new machine needs the folder, or a copy of it,"
                            + " as well as this sheet.</p>\n");
        }
        h.append("</section>\n");
    }

    private void appendWords(StringBuilder h) {
        h.append("<section>\n<h2>Recovery phrase</h2>\n")
                .append("<p>These " + WORD_COUNT + " words open the repository in place of the passphrase. Their order"
                        + " matters.</p>\n<ol class=\"words\">\n");
        for (int i = 0; i < words.size(); i++) {
            h.append("<li><span class=\"n\">")
                    .append(i + 1)
                    .append(".</span> <span class=\"w\">")
                    .append(esc(words.get(i)))
                    .append("</span></li>\n");
        }
        h.append("</ol>\n</section>\n");
    }

    private void appendWallet(StringBuilder h) {
        if (!store.onWalrus()) {
            h.append("<section>\n<h2>Wallet key</h2>\n<p>This repository is kept in a folder, not on Walrus: it has"
                    + " no wallet and needs no wallet key.</p>\n</section>\n");
            return;
        }
        if (walletKey != null) {
            h.append("<section class=\"secret\">\n<h2>Wallet key &mdash; secret</h2>\n")
                    .append("<p>The private key of the Sui wallet above, which owns the stored backups and pays to"
                            + " keep them. A new machine needs it, with the recovery phrase, to take over the backups."
                            + " Anyone who has it can spend the wallet's WAL and SUI.</p>\n<p class=\"key mono\">")
                    .append(esc(walletKey))
                    .append("</p>\n</section>\n");
        } else {
            h.append("<section class=\"secret\">\n<h2>Wallet key</h2>\n")
                    .append("<p><strong>The wallet key is NOT on this sheet.</strong> A new machine needs it, with the"
                            + " recovery phrase, to take over the backups. Keep it somewhere else that is safe. To"
                            + " see it, on a computer where this repository is set up, run <code>walrus-sync key kit"
                            + " --output FILE</code> (without <code>--without-wallet-key</code>) for a sheet that"
                            + " includes it, or open Settings in the Walrus Sync app.</p>\n</section>\n");
        }
    }

    private void appendSteps(StringBuilder h) {
        h.append("<section>\n<h2>How to recover on a new machine</h2>\n<ol class=\"steps\">\n");
        h.append("<li>Install Walrus Sync.</li>\n");
        if (store.onWalrus()) {
            String network = Objects.requireNonNull(store.network());
            boolean endpointsFile = customNetwork() && networkIds != null;
            h.append(
                    "<li>Type the " + WORD_COUNT + " words above into a text file, for example <code>phrase.txt</code>,"
                            + " and the wallet key into another, for example <code>wallet-key.txt</code>.");
            if (endpointsFile) {
                h.append(" This is a network of your own: type this into a third, <code>endpoints.json</code>:<pre>")
                        .append(esc(endpointsJson(Objects.requireNonNull(networkIds))))
                        .append("</pre>");
            }
            h.append("</li>\n<li>Run:<pre>");
            List<String> parts = new ArrayList<>(List.of("walrus-sync recover", "--network " + network));
            if (endpointsFile) {
                parts.add("--endpoints endpoints.json");
            }
            parts.addAll(List.of("--wallet-key-file wallet-key.txt", "--recovery-phrase-file phrase.txt"));
            h.append(command(parts.toArray(String[]::new))).append("</pre>");
            if (endpointsFile
                    && (store.publishers().size() > 1 || store.aggregators().size() > 1)) {
                h.append(
                        "To use every publisher and aggregator listed above, add each with <code>--publisher URL</code>"
                                + " and <code>--aggregator URL</code>.");
            } else if (customNetwork() && !endpointsFile) {
                h.append("This is a network of your own: give its publishers, aggregators and GraphQL URL as listed"
                        + " above, with the same options as <code>walrus-sync init</code>.");
            }
            h.append("</li>\n")
                    .append("<li>Or, in the Walrus Sync app, choose <strong>Restore from another machine</strong>, pick"
                            + " the network <strong class=\"mono\">")
                    .append(esc(network))
                    .append("</strong>, and enter the recovery phrase and the wallet key.</li>\n");
        } else {
            h.append("<li>Connect the folder that holds the backups (or a copy of it), and type the " + WORD_COUNT
                            + " words above into a text file, for example <code>phrase.txt</code>.</li>\n")
                    .append("<li>Run:<pre>")
                    .append(command(
                            "walrus-sync recover",
                            "--store dir:" + store.location(),
                            "--recovery-phrase-file phrase.txt"))
                    .append("</pre>If the folder is somewhere else now, give" + " its new path.</li>\n")
                    .append("<li>Or, in the Walrus Sync app, choose <strong>Restore from another machine</strong> and"
                            + " enter the recovery phrase.</li>\n");
        }
        h.append("<li>Restore your files: <code>walrus-sync restore latest --target FOLDER</code>, or the app's Restore"
                        + " screen.</li>\n")
                .append("<li>Delete the text files with the words and the key.</li>\n")
                .append(
                        "</ol>\n<p class=\"note\">If this sheet is lost or someone else has seen it, make a new recovery"
                                + " phrase with <code>walrus-sync key phrase --new</code> (the old words stop working) and"
                                + " print a new kit with <code>walrus-sync key kit --output FILE</code>.")
                .append(
                        store.onWalrus()
                                ? " If the wallet key was on it, also move the backups to a new wallet with <code>walrus-sync"
                                        + " wallet new</code>."
                                : "")
                .append("</p>\n</section>\n");
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<dt>")
                .append(esc(label))
                .append("</dt><dd>")
                .append(valueHtml)
                .append("</dd>\n");
    }

    private static String list(List<String> values) {
        if (values.isEmpty()) {
            return "&mdash;";
        }
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (!b.isEmpty()) {
                b.append("<br>");
            }
            b.append(mono(v));
        }
        return b.toString();
    }

    /** The {@code endpoints.json} that {@code recover --endpoints} reads, for this custom network. */
    private String endpointsJson(NetworkIds ids) {
        List<String[]> fields = new ArrayList<>();
        if (!store.publishers().isEmpty()) {
            fields.add(new String[] {"publisher", store.publishers().get(0)});
        }
        if (!store.aggregators().isEmpty()) {
            fields.add(new String[] {"aggregator", store.aggregators().get(0)});
        }
        if (store.graphql() != null) {
            fields.add(new String[] {"graphql", store.graphql()});
        }
        fields.add(new String[] {"systemObject", ids.systemObject()});
        fields.add(new String[] {"walrusPackage", ids.walrusPackage()});
        fields.add(new String[] {"walCoinType", ids.walCoinType()});
        StringBuilder b = new StringBuilder("{\n");
        for (int i = 0; i < fields.size(); i++) {
            b.append("  ")
                    .append(jsonString(fields.get(i)[0]))
                    .append(": ")
                    .append(jsonString(fields.get(i)[1]))
                    .append(i + 1 < fields.size() ? ",\n" : "\n");
        }
        return b.append('}').toString();
    }

    /** A JSON string literal. */
    private static String jsonString(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * A command line whose parts (an option and its value) never break across lines, so that what is printed
     * is what is typed: a line can break only between the parts.
     */
    private static String command(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append("<span class=\"nw\">").append(esc(part)).append("</span>");
        }
        return b.toString();
    }

    private static String mono(String text) {
        return "<span class=\"mono\">" + esc(text) + "</span>";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters have no business on a printed sheet; show them as U+FFFD.
                    if (Character.isISOControl(c) && c != '\t' && c != '\n') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              color: #111; background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1.5rem; }
            h1 { font-size: 20pt; margin: 0 0 .2rem; }
            h2 { font-size: 13pt; margin: 0 0 .5rem; }
            .sub { color: #444; margin: 0 0 1rem; }
            .mono, code, pre, .w { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono",
              "DejaVu Sans Mono", monospace; }
            .warning { border: 2px solid #b00020; background: #fff4f4; border-radius: 6px; padding: .6rem .9rem;
              margin: 0 0 1rem; }
            section { border: 1px solid #888; border-radius: 6px; padding: .7rem .9rem; margin: 0 0 1rem;
              break-inside: avoid; page-break-inside: avoid; }
            section.secret { border: 2px dashed #b00020; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
            dt { font-weight: 600; }
            dd { margin: 0; overflow-wrap: anywhere; }
            ol.words { list-style: none; margin: .4rem 0 0; padding: 0; display: grid;
              grid-template-columns: repeat(4, 1fr); gap: .35rem 1rem; }
            ol.words li { border-bottom: 1px solid #bbb; padding: .2rem 0; white-space: nowrap; }
            ol.words .n { display: inline-block; min-width: 1.8em; text-align: right; color: #555; }
            ol.words .w { font-size: 12pt; font-weight: 600; }
            .key { font-size: 11pt; overflow-wrap: anywhere; word-break: break-all; border: 1px solid #bbb;
              border-radius: 4px; padding: .5rem; margin: .4rem 0 0; }
            pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; border-radius: 4px;
              padding: .4rem .6rem; margin: .3rem 0; }
            .note { color: #333; font-size: 10pt; margin: .5rem 0 0; }
            .nw { white-space: nowrap; }
            ol.steps li { margin: 0 0 .35rem; }
            footer { color: #666; font-size: 9pt; margin-top: 1rem; overflow-wrap: anywhere; }
            @media print {
              @page { margin: 12mm; }
              body { max-width: none; margin: 0; padding: 0; font-size: 9pt; line-height: 1.3; }
              h1 { font-size: 16pt; }
              h2 { font-size: 11pt; margin-bottom: .3rem; }
              .sub { margin-bottom: .5rem; }
              .warning, section { break-inside: avoid; page-break-inside: avoid; padding: .35rem .65rem;
                margin-bottom: .45rem; }
              .warning { background: none; }
              dd .mono { font-size: 8.5pt; }
              ol.words { gap: .15rem 1rem; }
              ol.words li { padding: .1rem 0; }
              ol.words { margin-top: .2rem; }
              ol.words .w { font-size: 10.5pt; }
              p { margin: .2rem 0; }
              .key { font-size: 10pt; padding: .35rem; }
              pre { background: none; border: 1px solid #bbb; padding: .25rem .5rem; }
              .note { font-size: 8.5pt; }
              ol.steps { margin: .2rem 0; }
              ol.steps li { margin-bottom: .15rem; }
              footer { margin-top: .4rem; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
