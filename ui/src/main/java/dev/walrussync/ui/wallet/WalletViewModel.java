package dev.walrussync.ui.wallet;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.controls.QrCode;
import dev.walrussync.ui.main.SyncMonitor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The wallet screen: the address that owns the repository's blobs (with a QR code of it), its WAL and SUI, test
 * tokens from the faucet, which only the local network has here, and replacing the wallet with the user's own key.
 *
 * <p>Replacing the wallet takes two steps: {@link #reviewImport()} checks the key typed into {@link
 * #keyInputProperty()} and names the address it is for, without changing anything; {@link #confirmImport()} then moves
 * the repository's blobs to that address ({@link RepositorySession#replaceWallet}). The typed key is cleared from
 * {@link #keyInputProperty()} as soon as it is reviewed, and the view model drops its copy when the import ends or is
 * cancelled. (Java strings cannot be wiped; no reference to one is kept.)
 *
 * <p>Every engine call goes through {@link SyncService#callBetweenBackups}, on the background executor; results come
 * back through the FX executor. Properties change on the FX executor's thread only.
 */
public final class WalletViewModel {
    /** How long a wallet read or a faucet request waits for a running backup before it says so. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Replacing the wallet waits for a running backup to end, however long it takes (up to this). */
    static final Duration IMPORT_TIMEOUT = Duration.ofHours(1);

    /** The local network's name in {@link WalletInfo#network()}. */
    static final String LOCAL = "local";

    static final String NOT_ON_WALRUS = "This repository is stored in a folder, not on Walrus: it has no wallet.";
    static final String FAUCET_LOCAL_ONLY =
            "Test tokens are free on the local network only. On testnet, use the Sui and Walrus faucets; on mainnet,"
                    + " send WAL and SUI to this address.";
    static final String NO_KEY = "Paste a Sui private key first: it starts with suiprivkey1.";
    static final String NOTHING_CHANGED = " Nothing was changed.";
    /** How every Sui private key in Bech32 starts ({@code sui keytool export} prints one). */
    static final String KEY_PREFIX = "suiprivkey1";

    static final String NOT_A_SUI_KEY = "That is not a Sui private key: those start with suiprivkey1 (the Sui CLI"
            + " prints one with 'sui keytool export --key-identity ADDRESS')." + NOTHING_CHANGED;

    /** Where replacing the wallet stands. */
    public enum ImportStage {
        /** Waiting for a key. */
        ENTER,
        /** A well-formed key for another address was given; the user confirms or cancels. */
        CONFIRM,
        /** The blobs are being moved. */
        RUNNING
    }

    private final SyncMonitor monitor;

    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable QrCode> addressQr = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper wal = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper sui = new ReadOnlyStringWrapper("—");
    private final ReadOnlyBooleanWrapper faucetAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper faucetNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    private final StringProperty keyInput = new SimpleStringProperty(this, "keyInput", "");
    private final ReadOnlyObjectWrapper<ImportStage> importStage = new ReadOnlyObjectWrapper<>(ImportStage.ENTER);
    private final ReadOnlyStringWrapper confirmText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper importMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importError = new ReadOnlyBooleanWrapper(false);
    private @Nullable WalletInfo shown;
    private @Nullable String pendingKey;
    private String pendingAddress = "";

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
        shown = w;
        network.set(w.network());
        if (!w.address().equals(address.get())) {
            address.set(w.address());
            addressQr.set(w.address().isEmpty() ? null : QrCode.encode(w.address()));
        }
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

    // ---- replacing the wallet with the user's key ----

    /**
     * Checks the key in {@link #keyInputProperty()} and clears it from there. A well-formed key for another address
     * moves to {@link ImportStage#CONFIRM} with {@link #confirmTextProperty()} saying what replacing the wallet does;
     * anything else is refused with the reason, and nothing changes.
     */
    public void reviewImport() {
        if (importStage.get() != ImportStage.ENTER || busy.get()) {
            return;
        }
        String key = keyInput.get() == null ? "" : keyInput.get().strip();
        clearKeyInput();
        if (!onWalrus()) {
            refuse(NOT_ON_WALRUS);
            return;
        }
        if (key.isEmpty()) {
            refuse(NO_KEY);
            return;
        }
        if (!key.regionMatches(true, 0, KEY_PREFIX, 0, KEY_PREFIX.length())) {
            refuse(NOT_A_SUI_KEY);
            return;
        }
        busy.set(true);
        importError.set(false);
        importMessage.set("Checking the key…");
        monitor.background().execute(() -> {
            try {
                String newAddress = Repositories.walletAddressOf(key);
                monitor.fxExecutor().execute(() -> reviewed(key, newAddress));
            } catch (SyncException | RuntimeException e) {
                String why = withoutKey(e.getMessage() == null ? e.toString() : e.getMessage(), key);
                monitor.fxExecutor().execute(() -> {
                    busy.set(false);
                    refuse("The key was refused: " + why + "." + NOTHING_CHANGED);
                });
            }
        });
    }

    /**
     * A parser's message with every piece of five or more characters of the key's secret part (after {@code
     * suiprivkey1}) cut out: the screen must not show the key, and a parser may quote what it could not read.
     */
    static String withoutKey(String message, String key) {
        String secret = key.length() > KEY_PREFIX.length() ? key.substring(KEY_PREFIX.length()) : "";
        for (int length = Math.min(secret.length(), message.length()); length >= 5; length--) {
            for (int start = 0; start + length <= secret.length(); start++) {
                String piece = secret.substring(start, start + length);
                if (message.contains(piece)) {
                    message = message.replace(piece, "…");
                }
            }
        }
        return message;
    }

    private void reviewed(String key, String newAddress) {
        busy.set(false);
        String current = address.get();
        if (newAddress.equals(current)) {
            refuse("That key is already this wallet's (" + newAddress + ")." + NOTHING_CHANGED);
            return;
        }
        pendingKey = key;
        pendingAddress = newAddress;
        importError.set(false);
        importMessage.set("");
        confirmText.set(confirmation(current, shown, newAddress));
        importStage.set(ImportStage.CONFIRM);
    }

    /** What replacing the wallet does, in words, as {@code WalrusOverview.replaceWallet} and the store do it. */
    static String confirmation(String oldAddress, @Nullable WalletInfo old, String newAddress) {
        String at = oldAddress.isEmpty() ? "the old address" : "the old address (" + shortAddress(oldAddress) + ")";
        String balances = old == null
                ? "Whatever WAL and SUI the current wallet holds stays at " + at
                : "The current wallet's " + Formats.token(old.walFrost()) + " WAL and " + Formats.token(old.suiMist())
                        + " SUI stay at " + at;
        return "Use the key for " + newAddress + " as this repository's wallet?\n\n"
                + "• Every blob the current wallet owns moves to the new address, in one Sui transaction paid with"
                + " the current wallet's SUI. Your backups stay as they are.\n"
                + "• " + balances + ", less the gas for the move. Walrus Sync forgets the old key and cannot send"
                + " them on: unless you hold that key yourself, they are out of reach.\n"
                + "• From now on the new address pays for backups and renewals: it needs WAL and SUI. Blobs it"
                + " already owns are left alone.\n"
                + "• If the move fails, nothing changes.";
    }

    /** {@code 0xb49bef…c374}: enough to recognise an address that is shown in full elsewhere. */
    static String shortAddress(String address) {
        return address.length() <= 14
                ? address
                : address.substring(0, 8) + "…" + address.substring(address.length() - 4);
    }

    /**
     * Replaces the wallet with the reviewed key: the current wallet's blobs move to the new address, the new key is
     * sealed in the app home, and the screen reads the wallet again. Waits for a running backup to end first.
     */
    public void confirmImport() {
        String key = pendingKey;
        if (importStage.get() != ImportStage.CONFIRM || key == null) {
            return;
        }
        pendingKey = null;
        String newAddress = pendingAddress;
        importStage.set(ImportStage.RUNNING);
        busy.set(true);
        importError.set(false);
        importMessage.set("Waiting for the running backup to finish…");
        // 0 queued, 1 started, 2 abandoned: a call that timed out in the queue must not run later.
        AtomicInteger state = new AtomicInteger();
        monitor.callBetweenBackups(
                IMPORT_TIMEOUT,
                session -> {
                    if (!state.compareAndSet(0, 1)) {
                        throw new SyncException("abandoned after waiting too long for the running backup");
                    }
                    monitor.fxExecutor().execute(() -> importMessage.set("Moving the blobs to " + newAddress + "…"));
                    session.replaceWallet(key);
                    return session.wallet();
                },
                w -> {
                    busy.set(false);
                    importStage.set(ImportStage.ENTER);
                    pendingAddress = "";
                    confirmText.set("");
                    show(w);
                    error.set(false);
                    message.set("");
                    importError.set(false);
                    importMessage.set(done(w));
                    monitor.refreshWalrus();
                },
                why -> {
                    boolean neverStarted = state.compareAndSet(0, 2);
                    busy.set(false);
                    importStage.set(ImportStage.ENTER);
                    pendingAddress = "";
                    confirmText.set("");
                    importError.set(true);
                    importMessage.set("The wallet was not replaced: " + why
                            + (neverStarted ? "." + NOTHING_CHANGED : ". The address above is the wallet in use."));
                    reload();
                });
    }

    /** How a replaced wallet is announced, with what to do when it cannot pay yet. */
    static String done(WalletInfo w) {
        String text = "The wallet is now " + w.address()
                + ". The repository's blobs were moved to it, and it pays for storage and renewals from now on.";
        if (w.walFrost() == 0 || w.suiMist() == 0) {
            text += " It holds " + Formats.token(w.walFrost()) + " WAL and " + Formats.token(w.suiMist())
                    + " SUI: " + (LOCAL.equals(w.network()) ? "get test tokens" : "send it WAL and SUI")
                    + " before the next backup.";
        }
        return text;
    }

    /** Drops the reviewed key; nothing changes. */
    public void cancelImport() {
        if (importStage.get() != ImportStage.CONFIRM) {
            return;
        }
        pendingKey = null;
        pendingAddress = "";
        confirmText.set("");
        importStage.set(ImportStage.ENTER);
        importError.set(false);
        importMessage.set("Cancelled." + NOTHING_CHANGED);
    }

    private void refuse(String why) {
        pendingKey = null;
        pendingAddress = "";
        importError.set(true);
        importMessage.set(why);
    }

    /** Overwrites the field's text before emptying it, so the control's buffer does not keep the key's characters. */
    private void clearKeyInput() {
        String typed = keyInput.get();
        if (typed != null && !typed.isEmpty()) {
            keyInput.set("•".repeat(typed.length()));
        }
        keyInput.set("");
    }

    /** Whether a key was reviewed and waits for confirmation. Visible for testing. */
    boolean holdsKey() {
        return pendingKey != null;
    }

    // ---- properties ----

    /** The network's name, {@code local}, {@code testnet} or {@code mainnet}. */
    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** The Sui address that owns the repository's blobs. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The address as a QR code, or null before it is known. */
    public ReadOnlyObjectProperty<@Nullable QrCode> addressQrProperty() {
        return addressQr.getReadOnlyProperty();
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

    /** The key being typed: bound to a password field; cleared once reviewed. */
    public StringProperty keyInputProperty() {
        return keyInput;
    }

    public ReadOnlyObjectProperty<ImportStage> importStageProperty() {
        return importStage.getReadOnlyProperty();
    }

    /** What confirming the import does, in words, while {@link ImportStage#CONFIRM}. */
    public ReadOnlyStringProperty confirmTextProperty() {
        return confirmText.getReadOnlyProperty();
    }

    /** Where the import stands or how it ended, or empty. */
    public ReadOnlyStringProperty importMessageProperty() {
        return importMessage.getReadOnlyProperty();
    }

    /** Whether {@link #importMessageProperty()} is an error. */
    public ReadOnlyBooleanProperty importErrorProperty() {
        return importError.getReadOnlyProperty();
    }
}
