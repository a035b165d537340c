package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.app.Main;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code walrus-sync backup} in its own OS process, killed (SIGKILL) while the publisher holds the answer to a
 * pack it has just certified: the wallet owns a pack the index never heard of, the home keeps the lock file,
 * staged packs and SQLite's write-ahead log of a process that never closed them. The same backup run again
 * opens the repository, adopts that pack from the chain, stores none of the chunks already certified, and
 * restores byte-identical.
 */
class KilledBackupIT {
    @TempDir
    Path tmp;

    @Test
    void aBackupProcessKilledAfterAPackWasCertifiedIsResumedWithoutStoringItAgain() throws Exception {
        try (LocalWalrusNetwork net = LocalWalrusNetwork.start(
                        LocalWalrusNetwork.Options.defaults(tmp.resolve("net"))
                                .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS),
                        Clock.systemUTC());
                PublisherProxy proxy = PublisherProxy.start(net.publisherUri())) {
            ProxiedRepository repo = new ProxiedRepository(net, tmp.resolve("killed"), "killed", proxy);
            Path source = repo.source();
            CountDownLatch certified = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            // Two packs are answered; the third is certified, and its answer is held until the process is dead.
            proxy.failAfter(2, PublisherProxy.Failure.HANG_UP, true);
            proxy.holdTheLostAnswer(certified, killed);

            Process backup = startCli(repo, "backup", source.toString());
            try {
                assertThat(certified.await(3, TimeUnit.MINUTES))
                        .as("the third pack reaches the publisher; see %s", tmp.resolve("cli.log"))
                        .isTrue();
                assertThat(backup.isAlive())
                        .as("the backup waits for the publisher's answer")
                        .isTrue();
            } finally {
                backup.destroyForcibly().waitFor();
                killed.countDown();
            }

            assertThat(backup.exitValue()).isNotZero();
            Set<String> certifiedBeforeTheKill = repo.walletBlobIds();
            assertThat(certifiedBeforeTheKill).hasSize(1 + 3); // the key blob and three packs
            assertThat(repo.indexedPacks())
                    .as("the packs whose answers arrived")
                    .hasSize(2);
            assertThat(filesIn(repo.home.resolve("staging")))
                    .as("packs staged by the killed process")
                    .isNotEmpty();

            proxy.heal();
            int storesBefore = proxy.storesForwarded();
            BackupReport resumed = repo.backUp(source);

            assertThat(resumed.packsAdopted())
                    .as("the pack certified as the process died")
                    .isEqualTo(1);
            assertThat(proxy.storesForwarded() - storesBefore).isEqualTo(resumed.packsStored());
            assertThat(filesIn(repo.home.resolve("staging"))).isEmpty();
            repo.assertNothingStoredTwice(certifiedBeforeTheKill);
            repo.assertRestoresByteIdentical(source);
        }
    }

    /** The command line in a new JVM on this test's class path, with the repository's home and passphrase. */
    private Process startCli(ProxiedRepository repo, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = Stream.concat(
                        Stream.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()),
                        Stream.of(args))
                .toList();
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("cli.log").toFile());
        pb.environment().put("WALRUS_SYNC_HOME", repo.home.toString());
        pb.environment().put("WALRUS_SYNC_PASSWORD", TestRepositories.PASSPHRASE);
        return pb.start();
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
