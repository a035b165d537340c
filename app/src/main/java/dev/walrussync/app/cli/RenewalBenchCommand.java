package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.localnet.chain.RegisteredBlob;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.chain.BlobExtension;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.chain.SystemInfo;
import dev.walrussync.walrus.chain.TransactionOutcome;
import dev.walrussync.walrus.chain.WalrusChain;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-renewal}: how many transactions, and how long, a renewal pass takes for many blobs. A local
 * network is started and the wallet is given {@code --blobs} certified blob objects directly on its chain
 * (storing that many blobs through the publisher would measure the encoder instead). The timed pass is what
 * a real renewal pass does over the wire: list the wallet's blob objects over Sui GraphQL, then extend them in
 * signed transactions of {@value WalrusChain#MAX_EXTENSIONS_PER_TRANSACTION} blobs, each dry-run for its gas
 * budget, executed, and waited for.
 */
@Command(
        name = "bench-renewal",
        description = "Measure a renewal pass over many blobs on a local network: transactions and time.")
final class RenewalBenchCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Option(names = "--blobs", paramLabel = "N", description = "Blob objects to renew (default: ${DEFAULT-VALUE}).")
    int blobs = 10_000;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "An empty folder for the network.")
    Path work;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (LocalWalrusNetwork net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(work.resolve("net"))
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS)
                        .withPort(0),
                Clock.systemUTC())) {
            LocalChain chain = net.chain();
            Ed25519Keypair wallet = Ed25519Keypair.generate(new SecureRandom());
            chain.fund(wallet.address(), 1_000L * 1_000_000_000L, 1_000_000L * 1_000_000_000L);
            ProgressBar.ItemCounter minted = new ProgressBar.ItemCounter();
            long t = System.nanoTime();
            try (ProgressBar bar = ProgressBar.start(root.console(), !root.json(), "mint", minted)) {
                for (int i = 0; i < blobs; i++) {
                    byte[] root = ByteBuffer.allocate(32).putLong(i).putLong(t).array();
                    long size = 1_000 + i;
                    RegisteredBlob b = chain.registerBlob(
                            wallet.address(), BlobId.derive(size, root), root, size, 1L << 20, 5, true);
                    chain.certifyBlob(b.object().id(), chain.currentEpoch());
                    minted.accept(i + 1, blobs);
                }
            }
            out.put("blobs", blobs);
            out.put("mintSeconds", seconds(t));

            WalrusNetwork network = EmbeddedNetworks.describe(net, WalrusSettings.of(WalrusSettings.LOCAL, 5));
            WalrusChain client = new WalrusChain(network, RetryPolicy.DEFAULT);
            long walBefore = client.balances(wallet.address()).walFrost();
            long suiBefore = client.balances(wallet.address()).suiMist();

            t = System.nanoTime();
            SystemInfo sys = client.system();
            List<OwnedBlob> owned = client.ownedBlobs(wallet.address());
            double listSeconds = seconds(t);
            List<BlobExtension> all = new ArrayList<>();
            for (OwnedBlob b : owned) {
                if (b.endEpoch() > sys.epoch()) {
                    all.add(BlobExtension.of(b, 3));
                }
            }
            ProgressBar.ItemCounter extended = new ProgressBar.ItemCounter();
            int transactions = 0;
            long slowestNanos = 0;
            try (ProgressBar bar = ProgressBar.start(root.console(), !root.json(), "renew", extended)) {
                for (int from = 0; from < all.size(); from += WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION) {
                    List<BlobExtension> batch =
                            all.subList(from, Math.min(all.size(), from + WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION));
                    long tx = System.nanoTime();
                    TransactionOutcome outcome = client.extendBlobs(wallet, batch);
                    slowestNanos = Math.max(slowestNanos, System.nanoTime() - tx);
                    transactions++;
                    extended.accept(from + batch.size(), all.size());
                    if (outcome.digest().isEmpty()) {
                        throw new IllegalStateException("no digest");
                    }
                }
            }
            double passSeconds = seconds(t);
            List<OwnedBlob> after = client.ownedBlobs(wallet.address());
            long renewed = after.stream()
                    .filter(b -> b.endEpoch() >= sys.epoch() + 5 + 3)
                    .count();
            out.put("blobsRenewed", renewed);
            out.put("transactions", transactions);
            out.put("blobsPerTransaction", WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION);
            out.put("listSeconds", listSeconds);
            out.put("passSeconds", passSeconds);
            out.put("slowestTransactionSeconds", slowestNanos / 1e9);
            out.put("blobsPerSecond", renewed / passSeconds);
            out.put(
                    "walSpentFrost",
                    walBefore - client.balances(wallet.address()).walFrost());
            out.put(
                    "gasSpentMist",
                    suiBefore - client.balances(wallet.address()).suiMist());
            if (renewed != blobs) {
                root.console().println("only " + renewed + " of " + blobs + " blobs were renewed");
                return ExitCode.FAILED;
            }
        }
        BenchCommand.printFigures(root, out);
        return ExitCode.OK;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
