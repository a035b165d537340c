package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that takes smaller bodies than the repository was told: its HTTP 413 makes the packer
 * split the refused pack and store smaller packs from then on, and nothing is lost.
 */
class PackSplittingIT {
    /** Below the 10 MiB the repository is told, above the largest chunk (8 MiB). */
    private static final long PUBLISHER_LIMIT = 9L << 20;

    @TempDir
    Path tmp;

    @Test
    void aPublisherThatRefusesLargePacksGetsSmallerOnes() throws Exception {
        try (LocalWalrusNetwork net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(tmp.resolve("net"))
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS)
                        .withMaxBodySize(PUBLISHER_LIMIT),
                Clock.systemUTC())) {
            // The settings claim the usual 10 MiB limit, so the first packs are too large.
            WalrusNetwork real = EmbeddedNetworks.describe(net, WalrusSettings.of("local", 2));
            WalrusNetwork claimed = new WalrusNetwork(
                    "split",
                    real.publishers(),
                    real.aggregators(),
                    real.graphql(),
                    real.faucet(),
                    real.walrusOriginalPackage(),
                    real.walCoinType(),
                    real.systemObject(),
                    null,
                    null,
                    10L << 20);
            Repositories engine = new Repositories(
                    Clock.systemUTC(),
                    new SecureRandom(),
                    TestRepositories.CHEAP_KDF,
                    (settings, home) -> WalrusConnector.remote(claimed));
            Path home = tmp.resolve("home");
            engine.init(
                    home,
                    "walrus:split",
                    TestRepositories.PASSPHRASE.toCharArray(),
                    0,
                    WalrusSettings.of("split", 2),
                    null);
            Path source = tmp.resolve("source");
            Trees.writeRandom(source.resolve("big.bin"), 1, 15_000_000);
            Trees.writeRandom(source.resolve("other.bin"), 2, 7_000_000);

            try (RepositorySession s =
                    engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), true)) {
                BackupReport r = TestRepositories.backup(s, source);
                assertThat(r.packsStored()).isGreaterThanOrEqualTo(3);
                assertThat(r.packSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(PUBLISHER_LIMIT));

                List<BlobInfo> blobs = s.blobs();
                assertThat(blobs).allSatisfy(b -> {
                    assertThat(b.onChain()).isTrue();
                    assertThat(b.size()).isLessThanOrEqualTo(PUBLISHER_LIMIT);
                });
                Path target = tmp.resolve("restored");
                TestRepositories.restore(s, "latest", target);
                TreeAssert.assertSameTree(source, target.resolve("source"));
            }
        }
    }
}
