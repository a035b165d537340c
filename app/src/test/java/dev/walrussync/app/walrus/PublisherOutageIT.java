package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
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
            ProxiedRepository f = new ProxiedRepository(net, tmp.resolve("dies"), "dies", proxy);
            Path source = f.source();
            // Two stores are answered; the third is certified, but the connection drops before its answer;
            // from then on every connection is dropped, as by a publisher whose process died.
            proxy.failAfter(2, PublisherProxy.Failure.HANG_UP, true);

            SyncException failure = f.backUpExpectingFailure(source);

            assertThat(proxy.storesForwarded())
                    .as("stores that reached the publisher")
                    .isEqualTo(f.initStores + 3);
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
            ProxiedRepository f = new ProxiedRepository(net, tmp.resolve("refuses"), "refuses", proxy);
            Path source = f.source();
            proxy.failAfter(3, PublisherProxy.Failure.REFUSE, false);

            SyncException failure = f.backUpExpectingFailure(source);

            assertThat(proxy.storesForwarded()).isEqualTo(f.initStores + 3);
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
}
