package dev.walrussync.ui.wallet;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.main.SyncMonitor;
import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The wallet screen: the address that owns the repository's blobs, its WAL and SUI, and test tokens from the faucet,
 * which only the local network has here.
 *
 * <p>Every engine call goes through {@link SyncService#callBetweenBackups}, on the background executor; results come
 * back through the FX executor. Properties change on the FX executor's thread only.
 */
public final class WalletViewModel {
    /** How long a wallet read or a faucet request waits for a running backup before it says so. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The local network's name in {@link WalletInfo#network()}. */
    static final String LOCAL = "local";

    static final String NOT_ON_WALRUS = "This repository is stored in a folder, not on Walrus: it has no wallet.";
    static final String FAUCET_LOCAL_ONLY =
            "Test tokens are free on the local network only. On testnet, use the Sui and Walrus faucets; on mainnet,"
                    + " send WAL and SUI to this address.";

    private final SyncMonitor monitor;

    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper wal = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper sui = new ReadOnlyStringWrapper("—");
    private final ReadOnlyBooleanWrapper faucetAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper faucetNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    public WalletViewModel(SyncMonitor monitor) {
        this.monitor = monitor;
    }

    private void fail(String why) {
        busy.set(false);
        error.set(true);
        message.set(why);
    }

    /** Whether the repository is on Walrus; if not, the screen only says so. */
    public boolean onWalrus() {
        return monitor.running().onWalrus();
    }

    /** Reads the address and the balances again. */
    public void reload() {
        if (!onWalrus()) {
            faucetAvailable.set(false);
            faucetNote.set("");
            error.set(false);
            message.set(NOT_ON_WALRUS);
            return;
        }
        busy.set(true);
        monitor.callBetweenBackups(
                TIMEOUT,
                RepositorySession::wallet,
                w -> {
                    busy.set(false);
                    show(w);
                },
                why -> fail("Cannot read the wallet: " + why));
    }

    void show(WalletInfo w) {
        network.set(w.network());
        address.set(w.address());
        wal.set(Formats.token(w.walFrost()) + " WAL");
        sui.set(Formats.token(w.suiMist()) + " SUI");
        boolean local = LOCAL.equals(w.network());
        faucetAvailable.set(local);
        faucetNote.set(local ? "" : FAUCET_LOCAL_ONLY);
    }

    /** Asks the local network's faucet for WAL and SUI, then reads the balances again. */
    public void requestFaucet() {
        if (!faucetAvailable.get() || busy.get()) {
            return;
        }
        busy.set(true);
        error.set(false);
        message.set("Asking the faucet for test tokens…");
        monitor.callBetweenBackups(
                TIMEOUT,
                session -> {
                    session.requestFaucet();
                    return session.wallet();
                },
                w -> {
                    busy.set(false);
                    show(w);
                    message.set("Test tokens received.");
                    monitor.refreshWalrus();
                },
                why -> fail("The faucet refused: " + why));
    }

    /** The network's name, {@code local}, {@code testnet} or {@code mainnet}. */
    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** The Sui address that owns the repository's blobs. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty walProperty() {
        return wal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suiProperty() {
        return sui.getReadOnlyProperty();
    }

    /** Whether "Get test tokens" works: on the local network only. */
    public ReadOnlyBooleanProperty faucetAvailableProperty() {
        return faucetAvailable.getReadOnlyProperty();
    }

    /** Why there is no faucet here, or empty. */
    public ReadOnlyStringProperty faucetNoteProperty() {
        return faucetNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
