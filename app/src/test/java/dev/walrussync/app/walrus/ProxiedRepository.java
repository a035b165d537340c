package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A repository on a local network as a custom Walrus network whose publisher is reached through a {@link
 * PublisherProxy}: its {@code walrus.json} names the proxy, the network's aggregator, GraphQL and IDs, so the
 * engine reaches it as it reaches any network of its own (and so does a CLI process started on the home).
 */
final class ProxiedRepository {
    /** About one chunk per pack, so a few MB make several packs. */
    static final long PACK_SIZE = 1L << 20;

    static final int EPOCHS = 5;

    final Path dir;
    final Path home;
    final WalrusNetwork network;
    final Repositories engine = TestRepositories.engine();
    final String wallet;
    /** Stores that init made (the key blob). */
    final int initStores;

    ProxiedRepository(LocalWalrusNetwork net, Path dir, String name, PublisherProxy proxy) throws Exception {
        this.dir = dir;
        this.home = dir.resolve("home");
        WalrusNetwork real = EmbeddedNetworks.describe(net, WalrusSettings.of(WalrusSettings.LOCAL, EPOCHS));
        WalrusSettings settings = new WalrusSettings(
                1,
                name,
                EPOCHS,
                List.of(proxy.uri().toString()),
                real.aggregators().stream().map(Object::toString).toList(),
                real.graphql().toString(),
                real.walCoinType(),
                real.walrusOriginalPackage().toString(),
                real.systemObject().toString(),
                null,
                null,
                real.faucet() == null ? null : real.faucet().toString(),
                real.maxBlobSize(),
                null);
        this.network = settings.apply(null);
        this.wallet = engine.init(
                        home, "walrus:" + name, TestRepositories.PASSPHRASE.toCharArray(), PACK_SIZE, settings, null)
                .walletAddress();
        this.initStores = proxy.storesForwarded();
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
            assertThat(e).as("the backup must fail while the publisher is down").isNotNull();
            assertThat(s.snapshots()).as("no snapshot is committed").isEmpty();
            return e;
        }
    }

    /** The blob IDs of the wallet's blob objects on chain. */
    Set<String> walletBlobIds() throws Exception {
        return RepositoryState.walletBlobs(network, wallet).stream()
                .map(b -> b.blobId())
                .collect(Collectors.toSet());
    }

    /** The blob IDs of the packs in the index; the repository must not be open. */
    Set<String> indexedPacks() throws Exception {
        return RepositoryState.read(home).packBlobIds();
    }

    /**
     * No chunk is in two packs, every blob object of the wallet is the key blob or a pack of the index (none
     * is there twice), and every blob certified before a failure is still one of them.
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
        Set<String> expected = new HashSet<>(state.packBlobIds());
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
