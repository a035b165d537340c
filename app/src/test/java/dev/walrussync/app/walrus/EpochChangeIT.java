package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.index.IndexDatabase.BlobRow;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.ChainPublisher;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.localnet.publisher.ForwardingPublisherChain;
import dev.walrussync.localnet.publisher.WalrusDaemon;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local network's epoch changes three times while a multi-pack backup stores its packs, at the three
 * moments that differ for a store: between two stores, between a blob's registration and its slivers (the
 * nodes confirm in the new epoch), and between the nodes' confirmations and the certification (the
 * confirmations are for an epoch that has ended). The backup completes; every pack's end epoch in the SQLite
 * index is the chain's, which is its registration epoch plus the epochs paid (as on Walrus, where {@code
 * reserve_space} starts the storage in the current epoch); {@code blobs()} reports the same; the restore is
 * byte-identical.
 *
 * <p>To change the epoch at those moments, the repository stores through a publisher/aggregator daemon of the
 * walrus-localnet module started on the same network (its committee, its chain, its funded publisher
 * wallet) whose chain calls go to the network's own {@link ChainPublisher}; the only addition is a call to
 * {@link LocalWalrusNetwork#advanceEpoch()} before or after a given call.
 */
class EpochChangeIT {
    private static final int EPOCHS = 5;
    private static final long PACK_SIZE = 1L << 20;

    /** Counted from the first store of the backup (init stores the key blob before). */
    private static final int BETWEEN_STORES = 2;

    private static final int AFTER_REGISTRATION = 4;
    private static final int BEFORE_CERTIFICATION = 6;

    @TempDir
    Path tmp;

    @Test
    void theEpochChangesThreeTimesDuringABackup() throws Exception {
        try (LocalWalrusNetwork net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(tmp.resolve("net"))
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS),
                Clock.systemUTC())) {
            EpochChanges changes = new EpochChanges(net);
            try (WalrusDaemon daemon = WalrusDaemon.start(
                    WalrusDaemon.Config.defaults(0, EmbeddedNetworks.SHARDS, net.committee()), changes)) {
                WalrusNetwork network = network(net, daemon.baseUri());
                Repositories engine = new Repositories(
                        Clock.systemUTC(),
                        new SecureRandom(),
                        TestRepositories.CHEAP_KDF,
                        (settings, home) -> WalrusConnector.remote(network));
                Path home = tmp.resolve("home");
                String wallet = engine.init(
                                home,
                                "walrus:epochs",
                                TestRepositories.PASSPHRASE.toCharArray(),
                                PACK_SIZE,
                                WalrusSettings.of("epochs", EPOCHS),
                                null)
                        .walletAddress();
                Path source = tmp.resolve("source");
                Trees.writeRandom(source.resolve("video/a.mp4"), 1, 3_500_000);
                Trees.writeRandom(source.resolve("video/b.mp4"), 2, 3_000_000);
                Trees.writeRandom(source.resolve("photos/c.jpg"), 3, 2_000_000);
                Trees.writeRandom(source.resolve("photos/d.jpg"), 4, 1_500_000);
                Trees.writeRandom(source.resolve("scan.pdf"), 5, 2_000_000);
                Trees.writeString(source.resolve("notes.txt"), "epochs\n".repeat(1000));
                long epochBefore = net.chain().currentEpoch();

                changes.startCounting();
                BackupReport report;
                List<BlobInfo> reported;
                try (RepositorySession s =
                        engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), true)) {
                    report = TestRepositories.backup(s, source);
                    reported = s.blobs();
                }

                assertThat(changes.advanced())
                        .as("epoch changes made during the backup")
                        .isEqualTo(3);
                assertThat(net.chain().currentEpoch()).isEqualTo(epochBefore + 3);
                assertThat(report.packsStored()).isGreaterThanOrEqualTo(BEFORE_CERTIFICATION);

                RepositoryState state = RepositoryState.read(home);
                Map<String, OwnedBlob> onChain = RepositoryState.walletBlobs(network, wallet).stream()
                        .collect(Collectors.toMap(OwnedBlob::blobId, Function.identity()));
                Map<String, BlobInfo> byId =
                        reported.stream().collect(Collectors.toMap(BlobInfo::blobId, Function.identity()));
                TreeSet<Long> registeredIn = new TreeSet<>();
                int certifiedInALaterEpoch = 0;
                assertThat(state.blobs())
                        .as("every pack's blob row")
                        .hasSize(state.packs().size());
                for (BlobRow row : state.blobs()) {
                    String id = row.blobId().value();
                    OwnedBlob chain = onChain.get(id);
                    assertThat(chain).as("blob object of %s", id).isNotNull();
                    assertThat(chain.certifiedEpoch()).as("certified: %s", id).isNotNull();
                    assertThat(chain.endEpoch())
                            .as("Walrus: end epoch = registration epoch + epochs, for %s", id)
                            .isEqualTo(chain.registeredEpoch() + EPOCHS);
                    assertThat(row.endEpoch())
                            .as("the index's end epoch of %s", id)
                            .isEqualTo(chain.endEpoch());
                    assertThat(row.startEpoch()).isEqualTo(chain.startEpoch());
                    assertThat(row.objectId()).isEqualTo(chain.ref().objectId().toString());
                    assertThat(byId.get(id).endEpoch()).as("blobs() for %s", id).isEqualTo(chain.endEpoch());
                    registeredIn.add(chain.registeredEpoch());
                    if (chain.certifiedEpoch() > chain.registeredEpoch()) {
                        certifiedInALaterEpoch++;
                    }
                }
                List<String> indexedAndKey = new ArrayList<>(state.packBlobIds());
                indexedAndKey.add(state.keyBlob());
                assertThat(indexedAndKey)
                        .as("the wallet's blob objects are the packs and the key blob: %s", onChain.values())
                        .containsExactlyInAnyOrderElementsOf(onChain.keySet());
                // Packs were registered before, between and after the changes: they came mid-backup.
                assertThat(registeredIn.first()).isEqualTo(epochBefore);
                assertThat(registeredIn).contains(epochBefore + 1, epochBefore + 2);
                assertThat(certifiedInALaterEpoch)
                        .as("the packs whose epoch changed between registration and certification")
                        .isEqualTo(2);

                try (RepositorySession s =
                        engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), false)) {
                    Path target = tmp.resolve("restored");
                    TestRepositories.restore(s, "latest", target);
                    TreeAssert.assertSameTree(source, target.resolve("source"));
                }
            }
        }
    }

    /** The network as the client sees it, with the given daemon as publisher and aggregator. */
    private static WalrusNetwork network(LocalWalrusNetwork net, URI daemon) throws Exception {
        WalrusNetwork real = EmbeddedNetworks.describe(net, WalrusSettings.of(WalrusSettings.LOCAL, EPOCHS));
        return new WalrusNetwork(
                "epochs",
                List.of(daemon),
                List.of(daemon),
                real.graphql(),
                real.faucet(),
                real.walrusOriginalPackage(),
                real.walCoinType(),
                real.systemObject(),
                null,
                null,
                real.maxBlobSize());
    }

    /**
     * The network's own {@link ChainPublisher}, paying from its publisher wallet, which advances the network's
     * epoch at the three chosen moments of the backup's stores.
     */
    private static final class EpochChanges extends ForwardingPublisherChain {
        private final LocalWalrusNetwork net;
        private final AtomicInteger registrations = new AtomicInteger();
        private final AtomicInteger certifications = new AtomicInteger();
        private final AtomicInteger advanced = new AtomicInteger();
        private volatile boolean counting;

        EpochChanges(LocalWalrusNetwork net) {
            super(new ChainPublisher(net.chain(), net.publisherAddress()));
            this.net = net;
        }

        void startCounting() {
            counting = true;
        }

        int advanced() {
            return advanced.get();
        }

        private void advance() {
            net.advanceEpoch();
            advanced.incrementAndGet();
        }

        @Override
        public ChainBlob register(
                BlobId blobId, byte[] rootHash, long size, long encodedLength, int epochsAhead, boolean deletable)
                throws ChainException {
            int n = counting ? registrations.incrementAndGet() : 0;
            if (n == BETWEEN_STORES) {
                advance();
            }
            ChainBlob registered = super.register(blobId, rootHash, size, encodedLength, epochsAhead, deletable);
            if (n == AFTER_REGISTRATION) {
                advance();
            }
            return registered;
        }

        @Override
        public ChainBlob certify(String objectId, List<SignedStorageConfirmation> confirmations) throws ChainException {
            int n = counting ? certifications.incrementAndGet() : 0;
            if (n == BEFORE_CERTIFICATION) {
                advance();
            }
            return super.certify(objectId, confirmations);
        }
    }
}
