package dev.walrussync.ui.main;

import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.tray.TrayState;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's one view of the running {@link SyncService}: samples {@link SyncService#status()} a few times a second and
 * the repository's Walrus status (balances, runway, alerts) now and then, off the FX thread, and publishes both as
 * properties through the FX executor. Screens and the tray read these properties; nothing else polls the engine.
 *
 * <p>Properties change on the FX executor's thread only. In tests the executors are direct, and {@link
 * #refreshStatus()} and {@link #refreshWalrus()} publish before they return.
 */
public final class SyncMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncMonitor.class);
    /** How long a Walrus status request waits for a running backup to finish before it gives up until next time. */
    static final Duration WALRUS_TIMEOUT = Duration.ofSeconds(5);

    private final RunningSync running;
    private final Executor fxExecutor;
    private final Executor background;
    private final ReadOnlyObjectWrapper<@Nullable SyncStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable WalrusStatus> walrus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper walrusError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<TrayState> trayState = new ReadOnlyObjectWrapper<>(TrayState.IDLE);
    private final ActivityLog activity = new ActivityLog();
    private final AtomicBoolean walrusInFlight = new AtomicBoolean();
    private @Nullable ScheduledFuture<?> statusTask;
    private @Nullable ScheduledFuture<?> walrusTask;

    /**
     * @param background runs engine calls (blocking); the app's is a small thread pool
     * @param fxExecutor publishes results on the FX thread
     */
    public SyncMonitor(RunningSync running, Executor background, Executor fxExecutor) {
        this.running = running;
        this.background = background;
        this.fxExecutor = fxExecutor;
        activity.follow(this);
    }

    /** Samples the status every {@code statusEvery} and the Walrus status every {@code walrusEvery}. */
    public void start(ScheduledExecutorService scheduler, Duration statusEvery, Duration walrusEvery) {
        statusTask =
                scheduler.scheduleWithFixedDelay(this::sampleStatus, 0, statusEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (running.onWalrus()) {
            walrusTask = scheduler.scheduleWithFixedDelay(
                    this::sampleWalrus, 0, walrusEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public SyncService sync() {
        return running.sync();
    }

    public RunningSync running() {
        return running;
    }

    /** Runs blocking engine work off the FX thread. */
    public Executor background() {
        return background;
    }

    /** Runs UI updates on the FX thread. */
    public Executor fxExecutor() {
        return fxExecutor;
    }

    /** What happened lately. */
    public ActivityLog activity() {
        return activity;
    }

    /**
     * Runs {@code call} on the session between two backups, off the FX thread; {@code done} gets its result and
     * {@code failed} the reason it failed, both on the FX thread.
     */
    public <T> void callBetweenBackups(
            Duration timeout, SyncService.SessionCall<T> call, Consumer<T> done, Consumer<String> failed) {
        background.execute(() -> {
            try {
                T result = running.sync().callBetweenBackups(call, timeout);
                fxExecutor.execute(() -> done.accept(result));
            } catch (SyncException | RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                fxExecutor.execute(() -> failed.accept(m));
            }
        });
    }

    /** Samples the folders' state now. */
    public void refreshStatus() {
        background.execute(this::sampleStatus);
    }

    /** Reads balances, runway and alerts now (between backups). */
    public void refreshWalrus() {
        if (running.onWalrus()) {
            background.execute(this::sampleWalrus);
        }
    }

    /**
     * Pauses uploads until resumed, or resumes them, off the FX thread, then samples the status.
     *
     * @param onFailure receives the reason on the FX thread if the service refuses
     */
    public void setPaused(boolean paused, Consumer<String> onFailure) {
        change(paused ? SyncService::pause : SyncService::resume, onFailure);
    }

    /** Pauses uploads for {@code duration}, after which they resume by themselves; as {@link #setPaused}. */
    public void pauseFor(Duration duration, Consumer<String> onFailure) {
        change(sync -> sync.pauseFor(duration), onFailure);
    }

    private interface Change {
        void apply(SyncService sync) throws SyncException;
    }

    private void change(Change change, Consumer<String> onFailure) {
        background.execute(() -> {
            try {
                change.apply(running.sync());
            } catch (SyncException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                fxExecutor.execute(() -> onFailure.accept(m));
            }
            sampleStatus();
        });
    }

    /** Backs up every folder now, off the FX thread, then samples the status. */
    public void syncNow() {
        background.execute(() -> {
            running.sync().syncNow();
            sampleStatus();
        });
    }

    private void sampleStatus() {
        try {
            SyncStatus s = running.sync().status();
            fxExecutor.execute(() -> {
                status.set(s);
                updateTrayState();
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot read the sync status", e);
        }
    }

    private void sampleWalrus() {
        if (!walrusInFlight.compareAndSet(false, true)) {
            return;
        }
        try {
            WalrusStatus w = running.sync().callBetweenBackups(s -> s.walrusStatus(), WALRUS_TIMEOUT);
            fxExecutor.execute(() -> {
                walrus.set(w);
                walrusError.set("");
                offline.set(false);
                updateTrayState();
            });
        } catch (SyncService.BusyException e) {
            // A backup is under way, so the network answers; the values come next time.
        } catch (SyncException | RuntimeException e) {
            // Keep the last known values; say why they may be old.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            fxExecutor.execute(() -> {
                walrusError.set(message);
                offline.set(true);
                updateTrayState();
            });
        } finally {
            walrusInFlight.set(false);
        }
    }

    public ReadOnlyObjectProperty<@Nullable SyncStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable WalrusStatus> walrusProperty() {
        return walrus.getReadOnlyProperty();
    }

    /** Why the last Walrus status could not be read, or empty. */
    public ReadOnlyStringProperty walrusErrorProperty() {
        return walrusError.getReadOnlyProperty();
    }

    private void updateTrayState() {
        trayState.set(TrayState.of(status.get(), walrus.get(), offline.get()));
    }

    /** Whether the last attempt to read the Walrus status failed: the network (or this machine's link) is down. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrayState> trayStateProperty() {
        return trayState.getReadOnlyProperty();
    }

    /** Stops sampling; the running sync is closed by its owner. */
    @Override
    public void close() {
        if (statusTask != null) {
            statusTask.cancel(false);
        }
        if (walrusTask != null) {
            walrusTask.cancel(false);
        }
    }
}
