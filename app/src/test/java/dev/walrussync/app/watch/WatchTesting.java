package dev.walrussync.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.walrussync.app.walrus.EmbeddedNetworks;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.localnet.chain.BlobData;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Runs a real {@link SyncService} on a real repository for integration tests, and waits for what it does by
 * polling its status; nothing here asserts how long anything takes.
 */
public final class WatchTesting {
    /**
     * A policy with the defaults' shape but shorter periods (0.3 s quiet, packs wait 1 s, 5 s at most), so that a
     * test sees many backups in little time. The rules are the defaults' rules; only the numbers are smaller.
     */
    static final SyncPolicy QUICK = new SyncPolicy(
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofHours(1),
            SyncSchedule.CONTINUOUS,
            0,
            false);

    /** How long every wait may last before the test fails: only there to end a hung test. */
    static final Duration PATIENCE = Duration.ofMinutes(4);

    /** How long a folder must stay idle with nothing pending before it counts as caught up. */
    private static final Duration SETTLED = Duration.ofMillis(1500);

    private WatchTesting() {}

    /** An engine whose {@code walrus:local} repositories live on {@code net}, started by the test. */
    public static Repositories engineOn(LocalWalrusNetwork net) {
        return new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                (settings, home) -> WalrusConnector.remote(EmbeddedNetworks.describe(net, settings)));
    }

    /** The engine the app wires: the embedded network is started with the repository, in its home. */
    public static Repositories embeddedEngine() {
        return new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                new EmbeddedNetworks(Clock.systemUTC()));
    }

    /** Creates a repository on the local network; returns its wallet's address. */
    static String initOnWalrus(Repositories engine, Path home, long packSize) throws SyncException {
        return engine.init(
                        home,
                        "walrus:" + WalrusSettings.LOCAL,
                        TestRepositories.PASSPHRASE.toCharArray(),
                        packSize,
                        WalrusSettings.of(WalrusSettings.LOCAL, 53),
                        null)
                .walletAddress();
    }

    /** The blobs that the wallet owns and that are certified: the key blob and every stored pack. */
    static List<BlobData> certifiedBlobs(LocalWalrusNetwork net, String wallet) {
        return net.chain().ownedObjects(SuiAddress.parse(wallet)).stream()
                .filter(o ->
                        o.data() instanceof BlobData b && b.certifiedEpoch().isPresent())
                .map(o -> (BlobData) o.data())
                .toList();
    }

    /** Polls {@code condition} until it holds; fails, saying {@code what}, after {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Incompressible bytes, quickly: a gigabyte takes about a second. */
    static byte[] randomBytes(SplittableRandom random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    /** Writes {@code data} to {@code file}, creating its folders. */
    static void write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A repository's session with a running {@link SyncService} that watches one folder, and a count of the backups
     * it starts (read from its log, the only place a backup that stores nothing leaves a trace).
     */
    static final class Daemon implements AutoCloseable {
        final Path home;
        final Path folder;
        final RepositorySession session;
        final SyncService sync;
        private final ListAppender<ILoggingEvent> log = new ListAppender<>();
        private final Logger logger = (Logger) LoggerFactory.getLogger(SyncService.class);
        private final @Nullable Level levelBefore = logger.getLevel();

        private Daemon(Path home, Path folder, RepositorySession session, SyncService sync) {
            this.home = home;
            this.folder = folder.toAbsolutePath().normalize();
            this.session = session;
            this.sync = sync;
            log.start();
            logger.addAppender(log);
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
        }

        /** Saves {@code folder} and {@code policy} in the home's {@code sync.json}, opens and starts watching. */
        static Daemon start(Repositories engine, Path home, Path folder, SyncPolicy policy) throws Exception {
            new SyncSettings(List.of(new WatchedFolder(folder, List.of())), policy).save(home);
            RepositorySession session =
                    engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), true);
            SyncService sync = new SyncService(
                    session, Clock.systemUTC(), ZoneOffset.UTC, TestRepositories.HOST, TestRepositories.USER);
            Daemon d = new Daemon(home, folder, session, sync);
            sync.start();
            return d;
        }

        FolderStatus folderStatus() {
            return status(sync.status());
        }

        FolderStatus status(SyncStatus s) {
            return s.folders().stream()
                    .filter(f -> Path.of(f.path()).equals(folder))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(folder + " is not watched: " + s));
        }

        /** Backups of the folder the service has started so far. */
        long backupsStarted() {
            return log.list.stream()
                    .filter(e -> e.getMessage().startsWith("backing up {}")
                            && e.getArgumentArray() != null
                            && folder.equals(e.getArgumentArray()[0]))
                    .count();
        }

        /** Log lines of the service so far, for failure messages. */
        String logText() {
            StringBuilder s = new StringBuilder();
            for (ILoggingEvent e : List.copyOf(log.list)) {
                s.append(e.getLevel())
                        .append(' ')
                        .append(e.getFormattedMessage())
                        .append('\n');
            }
            return s.toString();
        }

        /**
         * Waits until the folder has caught up with every change made before {@code lastChange}: a snapshot was
         * saved after it, and the folder then stays idle with nothing pending, deferred or due.
         */
        FolderStatus awaitCaughtUp(Instant lastChange) throws InterruptedException {
            return awaitCaughtUp(lastChange, f -> f.lastError() == null);
        }

        /** As {@link #awaitCaughtUp(Instant)}, with a condition of its own on the folder's status. */
        FolderStatus awaitCaughtUp(Instant lastChange, Predicate<FolderStatus> also) throws InterruptedException {
            Instant deadline = Instant.now().plus(PATIENCE);
            Instant settledSince = null;
            while (true) {
                FolderStatus f = folderStatus();
                boolean caughtUp = f.state() == FolderState.IDLE
                        && f.pendingChanges() == 0
                        && f.deferred() == 0
                        && f.nextRun() == null
                        && f.lastSnapshotAt() != null
                        && f.lastSnapshotAt().isAfter(lastChange)
                        && also.test(f);
                Instant now = Instant.now();
                if (!caughtUp) {
                    settledSince = null;
                } else if (settledSince == null) {
                    settledSince = now;
                } else if (!settledSince.plus(SETTLED).isAfter(now)) {
                    return f;
                }
                if (now.isAfter(deadline)) {
                    throw new AssertionError(
                            "the daemon did not catch up with " + folder + "; its status: " + f + "\n" + logText());
                }
                Thread.sleep(100);
            }
        }

        /** The folder's latest snapshot, restored into {@code target} between two backups; returns it. */
        SnapshotInfo restoreLatest(Path target, String... includes) throws Exception {
            Files.createDirectories(target);
            return sync.callBetweenBackups(
                    s -> {
                        SnapshotInfo latest = latestSnapshot(s);
                        var report = s.restore(
                                new RestoreRequest(latest.id().hex(), List.of(includes), target, false),
                                new RestoreProgress());
                        assertThat(report.errors()).as("restore errors").isEmpty();
                        return latest;
                    },
                    PATIENCE);
        }

        /** The folder's snapshots, oldest first, read between two backups. */
        List<SnapshotInfo> snapshots() throws SyncException {
            return sync.callBetweenBackups(
                    s -> s.snapshots().stream()
                            .filter(i -> i.paths().equals(List.of(folder.toString())))
                            .toList(),
                    PATIENCE);
        }

        private SnapshotInfo latestSnapshot(RepositorySession s) throws SyncException {
            List<SnapshotInfo> mine = s.snapshots().stream()
                    .filter(i -> i.paths().equals(List.of(folder.toString())))
                    .toList();
            assertThat(mine).as("snapshots of %s", folder).isNotEmpty();
            return mine.getLast();
        }

        @Override
        public void close() {
            try {
                sync.close();
                session.close();
            } finally {
                logger.detachAppender(log);
                logger.setLevel(levelBefore);
                logger.setAdditive(true);
            }
        }
    }

    /**
     * {@link dev.walrussync.engine.testing.TreeAssert#describe} of {@code root} without the entries for which
     * {@code leaveOut} holds (given the path relative to the root).
     */
    static Map<String, String> describeWithout(Path root, Predicate<String> leaveOut) {
        Map<String, String> all = dev.walrussync.engine.testing.TreeAssert.describe(root);
        Map<String, String> kept = new TreeMap<>();
        all.forEach((k, v) -> {
            if (!leaveOut.test(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }
}
