package dev.walrussync.ui.testing;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.session.RunningSync;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The UI's gateway on a directory store in a temporary folder, with cheap key derivation: the network the user picks
 * is recorded but not used. Recovering from a Walrus network recovers from that store (its wallet key is recorded and
 * checked, as the engine checks it); from a folder, from that folder. Every unlocked repository is closed by {@link
 * #close()}.
 */
public final class TestGateway implements RepositoryGateway, AutoCloseable {
    /** Runs tasks at once on the calling thread: the FX and background executors of view model tests. */
    public static final Executor DIRECT = Runnable::run;

    private final Repositories engine = TestRepositories.engine();
    private final Path home;
    private final Path store;
    private final CopyOnWriteArrayList<RunningSync> opened = new CopyOnWriteArrayList<>();
    private volatile Network network = Network.LOCAL;
    private volatile @Nullable RecoverySource recoveredFrom;

    /** A gateway on {@code dir/home}, creating its repository in {@code dir/store}. */
    public TestGateway(Path dir) {
        this(dir.resolve("home"), dir.resolve("store"));
    }

    /**
     * A gateway on {@code home} whose repository is (or is created) in the directory store {@code store}: another
     * machine's store, to recover from it "on a Walrus network".
     */
    public TestGateway(Path home, Path store) {
        this.home = home;
        this.store = store;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public boolean exists() {
        return Repositories.exists(home);
    }

    @Override
    public Repositories.Created create(Network network, char[] passphrase) throws SyncException {
        this.network = network;
        return engine.init(home, "dir:" + store, passphrase, 0);
    }

    /** The network onboarding asked for. */
    public Network network() {
        return network;
    }

    @Override
    public RunningSync unlock(char[] passphrase) throws SyncException {
        SyncService.InstanceLock lock = SyncService.lockInstance(home);
        RepositorySession session;
        try {
            session = engine.openWithPassphrase(home, passphrase, true);
        } catch (SyncException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return run(lock, session);
    }

    @Override
    public Recovered recover(
            RecoverySource from,
            @Nullable String recoveryPhrase,
            char @Nullable [] passphrase,
            RebuildListener listener)
            throws SyncException {
        recoveredFrom = from;
        Path folder = store;
        if (from instanceof RecoverySource.OnWalrus w) {
            Repositories.walletAddressOf(w.walletKey());
            network = w.network();
        } else if (from instanceof RecoverySource.InFolder f) {
            folder = f.folder();
        }
        Repositories.Recovered r =
                engine.recover(home, "dir:" + folder, null, null, recoveryPhrase, passphrase, listener);
        SyncService.InstanceLock lock;
        try {
            lock = SyncService.lockInstance(home);
        } catch (SyncException | RuntimeException e) {
            r.session().close();
            throw e;
        }
        return new Recovered(run(lock, r.session()), r.report(), r.repositoryId(), r.walletAddress());
    }

    /** Where the last recovery was asked to look, or null. */
    public @Nullable RecoverySource recoveredFrom() {
        return recoveredFrom;
    }

    private RunningSync run(SyncService.InstanceLock lock, RepositorySession session) throws SyncException {
        SyncService sync = new SyncService(
                session, Clock.systemUTC(), ZoneOffset.UTC, TestRepositories.HOST, TestRepositories.USER);
        try {
            sync.start();
        } catch (SyncException | RuntimeException e) {
            sync.close();
            session.close();
            lock.close();
            throw e;
        }
        RunningSync r = new RunningSync() {
            @Override
            public SyncService sync() {
                return sync;
            }

            @Override
            public Path home() {
                return home;
            }

            @Override
            public boolean onWalrus() {
                return session.onWalrus();
            }

            @Override
            public void close() {
                sync.close();
                session.close();
                lock.close();
            }
        };
        opened.add(r);
        return r;
    }

    /** The repositories unlocked so far, oldest first. */
    public List<RunningSync> opened() {
        return List.copyOf(opened);
    }

    /**
     * {@code real}, taken for a repository on Walrus: screens that only price, check or ask the engine on Walrus do so,
     * while the sync service and home stay the directory store's.
     */
    public static RunningSync asIfOnWalrus(RunningSync real) {
        return new RunningSync() {
            @Override
            public SyncService sync() {
                return real.sync();
            }

            @Override
            public Path home() {
                return real.home();
            }

            @Override
            public boolean onWalrus() {
                return true;
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    /** Waits until the status satisfies {@code condition}, for at most {@code timeout}. */
    public static SyncStatus awaitStatus(SyncService sync, Predicate<SyncStatus> condition, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        SyncStatus s = sync.status();
        while (!condition.test(s)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("status never reached the condition; last: " + s);
            }
            Thread.sleep(50);
            s = sync.status();
        }
        return s;
    }

    @Override
    public void close() {
        opened.forEach(RunningSync::close);
        opened.clear();
    }
}
