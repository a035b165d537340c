package dev.walrussync.ui.onboarding;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.session.RunningSync;
import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/** Unlocking the app home's repository with its passphrase, which starts its sync service. */
public final class UnlockViewModel {
    private final RepositoryGateway gateway;
    private final Executor background;
    private final Executor fxExecutor;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable RunningSync> unlocked = new ReadOnlyObjectWrapper<>();

    public UnlockViewModel(RepositoryGateway gateway, Executor background, Executor fxExecutor) {
        this.gateway = gateway;
        this.background = background;
        this.fxExecutor = fxExecutor;
    }

    /** The app home, to show which repository is being unlocked. */
    public String home() {
        return gateway.home().toString();
    }

    public void unlock() {
        if (busy.get() || passphrase.get().isEmpty()) {
            return;
        }
        char[] pass = passphrase.get().toCharArray();
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                RunningSync r = gateway.unlock(pass);
                fxExecutor.execute(() -> {
                    passphrase.set("");
                    busy.set(false);
                    unlocked.set(r);
                });
            } catch (SyncException | RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                fxExecutor.execute(() -> {
                    busy.set(false);
                    error.set(m);
                });
            } finally {
                Arrays.fill(pass, '\0');
            }
        });
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Set once the repository is unlocked and syncing. */
    public ReadOnlyObjectProperty<@Nullable RunningSync> unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }
}
