package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup whose publisher fails partway through, after some packs were certified: the client retries,
 * then the backup fails with an error that says what failed; with the publisher back, the same backup
 * completes, restores byte-identical, and stores none of the chunks the failed run got certified again,
 * including a pack the publisher certified but whose answer never arrived (the wallet owns it; the next
 * run adopts it from the chain).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublisherOutageIT {
    /** About one chunk per pack, so a few MB make several packs. */
    private static final long PACK_SIZE = 1L << 20;

    private static final int EPOCHS = 5;

    @TempDir
    static Path tmp;

    private LocalWalrusNetwork net;

    @BeforeAll
    void startNetwork() throws Exception {
        net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(tmp.resolve("net"))
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS),
                Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void aPublisherThatDiesAfterCertifyingAPackWhoseAnswerIsLost() throws Exception {
        try (PublisherProxy proxy = PublisherProxy.start(net.publisherUri())) {
            Fixture f = new Fixture("dies", proxy);
            Path source = f.source();
            // Two stores are answered; the third is certified, but the connection drops before its answer;
            // from then on every connection is dropped, as by a publisher whose process died.
            proxy.failAfter(2, PublisherProxy.Failure.HANG_UP, true);

            SyncException failure = f.backUpExpectingFailure(source);

            assertThat(proxy.storesForwarded())
                    .as("stores that reached the publisher")
                    .isEqualTo(f.keyStores + 3);
            assertThat(proxy.storesFailed())
                    .as("the lost store and its retries")
                    .isGreaterThanOrEqualTo(RetryPolicy.DEFAULT.maxAttempts());
            assertThat(failure.getMessage())
                    .contains("the publisher " + proxy.uri() + " of Walrus network 'dies' could not be reached in "
                            + RetryPolicy.DEFAULT.maxAttempts() + " attempts; it may be down");
            Set<String> certifiedBeforeTheFailure = f.walletBlobIds();
            assertThat(certifiedBeforeTheFailure).hasSize(1 + 3); // the key blob and three packs
            assertThat(f.indexedPacks()).as("the pack whose answer was lost").hasSize(2);

            proxy.heal();
            int storesBefore = proxy.storesForwarded();
            BackupReport resumed = f.backUp(source);

            assertThat(resumed.packsAdopted())
                    .as("the certified pack the failed run never heard of")
                    .isEqualTo(1);
            assertThat(proxy.storesForwarded() - storesBefore).isEqualTo(resumed.packsStored());
            f.assertNothingStoredTwice(certifiedBeforeTheFailure);
            f.assertRestoresByteIdentical(source);
        }
    }

    @Test
    void aPublisherThatStartsRefusing() throws Exception {
        try (PublisherProxy proxy = PublisherProxy.start(net.publisherUri())) {
            Fixture f = new Fixture("refuses", proxy);
            Path source = f.source();
            proxy.failAfter(3, PublisherProxy.Failure.REFUSE, false);

            SyncException failure = f.backUpExpectingFailure(source);

            assertThat(proxy.storesForwarded()).isEqualTo(f.keyStores + 3);
            assertThat(proxy.storesFailed())
                    .as("one pack, tried as often as the retry policy allows")
                    .isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
            assertThat(failure.getMessage())
                    .contains("the publisher " + proxy.uri() + " of Walrus network 'refuses' refused the store with"
                            + " HTTP 503 in " + RetryPolicy.DEFAULT.maxAttempts() + " attempts")
                    .contains("publisher unavailable");
            Set<String> certifiedBeforeTheFailure = f.walletBlobIds();
            assertThat(certifiedBeforeTheFailure).hasSize(1 + 3);
            assertThat(f.indexedPacks()).hasSize(3);

            proxy.heal();
            int storesBefore = proxy.storesForwarded();
            BackupReport resumed = f.backUp(source);

            assertThat(resumed.packsAdopted()).isZero();
            assertThat(proxy.storesForwarded() - storesBefore).isEqualTo(resumed.packsStored());
            f.assertNothingStoredTwice(certifiedBeforeTheFailure);
            f.assertRestoresByteIdentical(source);
        }
    }

    /** A repository on the local network whose publisher is reached through a proxy. */
    private final class Fixture {
        final Path dir;
        final Path home;
        final WalrusNetwork network;
        final Repositories engine;
        final String wallet;
        /** Stores that init made (the key blob). */
        final int keyStores;

        Fixture(String name, PublisherProxy proxy) throws Exception {
            dir = tmp.resolve(name);
            home = dir.resolve("home");
            WalrusNetwork real = EmbeddedNetworks.describe(net, WalrusSettings.of(WalrusSettings.LOCAL, EPOCHS));
            network = new WalrusNetwork(
                    name,
                    List.of(proxy.uri()),
                    real.aggregators(),
                    real.graphql(),
                    real.faucet(),
                    real.walrusOriginalPackage(),
                    real.walCoinType(),
                    real.systemObject(),
                    null,
                    null,
                    real.maxBlobSize());
            engine = new Repositories(
                    Clock.systemUTC(),
                    new SecureRandom(),
                    TestRepositories.CHEAP_KDF,
                    (settings, h) -> WalrusConnector.remote(network));
            wallet = engine.init(
                            home,
                            "walrus:" + name,
                            TestRepositories.PASSPHRASE.toCharArray(),
                            PACK_SIZE,
                            WalrusSettings.of(name, EPOCHS),
                            null)
                    .walletAddress();
            keyStores = proxy.storesForwarded();
        }

        /** About 7 MB in three files and a small one: several packs. */
        Path source() throws Exception {
            Path source = dir.resolve("source");
            Trees.writeRandom(source.resolve("photos/a.jpg"), 1, 3_000_000);
            Trees.writeRandom(source.resolve("photos/b.jpg"), 2, 2_500_000);
            Trees.writeRandom(source.resolve("scan.pdf"), 3, 1_500_000);
            Trees.writeString(source.resolve("notes.txt"), "walrus\n".repeat(1000));
            return source;
        }

        RepositorySession open() throws SyncException {
            return engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), true);
        }

        BackupReport backUp(Path source) throws Exception {
            try (RepositorySession s = open()) {
                return TestRepositories.backup(s, source);
            }
        }

        SyncException backUpExpectingFailure(Path source) throws Exception {
            try (RepositorySession s = open()) {
                SyncException e = catchThrowableOfType(SyncException.class, () -> TestRepositories.backup(s, source));
                assertThat(e)
                        .as("the backup must fail while the publisher is down")
                        .isNotNull();
                assertThat(s.snapshots()).as("no snapshot is committed").isEmpty();
                return e;
            }
        }

        Set<String> walletBlobIds() throws Exception {
            return RepositoryState.walletBlobs(network, wallet).stream()
                    .map(b -> b.blobId())
                    .collect(Collectors.toSet());
        }

        Set<String> indexedPacks() throws Exception {
            return RepositoryState.read(home).packBlobIds();
        }

        /**
         * No chunk is in two packs, every blob object of the wallet is the key blob or a pack of the
         * index (none is there twice), and every blob certified before the failure is still one of them.
         */
        void assertNothingStoredTwice(Set<String> certifiedBefore) throws Exception {
            RepositoryState state = RepositoryState.read(home);
            assertThat(state.chunksInPacks())
                    .as("chunks stored, counted pack by pack, against distinct chunks")
                    .isEqualTo(state.distinctChunks());
            List<String> owned = RepositoryState.walletBlobs(network, wallet).stream()
                    .map(b -> b.blobId())
                    .toList();
            assertThat(owned).as("one blob object per blob ID").doesNotHaveDuplicates();
            Set<String> expected = new java.util.HashSet<>(state.packBlobIds());
            expected.add(state.keyBlob());
            assertThat(Set.copyOf(owned)).isEqualTo(expected);
            assertThat(owned).containsAll(certifiedBefore);
        }

        void assertRestoresByteIdentical(Path source) throws Exception {
            try (RepositorySession s = open()) {
                Path target = dir.resolve("restored");
                TestRepositories.restore(s, "latest", target);
                TreeAssert.assertSameTree(source, target.resolve(source.getFileName()));
            }
        }
    }
}
