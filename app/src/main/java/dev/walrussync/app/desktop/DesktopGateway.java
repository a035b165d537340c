package dev.walrussync.app.desktop;

import dev.walrussync.app.daemon.DaemonServer;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.RebuildListener;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.session.RunningSync;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The desktop app's repository: created on the chosen network as {@code walrus-sync init --network} does, or set up
 * from another machine's as {@code walrus-sync recover} does; unlocked and run as {@code walrus-sync watch} does (one instance per app home, with the daemon's IPC socket, so {@code
 * walrus-sync status} and {@code watch pause|resume|now|stop} talk to the app).
 */
public final class DesktopGateway implements RepositoryGateway {
    private final Repositories engine;
    private final Path home;
    private final Runnable onStopRequest;

    /** @param onStopRequest runs when {@code walrus-sync watch stop} asks the app to quit */
    public DesktopGateway(Repositories engine, Path home, Runnable onStopRequest) {
        this.engine = engine;
        this.home = home;
        this.onStopRequest = onStopRequest;
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
        return engine.init(home, "walrus:" + network.id(), passphrase, 0, settings(network), null);
    }

    /** The network's preset, as {@code init --network NAME} makes it with no other options. */
    static WalrusSettings settings(Network network) {
        int epochs = network == Network.LOCAL ? 53 : WalrusSettings.DEFAULT_EPOCHS;
        return new WalrusSettings(
                1, network.id(), epochs, null, null, null, null, null, null, null, null, null, null, null);
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

    /**
     * Recovers as {@code walrus-sync recover} does (with the network's preset settings, as onboarding creates a
     * repository), then runs it. The instance lock is taken once the repository is there: before, the home holds no
     * repository a daemon could run, and a failed recovery leaves no lock file behind.
     */
    @Override
    public Recovered recover(
            RecoverySource from,
            @Nullable String recoveryPhrase,
            char @Nullable [] passphrase,
            RebuildListener listener)
            throws SyncException {
        Repositories.Recovered r = switch (from) {
            case RecoverySource.OnWalrus w ->
                engine.recover(
                        home,
                        "walrus:" + w.network().id(),
                        settings(w.network()),
                        w.walletKey(),
                        recoveryPhrase,
                        passphrase,
                        listener);
            case RecoverySource.InFolder f ->
                engine.recover(home, "dir:" + f.folder(), null, null, recoveryPhrase, passphrase, listener);
        };
        SyncService.InstanceLock lock;
        try {
            lock = SyncService.lockInstance(home);
        } catch (SyncException | RuntimeException e) {
            r.session().close();
            throw e;
        }
        return new Recovered(run(lock, r.session()), r.report(), r.repositoryId(), r.walletAddress());
    }

    /** Starts the sync service and the daemon socket on an unlocked session; on failure closes all three. */
    private RunningSync run(SyncService.InstanceLock lock, RepositorySession session) throws SyncException {
        SyncService sync = null;
        try {
            sync = new SyncService(session, engine.clock(), ZoneId.systemDefault(), hostName(), user());
            sync.start();
            DaemonServer server = DaemonServer.start(home, sync, session.onWalrus(), onStopRequest);
            return new Running(lock, session, sync, server, home);
        } catch (SyncException | RuntimeException e) {
            if (sync != null) {
                sync.close();
            }
            session.close();
            lock.close();
            throw e;
        }
    }

    private record Running(
            SyncService.InstanceLock lock, RepositorySession session, SyncService sync, DaemonServer server, Path home)
            implements RunningSync {
        @Override
        public boolean onWalrus() {
            return session.onWalrus();
        }

        @Override
        public void close() {
            server.close();
            sync.close();
            session.close();
            lock.close();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "localhost";
        }
    }

    private static String user() {
        return System.getProperty("user.name", "");
    }
}
