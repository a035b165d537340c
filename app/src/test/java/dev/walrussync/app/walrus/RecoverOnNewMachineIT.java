package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.Main;
import dev.walrussync.app.cli.CliHarness;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 end to end, through the command line, on a local Walrus network whose four storage nodes run as
 * separate OS processes. Machine A ({@code init} with a wallet key the user keeps) backs up two folders three
 * times, with files added, changed and deleted, nested folders, symlinks and several packs per backup. Machine B,
 * another app home holding only the recovery phrase and the wallet key, first gets a wrong phrase, a wrong wallet
 * and a wrong network refused with a clear message and nothing left behind; then runs {@code walrus-sync recover}
 * in its own process while one node process is killed (SIGKILL) mid-recovery, lists A's snapshots and restores
 * every one byte for byte with the node still down, and backs up a folder of its own as another host. A then
 * still restores each of its snapshots byte for byte, and after its next backup sees B's snapshot too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoverOnNewMachineIT {
    private static final String NETWORK = "e2e";
    private static final String HOST_B = "machine-b";
    private static final Pattern INDEX_LINE = Pattern.compile(
            "Index: (\\d+) pack\\(s\\) \\((\\d+) from index records, (\\d+) read\\), (\\d+) chunk\\(s\\), (\\d+)"
                    + " snapshot\\(s\\)");

    @TempDir
    static Path tmp;

    private LocalWalrusNetwork net;
    private Path endpoints;
    private CliHarness a;
    private CliHarness b;
    /** The first 8 hex characters of the repository's ID, as init and recover print them. */
    private String repositoryId;

    private String walletAddress;
    /** What machine B holds: the wallet key and the recovery phrase, each in a file. */
    private Path walletKeyFile;

    private Path phraseFile;
    private Path documents;
    private Path pictures;
    /** A's snapshot IDs in order, each with a copy of A's two folders taken right after that backup. */
    private final Map<String, Path> snapshotsOfA = new LinkedHashMap<>();

    private String snapshotOfB;
    private Path folderOfB;

    @BeforeAll
    void machineABacksUpThreeTimes() throws Exception {
        long start = System.nanoTime();
        Path dir = tmp.resolve("net");
        net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(dir)
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS)
                        .withEpochDuration(EmbeddedNetworks.EPOCH)
                        .withNodeProcesses(true),
                Clock.systemUTC());
        endpoints = dir.resolve("endpoints.json");
        log("network of %d node processes up", start, net.nodeCount());

        // The user keeps the wallet key; A's app home holds it only sealed under the repository's keys.
        Ed25519Keypair wallet = Ed25519Keypair.generate(new SecureRandom());
        Path secrets = Files.createDirectories(tmp.resolve("kept-by-the-user"));
        walletKeyFile = Files.writeString(secrets.resolve("wallet.key"), wallet.toSuiPrivateKey() + "\n");

        a = cli(tmp.resolve("home-a"), true);
        b = cli(tmp.resolve("home-b"), false);
        String init = ok(a.run(
                        "init",
                        "--network",
                        NETWORK,
                        "--endpoints",
                        endpoints.toString(),
                        "--wallet-key-file",
                        walletKeyFile.toString(),
                        "--pack-size",
                        "1MiB"))
                .out();
        // What the user notes down: the words as init prints them, numbered, six to a line.
        Matcher created =
                Pattern.compile("Created repository ([0-9a-f]{8}) in ").matcher(init);
        Matcher walletLine = Pattern.compile("Wallet: (0x[0-9a-f]{64}) ").matcher(init);
        assertThat(created.find() && walletLine.find()).as(init).isTrue();
        repositoryId = created.group(1);
        walletAddress = walletLine.group(1);
        assertThat(walletAddress).isEqualTo(wallet.address().toString());
        assertThat(a.home.resolve("wallet.json")).content().doesNotContain(wallet.toSuiPrivateKey());
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("(\\d+)\\. ([a-z]+)").matcher(init.substring(init.indexOf("Recovery phrase")));
        while (word.find()) {
            assertThat(Integer.parseInt(word.group(1))).isEqualTo(words.size() + 1);
            words.add(word.group(2));
        }
        assertThat(words).as(init).hasSize(24);
        phraseFile = Files.writeString(secrets.resolve("recovery-phrase.txt"), String.join(" ", words) + "\n");

        Path machineA = tmp.resolve("machine-a");
        documents = machineA.resolve("documents");
        pictures = machineA.resolve("pictures");

        // 1: nested folders, an empty folder and file, a symlink, and about 5 MB in several packs.
        Trees.writeString(documents.resolve("notes.txt"), "walrus notes, version 1\n".repeat(2_000));
        Trees.writeString(documents.resolve("projects/walrus/plan.md"), "plan, version 1\n".repeat(100));
        Trees.writeRandom(documents.resolve("projects/walrus/data.bin"), 1, 1_500_000);
        Trees.writeString(documents.resolve("projects/walrus/deep/er/still/leaf.txt"), "a leaf\n");
        Files.createDirectories(documents.resolve("empty"));
        Trees.write(documents.resolve("zero"), new byte[0]);
        Files.createSymbolicLink(documents.resolve("latest"), Path.of("projects/walrus/plan.md"));
        Trees.writeRandom(pictures.resolve("2024/a.jpg"), 2, 2_500_000);
        Trees.writeRandom(pictures.resolve("2024/b.jpg"), 3, 1_200_000);
        JsonNode first = backUpA();
        assertThat(first.get("packsStored").asLong())
                .as("the first backup writes several packs")
                .isGreaterThanOrEqualTo(4);

        // 2: a file grows, one changes in the middle, one is deleted, one is added, a symlink is retargeted and a
        // symlink to a folder appears.
        Files.writeString(
                documents.resolve("notes.txt"), "walrus notes, version 2\n".repeat(2_100), StandardCharsets.UTF_8);
        byte[] photo = Files.readAllBytes(pictures.resolve("2024/a.jpg"));
        System.arraycopy(Trees.randomBytes(20, 100_000), 0, photo, 1_200_000, 100_000);
        Files.write(pictures.resolve("2024/a.jpg"), photo);
        Files.delete(pictures.resolve("2024/b.jpg"));
        Trees.writeRandom(pictures.resolve("2025/c.jpg"), 4, 2_000_000);
        Files.createSymbolicLink(pictures.resolve("current"), Path.of("2025"));
        Files.delete(documents.resolve("latest"));
        Files.createSymbolicLink(documents.resolve("latest"), Path.of("notes.txt"));
        backUpA();

        // 3: a large file and a whole folder go, a new folder comes, a file shrinks and changes mode, and a
        // symlink points nowhere.
        Files.delete(documents.resolve("projects/walrus/data.bin"));
        Trees.deleteTree(pictures.resolve("2024"));
        Trees.writeRandom(documents.resolve("projects/new/report.pdf"), 5, 1_000_000);
        Files.writeString(documents.resolve("projects/walrus/plan.md"), "plan, version 3\n");
        Trees.chmod(documents.resolve("notes.txt"), "rw-------");
        Files.createSymbolicLink(documents.resolve("dangling"), Path.of("../nowhere"));
        backUpA();
        log("machine A: init and %d backups", start, snapshotsOfA.size());
    }

    @AfterAll
    void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    /** Backs up A's two folders, and copies them as the reference for that snapshot's restores. */
    private JsonNode backUpA() throws Exception {
        JsonNode report = ok(a.run("backup", documents.toString(), pictures.toString(), "--json"))
                .json();
        String id = report.get("snapshotId").asText();
        Path copy = tmp.resolve("copies").resolve(String.valueOf(snapshotsOfA.size() + 1));
        Trees.copy(documents, copy.resolve("documents"));
        Trees.copy(pictures, copy.resolve("pictures"));
        snapshotsOfA.put(id, copy);
        return report;
    }

    @Test
    @Order(1)
    void aWrongPhraseWalletOrNetworkIsNamedAndLeavesNothingInTheHome() throws Exception {
        long start = System.nanoTime();
        try (LocalWalrusNetwork other = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(tmp.resolve("other-net"))
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS)
                        .withEpochDuration(EmbeddedNetworks.EPOCH),
                Clock.systemUTC())) {
            Path otherEndpoints = tmp.resolve("other-net/endpoints.json");
            // The phrase of another repository: valid BIP-39 words with a good checksum, that open nothing here.
            CliHarness c = cli(tmp.resolve("home-c"), true);
            String otherWords = ok(c.run(
                            "init", "--network", "other", "--endpoints", otherEndpoints.toString(), "--json"))
                    .json()
                    .get("recoveryPhrase")
                    .asText();
            Path otherPhrase = Files.writeString(tmp.resolve("other-phrase.txt"), otherWords + "\n");
            Path freshKey = Files.writeString(
                    tmp.resolve("fresh.key"),
                    Ed25519Keypair.generate(new SecureRandom()).toSuiPrivateKey() + "\n");
            String freshAddress = Repositories.walletAddressOf(Files.readString(freshKey));

            String[] words = Files.readString(phraseFile).strip().split(" ");
            words[4] = "walrusx";
            Path typo = Files.writeString(tmp.resolve("typo-phrase.txt"), String.join(" ", words) + "\n");
            CliHarness.Result mistyped = b.run(recover(endpoints, walletKeyFile, typo));
            assertRefused(mistyped, "error: word 5, 'walrusx', is not in the BIP-39 English word list");

            CliHarness.Result wrongPhrase = b.run(recover(endpoints, walletKeyFile, otherPhrase));
            assertRefused(
                    wrongPhrase,
                    "error: the recovery phrase does not open the repository " + repositoryId + " found in wallet "
                            + walletAddress + " on Walrus network '" + NETWORK + "'",
                    "check the 24 words and their order");

            CliHarness.Result wrongWallet = b.run(recover(endpoints, freshKey, phraseFile));
            assertRefused(
                    wrongWallet,
                    "error: no Walrus Sync repository in wallet " + freshAddress + " on Walrus network '" + NETWORK
                            + "': it holds no blobs",
                    "Check the wallet key and the network");

            // The right wallet and phrase, but the endpoints of another network (under the name of the right one).
            CliHarness.Result wrongNetwork = b.run(recover(otherEndpoints, walletKeyFile, phraseFile));
            assertRefused(
                    wrongNetwork,
                    "error: no Walrus Sync repository in wallet " + walletAddress + " on Walrus network '" + NETWORK
                            + "': it holds no blobs",
                    "Check the wallet key and the network");
        }
        log("four refused recoveries", start);
    }

    private void assertRefused(CliHarness.Result r, String... messages) throws IOException {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).as(r.toString()).contains(messages).doesNotContain("Exception");
        assertThat(Repositories.exists(b.home)).isFalse();
        assertThat(b.home.resolve("config.json")).doesNotExist();
        if (!Files.exists(b.home)) {
            return;
        }
        try (Stream<Path> left = Files.list(b.home)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("what a failed recovery leaves in the home")
                    .isSubsetOf("lock");
        }
    }

    private String[] recover(Path endpointsFile, Path keyFile, Path phrase) {
        return new String[] {
            "recover",
            "--network",
            NETWORK,
            "--endpoints",
            endpointsFile.toString(),
            "--wallet-key-file",
            keyFile.toString(),
            "--recovery-phrase-file",
            phrase.toString()
        };
    }

    @Test
    @Order(2)
    void machineBRecoversInItsOwnProcessWhileANodeIsKilled() throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(recover(endpoints, walletKeyFile, phraseFile)));
        Path stdout = tmp.resolve("recover.out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile());
        pb.environment().put("WALRUS_SYNC_HOME", b.home.toString());
        pb.environment().remove("WALRUS_SYNC_PASSWORD");
        pb.environment().remove("WALRUS_SYNC_WALLET_KEY");
        Process recover = pb.start();
        List<String> stderr = new ArrayList<>();
        boolean killedDuringRecovery = false;
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(recover.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                stderr.add(line);
                if (line.startsWith("1/4 Listed the store") && !killedDuringRecovery) {
                    // The key blob is found and unlocked, the store listed; every pack, record and tree is
                    // still to be read.
                    Process node = net.nodeProcess(0);
                    node.destroyForcibly().waitFor(); // SIGKILL
                    killedDuringRecovery = recover.isAlive();
                    log("node-0 (pid %d) killed, exit %d", start, node.pid(), node.exitValue());
                }
            }
        } finally {
            if (!recover.waitFor(2, TimeUnit.MINUTES)) {
                recover.destroyForcibly().waitFor();
            }
        }
        String out = Files.readString(stdout);
        // The packs that hold records carry the walrus-sync attribute (at least the last pack of each backup);
        // the key blob does not.
        RepositoryState ofA = RepositoryState.read(a.home);
        Map<String, OwnedBlob> owned = new HashMap<>();
        for (OwnedBlob o : RepositoryState.walletBlobs(
                EmbeddedNetworks.describe(net, WalrusSettings.of(NETWORK, 10)), walletAddress)) {
            owned.put(o.blobId(), o);
        }
        assertThat(owned.keySet()).hasSize(ofA.packs().size() + 1).containsAll(ofA.packBlobIds());
        assertThat(owned.get(ofA.keyBlob()).attributes()).doesNotContainKey(WalrusBlobStore.MARK_ATTRIBUTE);
        long marked = owned.values().stream()
                .filter(o -> o.attributes().containsKey(WalrusBlobStore.MARK_ATTRIBUTE))
                .count();
        assertThat(marked).isGreaterThanOrEqualTo(snapshotsOfA.size());
        String shown =
                "exit " + recover.exitValue() + "\n--- stdout\n" + out + "--- stderr\n" + String.join("\n", stderr);
        assertThat(killedDuringRecovery)
                .as("node-0 was killed while recover ran\n%s", shown)
                .isTrue();
        assertThat(recover.exitValue()).as(shown).isEqualTo(ExitCode.OK);
        assertThat(stderr)
                .as(shown)
                .anyMatch(l -> l.startsWith("Looking for the repository in the blobs of wallet " + walletAddress
                        + " on Walrus network '" + NETWORK + "'"))
                .anyMatch(l ->
                        l.startsWith("2/4 Reading the " + marked + " pack(s) that hold snapshots and index records"))
                .anyMatch(l -> l.startsWith("4/4 Rebuilding the index from 3 snapshot(s)"));
        assertThat(out)
                .as(shown)
                .contains("Recovered repository " + repositoryId + " into " + b.home)
                .contains("3 snapshot(s)")
                .doesNotContain("Not recoverable");
        for (String id : snapshotsOfA.keySet()) {
            assertThat(out).as(shown).contains(id.substring(0, 8));
        }

        // Only the marked packs had their headers read; their index records gave the rest. B's index holds the
        // same packs and chunks as A's.
        RepositoryState ofB = RepositoryState.read(b.home);
        Matcher index = INDEX_LINE.matcher(out);
        assertThat(index.find()).as(shown).isTrue();
        int packs = Integer.parseInt(index.group(1));
        assertThat(packs).isEqualTo(ofA.packs().size());
        assertThat(Integer.parseInt(index.group(3))).as(shown).isEqualTo(marked);
        assertThat(Integer.parseInt(index.group(2))).as(shown).isEqualTo(packs - marked);
        assertThat(Long.parseLong(index.group(4))).isEqualTo(ofA.distinctChunks());
        assertThat(Integer.parseInt(index.group(5))).isEqualTo(3);
        assertThat(ofB.packBlobIds()).isEqualTo(ofA.packBlobIds());
        assertThat(ofB.distinctChunks()).isEqualTo(ofA.distinctChunks());
        assertThat(ofB.keyBlob()).isEqualTo(ofA.keyBlob());
        assertThat(b.home.resolve("wallet.json"))
                .content()
                .contains(walletAddress)
                .doesNotContain(Files.readString(walletKeyFile).strip());
        log("recovered in its own process, %d packs", start, packs);
    }

    @Test
    @Order(3)
    void machineBListsAndRestoresEverySnapshotOfAByteForByteWithTheNodeStillDown() throws Exception {
        long start = System.nanoTime();
        assertThat(net.nodeProcess(0).isAlive()).isFalse();
        JsonNode listed = ok(b.run("snapshots", "--json", "--recovery-phrase-file", phraseFile.toString()))
                .json();
        List<String> ids = new ArrayList<>();
        for (JsonNode s : listed) {
            ids.add(s.get("id").asText());
            assertThat(s.get("host").asText()).isNotEqualTo(HOST_B);
            assertThat(s.get("paths").get(0).asText()).isEqualTo(documents.toString());
            assertThat(s.get("paths").get(1).asText()).isEqualTo(pictures.toString());
        }
        assertThat(ids).containsExactlyElementsOf(snapshotsOfA.keySet());

        for (Map.Entry<String, Path> s : snapshotsOfA.entrySet()) {
            assertRestores(b, s.getKey(), s.getValue(), "b");
        }
        log("machine B restored %d snapshots with node-0 down", start, snapshotsOfA.size());
    }

    /** Restores a snapshot of A's two folders and compares them with the copies taken after that backup. */
    private void assertRestores(CliHarness cli, String snapshot, Path copy, String who) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("restored-" + who).resolve(snapshot.substring(0, 8)));
        List<String> args = new ArrayList<>(List.of("restore", snapshot, "--target", target.toString()));
        if (!cli.env.containsKey("WALRUS_SYNC_PASSWORD")) {
            args.addAll(List.of("--recovery-phrase-file", phraseFile.toString()));
        }
        ok(cli.run(args.toArray(String[]::new)));
        TreeAssert.assertSameTree(copy.resolve("documents"), target.resolve("documents"));
        TreeAssert.assertSameTree(copy.resolve("pictures"), target.resolve("pictures"));
    }

    @Test
    @Order(4)
    void machineBBacksUpAFolderOfItsOwn() throws Exception {
        long start = System.nanoTime();
        folderOfB = tmp.resolve("machine-b/music");
        Trees.writeRandom(folderOfB.resolve("album/track1.flac"), 30, 1_500_000);
        Trees.writeString(folderOfB.resolve("playlist.m3u"), "album/track1.flac\n");
        Files.createSymbolicLink(folderOfB.resolve("favourite"), Path.of("album/track1.flac"));

        JsonNode report = ok(b.run(
                        "backup",
                        folderOfB.toString(),
                        "--host",
                        HOST_B,
                        "--json",
                        "--recovery-phrase-file",
                        phraseFile.toString()))
                .json();
        snapshotOfB = report.get("snapshotId").asText();
        assertThat(report.get("packsStored").asLong()).isPositive();

        Path target = Files.createDirectories(tmp.resolve("restored-b/own"));
        ok(b.run(
                "restore",
                snapshotOfB,
                "--target",
                target.toString(),
                "--recovery-phrase-file",
                phraseFile.toString()));
        TreeAssert.assertSameTree(folderOfB, target.resolve("music"));
        log("machine B backed up and restored its own folder", start);
    }

    @Test
    @Order(5)
    void machineAStillRestoresItsOwnSnapshotsAndSeesBsAfterItsNextBackup() throws Exception {
        long start = System.nanoTime();
        net.startNode(0);
        for (Map.Entry<String, Path> s : snapshotsOfA.entrySet()) {
            assertRestores(a, s.getKey(), s.getValue(), "a");
        }

        Trees.writeString(documents.resolve("after-b.txt"), "written after machine B's backup\n");
        JsonNode next = backUpA();
        assertThat(next.get("packsAdopted").asInt()).as("B's pack").isEqualTo(1);

        JsonNode listed = ok(a.run("snapshots", "--json")).json();
        Map<String, String> hosts = new HashMap<>();
        listed.forEach(s -> hosts.put(s.get("id").asText(), s.get("host").asText()));
        assertThat(hosts.keySet()).containsAll(snapshotsOfA.keySet()).contains(snapshotOfB);
        assertThat(hosts).hasSize(snapshotsOfA.size() + 1).containsEntry(snapshotOfB, HOST_B);
        for (String id : snapshotsOfA.keySet()) {
            assertThat(hosts.get(id)).isNotEqualTo(HOST_B);
        }

        String latest = List.copyOf(snapshotsOfA.keySet()).getLast();
        assertRestores(a, latest, snapshotsOfA.get(latest), "a");
        Path target = Files.createDirectories(tmp.resolve("restored-a/of-b"));
        ok(a.run("restore", snapshotOfB, "--target", target.toString()));
        TreeAssert.assertSameTree(folderOfB, target.resolve("music"));
        log("machine A restored its snapshots and B's", start);
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OK);
        return r;
    }

    private static void log(String format, long start, Object... args) {
        System.out.printf(
                "[RecoverOnNewMachineIT] %s in %.1f s%n",
                String.format(format, args), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The command line run in this process, as {@code Main} wires it (with cheap Argon2 costs and the app's Walrus
     * connector), with its own app home; machine A has the passphrase in its environment, machine B has none.
     */
    private static CliHarness cli(Path home, boolean withPassphrase) {
        CliHarness cli = new CliHarness(
                home,
                new Repositories(
                        Clock.systemUTC(),
                        new SecureRandom(),
                        TestRepositories.CHEAP_KDF,
                        new EmbeddedNetworks(Clock.systemUTC())));
        if (!withPassphrase) {
            cli.env.remove("WALRUS_SYNC_PASSWORD");
        }
        return cli;
    }
}
