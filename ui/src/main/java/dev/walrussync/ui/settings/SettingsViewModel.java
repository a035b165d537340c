package dev.walrussync.ui.settings;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.EpochTiming;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.StoreDetails;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.settings.SettingsInput.Rate;
import dev.walrussync.ui.settings.SettingsInput.RateUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The settings screen: where the backup is kept (read only), when it backs up and how fast it uploads, how storage on
 * Walrus is renewed and what that may spend, the desktop's own choices (start at login, notifications), and the
 * repository's keys ({@link KeysViewModel}).
 *
 * <p>Each editable section has its own Save, because each is kept in its own place and by its own rules: the schedule
 * and upload limit in {@code sync.json} through the running {@link SyncService} (at once, any time), the renewal policy
 * in {@code walrus.json} through the repository session (between two backups, so it may wait), and start at login and
 * notifications in {@code desktop.json} and the desktop's autostart entry. One Save for all would have to say which
 * half of a save failed; per section, a Save either happened or says why not, and the other sections' edits stay as
 * typed. Invalid input is refused before anything is written, with every problem named; a failed save keeps the form
 * as it was typed.
 *
 * <p>Empty fields mean the engine's default, which the prompts show. Durations of the renewal policy are in days
 * (whole epochs, rounded up) once the network's epoch length is known, else in epochs; amounts are in WAL.
 *
 * <p>Engine calls run off the FX thread: the sync policy and the desktop files on the monitor's background executor,
 * the session's calls through {@link SyncMonitor#callBetweenBackups}; results come back on the FX executor. Properties
 * change on the FX executor's thread only.
 */
public final class SettingsViewModel {
    /** How long reading the store's details and the renewal policy waits for a running backup. */
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    /** How long saving the renewal policy waits for a running backup. */
    static final Duration SAVE_TIMEOUT = Duration.ofSeconds(60);

    static final String NOTHING_TO_RENEW =
            "This backup is kept in a folder, not on Walrus: there is nothing to renew" + " and nothing to pay for.";
    static final String LIMIT_NOT_ON_WALRUS =
            "The limit applies to uploads to Walrus; backing up to a folder is never slowed down.";

    private final SyncMonitor monitor;
    private final StartAtLogin startAtLogin;
    private final Executor fx;
    private final Path home;

    // ---- where the backup is kept ----
    private final ReadOnlyBooleanWrapper onWalrus = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper networkTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper walletAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper publishers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper aggregators = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper graphql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paidAhead = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkError = new ReadOnlyStringWrapper("");

    // ---- schedule and upload limit ----
    private final ReadOnlyBooleanWrapper backupLoaded = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<ScheduleChoice> schedule = new SimpleObjectProperty<>(ScheduleChoice.CONTINUOUS);
    private final StringProperty customSchedule = new SimpleStringProperty("");
    private final StringProperty bandwidth = new SimpleStringProperty("");
    private final ObjectProperty<RateUnit> bandwidthUnit = new SimpleObjectProperty<>(RateUnit.MB);
    private final ReadOnlyStringWrapper bandwidthNote = new ReadOnlyStringWrapper("");
    private final SaveState backupSave = new SaveState();

    // ---- renewal and budget ----
    private final ReadOnlyBooleanWrapper renewalAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper storeRetry = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper renewalNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper periodUnit = new ReadOnlyStringWrapper("days");
    private final StringProperty lookAhead = new SimpleStringProperty("");
    private final StringProperty extendBy = new SimpleStringProperty("");
    private final StringProperty reserve = new SimpleStringProperty("");
    private final StringProperty budget = new SimpleStringProperty("");
    private final StringProperty interval = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper lookAheadPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper extendByPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reservePrompt = new ReadOnlyStringWrapper("0 (default)");
    private final ReadOnlyStringWrapper budgetPrompt = new ReadOnlyStringWrapper("no limit (default)");
    private final ReadOnlyStringWrapper intervalPrompt = new ReadOnlyStringWrapper("60 (default)");
    private final SaveState renewalSave = new SaveState();
    private @Nullable EpochTiming timing;

    // ---- start at login and notifications ----
    private final ReadOnlyBooleanWrapper desktopLoaded = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty startAtLoginOn = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper startAtLoginNote = new ReadOnlyStringWrapper("");
    private final BooleanProperty notifyBackupFailed = new SimpleBooleanProperty(true);
    private final BooleanProperty notifyLowRunway = new SimpleBooleanProperty(true);
    private final BooleanProperty notifyExpiryRisk = new SimpleBooleanProperty(true);
    private final BooleanProperty notifyRestoreDone = new SimpleBooleanProperty(true);
    private final SaveState desktopSave = new SaveState();
    private DesktopPreferences preferences = DesktopPreferences.DEFAULTS;

    // ---- keys ----
    private final KeysViewModel keys;

    /** @param startAtLogin how this system starts the app at login (the composition root knows the command) */
    public SettingsViewModel(SyncMonitor monitor, StartAtLogin startAtLogin) {
        this(monitor, startAtLogin, ZoneId.systemDefault());
    }

    /** @param zone where the user is, for the times keys were added */
    public SettingsViewModel(SyncMonitor monitor, StartAtLogin startAtLogin, ZoneId zone) {
        this.monitor = monitor;
        this.keys = new KeysViewModel(monitor, zone);
        this.startAtLogin = startAtLogin;
        this.fx = monitor.fxExecutor();
        this.home = monitor.running().home();
        onWalrus.set(monitor.running().onWalrus());
        bandwidthNote.set(onWalrus.get() ? "" : LIMIT_NOT_ON_WALRUS);
        startAtLoginNote.set(startAtLoginNote());
    }

    // =====================================================================================================
    // Loading

    /** What a session call reads for the screen. */
    private record Stored(
            StoreDetails details,
            @Nullable RenewalPolicy renewal,
            @Nullable EpochTiming timing,
            String timingError) {}

    /** What the background executor reads for the screen. */
    private record Local(
            SyncPolicy policy, @Nullable DesktopPreferences preferences, String preferencesError, boolean startOn) {}

    /** Reads every section's current values; a section being saved keeps its form. */
    public void load() {
        loadLocal();
        loadStored();
        keys.load();
    }

    /** Reads where the backup is kept and the renewal policy again, after reading them failed; the forms stay. */
    public void retryStore() {
        loadStored();
    }

    private void loadLocal() {
        background(
                () -> {
                    SyncPolicy p = monitor.sync().policy();
                    DesktopPreferences prefs = null;
                    String why = "";
                    try {
                        prefs = DesktopPreferences.load(home);
                    } catch (SyncException e) {
                        why = message(e);
                    }
                    return new Local(p, prefs, why, startAtLogin.enabled());
                },
                local -> {
                    if (!backupSave.savingProperty().get()) {
                        showPolicy(local.policy());
                        backupLoaded.set(true);
                    }
                    if (!desktopSave.savingProperty().get()) {
                        DesktopPreferences prefs = local.preferences();
                        if (prefs == null) {
                            desktopSave.fail("Cannot read your notification choices: " + local.preferencesError()
                                    + ". Saving writes them anew.");
                            prefs = DesktopPreferences.DEFAULTS;
                        }
                        preferences = prefs;
                        showPreferences(prefs, local.startOn());
                        desktopLoaded.set(true);
                    }
                },
                why -> backupSave.fail("Cannot read the settings: " + why));
    }

    private void loadStored() {
        storeRetry.set(false);
        if (!onWalrus.get()) {
            renewalNote.set(NOTHING_TO_RENEW);
        } else if (!renewalAvailable.get()) {
            renewalNote.set("Reading the renewal settings…");
        }
        monitor.callBetweenBackups(
                LOAD_TIMEOUT,
                SettingsViewModel::readStored,
                stored -> {
                    showStore(stored.details(), stored.timing());
                    networkError.set("");
                    if (stored.renewal() != null
                            && !renewalSave.savingProperty().get()) {
                        timing = stored.timing();
                        showRenewal(stored.renewal());
                        renewalAvailable.set(true);
                        renewalNote.set(epochNote(stored.timing(), stored.timingError()));
                    }
                },
                why -> {
                    networkError.set("Cannot read where the backup is kept: " + why);
                    storeRetry.set(true);
                    if (onWalrus.get() && !renewalAvailable.get()) {
                        renewalNote.set("Cannot read the renewal settings: " + why);
                    }
                });
    }

    private static Stored readStored(RepositorySession session) throws SyncException {
        StoreDetails details = session.storeDetails();
        if (!details.onWalrus()) {
            return new Stored(details, null, null, "");
        }
        RenewalPolicy renewal = session.renewalPolicy();
        try {
            return new Stored(details, renewal, session.epochTiming(), "");
        } catch (SyncException | RuntimeException e) {
            // The policy can still be edited, in epochs.
            return new Stored(details, renewal, null, message(e));
        }
    }

    // =====================================================================================================
    // Where the backup is kept

    void showStore(StoreDetails d, @Nullable EpochTiming t) {
        walletAddress.set(d.walletAddress() == null ? "" : d.walletAddress());
        publishers.set(String.join(", ", d.publishers()));
        aggregators.set(String.join(", ", d.aggregators()));
        graphql.set(d.graphql() == null ? "" : d.graphql());
        if (d.network() == null) {
            networkTitle.set("A folder: " + d.location());
            networkDescription.set("Your backup is kept in this folder, for example on an external disk."
                    + " There is nothing to pay and nothing to renew. Keep the disk safe: it is your backup.");
            paidAhead.set("");
            return;
        }
        networkTitle.set(networkTitle(d.network()));
        networkDescription.set(
                switch (d.network()) {
                    case "local" ->
                        "A Walrus network that runs inside Walrus Sync, on this computer only. It costs nothing,"
                                + " but it is not a copy kept elsewhere: if this computer is lost, so is the backup.";
                    case "testnet" ->
                        "Walrus's test network: storage is paid with free test tokens, and data may be wiped when"
                                + " the test network is reset. Good for trying Walrus Sync, not for keeping files.";
                    case "mainnet" ->
                        "Walrus's main network: storage nodes around the world keep your encrypted files,"
                                + " paid in WAL from the wallet below, with SUI for transaction fees.";
                    default -> "A Walrus network set up by hand in walrus.json.";
                });
        paidAhead.set("New uploads are paid for " + SettingsInput.epochWords(d.epochsAhead(), epoch(t)) + " ahead;"
                + " renewal extends what your snapshots still need.");
    }

    static String networkTitle(String network) {
        return switch (network) {
            case "local" -> "This computer (the local Walrus network)";
            case "testnet" -> "Walrus testnet";
            case "mainnet" -> "Walrus mainnet";
            default -> "Walrus network '" + network + "'";
        };
    }

    // =====================================================================================================
    // Schedule and upload limit

    private void showPolicy(SyncPolicy p) {
        ScheduleChoice choice = ScheduleChoice.of(p.schedule());
        schedule.set(choice);
        customSchedule.set(choice == ScheduleChoice.CUSTOM ? p.schedule().toString() : "");
        Rate r = SettingsInput.rate(p.bandwidthLimit());
        bandwidth.set(r.text());
        bandwidthUnit.set(r.unit());
    }

    /**
     * Saves the schedule and the upload limit in {@code sync.json} and applies them to the running service; the
     * policy's other parts, the pause among them, stay as they are at that moment.
     */
    public void saveBackupSettings() {
        if (backupSave.savingProperty().get()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        SyncSchedule s = null;
        ScheduleChoice choice = schedule.get();
        if (choice == null || choice.schedule() == null) {
            try {
                s = SettingsInput.schedule(customSchedule.get());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        } else {
            s = choice.schedule();
        }
        long limit = 0;
        try {
            limit = SettingsInput.bytesPerSecond(bandwidth.get(), bandwidthUnit.get());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty() || s == null) {
            backupSave.fail(String.join("\n", problems));
            return;
        }
        SyncSchedule next = s;
        long nextLimit = limit;
        backupSave.start("Saving…");
        background(
                () -> {
                    SyncService sync = monitor.sync();
                    SyncPolicy now = sync.policy();
                    SyncPolicy p = new SyncPolicy(
                            now.quietPeriod(),
                            now.maxDelay(),
                            now.packMaxAge(),
                            now.rescanInterval(),
                            next,
                            nextLimit,
                            now.paused(),
                            now.resumeAt());
                    sync.setPolicy(p);
                    return p;
                },
                p -> {
                    showPolicy(p);
                    backupSave.done("Saved. Backups run " + SettingsInput.scheduleWords(p.schedule())
                            + "; uploads: " + SettingsInput.rateWords(p.bandwidthLimit()) + "."
                            + (p.paused() ? " Backups are still paused; resume them when you like." : ""));
                    monitor.refreshStatus();
                },
                why -> backupSave.fail("Not saved: " + why));
    }

    // =====================================================================================================
    // Renewal and budget

    void showRenewal(RenewalPolicy p) {
        @Nullable Duration e = epoch(timing);
        periodUnit.set(e == null ? "epochs" : "days");
        lookAhead.set(p.lookAheadEpochs() == null ? "" : SettingsInput.period(p.lookAheadEpochs(), e));
        extendBy.set(p.extendEpochs() == null ? "" : SettingsInput.period(p.extendEpochs(), e));
        reserve.set(p.reserveFrost() == null ? "" : SettingsInput.wal(p.reserveFrost()));
        budget.set(p.monthlyBudgetFrost() == null ? "" : SettingsInput.wal(p.monthlyBudgetFrost()));
        interval.set(p.intervalMinutes() == null ? "" : String.valueOf(p.intervalMinutes()));
        updateDefaultPrompts(p.lookAheadEpochs());
    }

    private void updateDefaultPrompts(@Nullable Integer userLookAhead) {
        EpochTiming t = timing;
        if (t == null) {
            lookAheadPrompt.set("30 days' worth (default)");
            extendByPrompt.set("90 days' worth (default)");
            return;
        }
        RenewalPolicy defaults = RenewalPolicy.DEFAULTS;
        RenewalPolicy withUsers = new RenewalPolicy(userLookAhead, null, null, null, null);
        lookAheadPrompt.set(
                SettingsInput.period(defaults.lookAhead(t.epochDuration(), t.maxEpochsAhead()), t.epochDuration())
                        + " (default)");
        extendByPrompt.set(
                SettingsInput.period(withUsers.extendBy(t.epochDuration(), t.maxEpochsAhead()), t.epochDuration())
                        + " (default)");
    }

    static String epochNote(@Nullable EpochTiming t, String timingError) {
        if (t == null) {
            return "Durations are in epochs, Walrus's unit of time: the network's epoch length cannot be read now"
                    + (timingError.isEmpty() ? "." : " (" + timingError + ").");
        }
        String days = SettingsInput.period(1, t.epochDuration());
        return "Walrus counts time in epochs of " + days + (days.equals("1") ? " day" : " days")
                + ", so durations are rounded up to whole epochs; storage can be paid at most "
                + SettingsInput.epochWords(t.maxEpochsAhead(), t.epochDuration()) + " ahead.";
    }

    /**
     * The renewal policy the form says, checked against the network's limits.
     *
     * @throws IllegalArgumentException with every problem, one a line
     */
    RenewalPolicy renewalPolicyFromForm() {
        EpochTiming t = timing;
        Duration e = epoch(t);
        List<String> problems = new ArrayList<>();
        Integer look = optional(lookAhead.get(), text -> SettingsInput.epochs(text, e, "The renewal window"), problems);
        Integer ext = optional(extendBy.get(), text -> SettingsInput.epochs(text, e, "Each renewal"), problems);
        Long res = optional(reserve.get(), text -> SettingsInput.frost(text, "The reserve"), problems);
        Long bud = optional(budget.get(), text -> SettingsInput.frost(text, "The monthly budget"), problems);
        Integer min = optional(
                interval.get(),
                text -> SettingsInput.wholeNumber(text, "The time between checks", 1, "a whole number of minutes"),
                problems);
        if (problems.isEmpty() && t != null) {
            int max = t.maxEpochsAhead();
            if (look != null && look >= max) {
                problems.add("The renewal window is too long: Walrus sells storage at most "
                        + SettingsInput.epochWords(max, e) + " ahead, so renew at most "
                        + SettingsInput.epochWords(max - 1, e) + " before the end.");
            }
            if (ext != null && ext > max) {
                problems.add("Each renewal can add at most " + SettingsInput.epochWords(max, e) + ".");
            }
            if (problems.isEmpty()) {
                RenewalPolicy p = new RenewalPolicy(look, ext, res, bud, min);
                int effectiveLook = p.lookAhead(t.epochDuration(), max);
                if (p.extendBy(t.epochDuration(), max) <= effectiveLook) {
                    problems.add("Each renewal must add more than the renewal window, "
                            + SettingsInput.epochWords(effectiveLook, e)
                            + ", or every check would renew the same files again.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new RenewalPolicy(look, ext, res, bud, min);
    }

    /** Saves the renewal policy in {@code walrus.json} (between two backups); the dashboard's runway follows. */
    public void saveRenewal() {
        if (!renewalAvailable.get()) {
            renewalSave.fail(onWalrus.get() ? renewalNote.get() : NOTHING_TO_RENEW);
            return;
        }
        if (renewalSave.savingProperty().get()) {
            return;
        }
        RenewalPolicy p;
        try {
            p = renewalPolicyFromForm();
        } catch (IllegalArgumentException e) {
            renewalSave.fail(e.getMessage());
            return;
        }
        renewalSave.start("Saving… (this waits for a backup under way to finish)");
        monitor.callBetweenBackups(
                SAVE_TIMEOUT,
                session -> {
                    session.setRenewalPolicy(p);
                    return session.renewalPolicy();
                },
                saved -> {
                    showRenewal(saved);
                    renewalSave.done("Saved. " + renewalWords(saved));
                    monitor.refreshWalrus();
                },
                why -> renewalSave.fail("Not saved: " + why));
    }

    /** The policy in words, with the defaults filled in where the network's timing is known. */
    String renewalWords(RenewalPolicy p) {
        EpochTiming t = timing;
        StringBuilder b = new StringBuilder();
        if (t != null) {
            b.append("Data ending within ")
                    .append(SettingsInput.epochWords(
                            p.lookAhead(t.epochDuration(), t.maxEpochsAhead()), t.epochDuration()))
                    .append(" is extended by ")
                    .append(SettingsInput.epochWords(
                            p.extendBy(t.epochDuration(), t.maxEpochsAhead()), t.epochDuration()))
                    .append(". ");
        }
        b.append(p.reserve() == 0 ? "No WAL is held back" : SettingsInput.wal(p.reserve()) + " WAL is always kept");
        b.append(
                p.monthlyBudgetFrost() == null
                        ? "; no monthly limit."
                        : "; at most " + SettingsInput.wal(p.monthlyBudgetFrost()) + " WAL a month.");
        if (p.monthlyBudgetFrost() != null && p.monthlyBudgetFrost() == 0) {
            b.append(" With a budget of 0 WAL nothing is renewed, and stored data expires.");
        }
        return b.toString();
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> @Nullable T optional(String text, Parser<T> parser, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static @Nullable Duration epoch(@Nullable EpochTiming t) {
        return t == null ? null : t.epochDuration();
    }

    // =====================================================================================================
    // Start at login and notifications

    private String startAtLoginNote() {
        if (!startAtLogin.available()) {
            return startAtLogin.unavailableReason();
        }
        Path entry = startAtLogin.entry();
        return entry == null ? "" : "Walrus Sync adds " + entry + " to start when you log in.";
    }

    private void showPreferences(DesktopPreferences p, boolean startOn) {
        startAtLoginOn.set(startOn);
        notifyBackupFailed.set(p.notifyBackupFailed());
        notifyLowRunway.set(p.notifyLowRunway());
        notifyExpiryRisk.set(p.notifyExpiryRisk());
        notifyRestoreDone.set(p.notifyRestoreDone());
    }

    private record SavedDesktop(DesktopPreferences preferences, boolean startOn) {}

    /** Adds or removes the autostart entry as asked, and saves the choices in {@code desktop.json}. */
    public void saveDesktop() {
        if (desktopSave.savingProperty().get()) {
            return;
        }
        boolean wantStart = startAtLoginOn.get();
        boolean backupFailed = notifyBackupFailed.get();
        boolean lowRunway = notifyLowRunway.get();
        boolean expiryRisk = notifyExpiryRisk.get();
        boolean restoreDone = notifyRestoreDone.get();
        DesktopPreferences before = preferences;
        desktopSave.start("Saving…");
        background(
                () -> {
                    if (startAtLogin.available() && wantStart != startAtLogin.enabled()) {
                        if (wantStart) {
                            startAtLogin.enable();
                        } else {
                            startAtLogin.disable();
                        }
                    }
                    boolean on = startAtLogin.enabled();
                    DesktopPreferences p = before.withStartAtLogin(on)
                            .withNotifications(backupFailed, lowRunway, expiryRisk, restoreDone);
                    p.save(home);
                    return new SavedDesktop(p, on);
                },
                saved -> {
                    preferences = saved.preferences();
                    showPreferences(saved.preferences(), saved.startOn());
                    desktopSave.done("Saved. "
                            + (saved.startOn()
                                    ? "Walrus Sync starts when you log in."
                                    : "Walrus Sync does not start by itself when you log in."));
                },
                why -> desktopSave.fail("Not saved: " + why));
    }

    // =====================================================================================================
    // Threads

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SyncException;
    }

    /** Runs {@code work} on the background executor; {@code done} or {@code failed} runs on the FX executor. */
    private <T> void background(
            Work<T> work, java.util.function.Consumer<T> done, java.util.function.Consumer<String> failed) {
        monitor.background().execute(() -> {
            try {
                T result = work.run();
                fx.execute(() -> done.accept(result));
            } catch (SyncException | RuntimeException e) {
                String m = message(e);
                fx.execute(() -> failed.accept(m));
            }
        });
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    // =====================================================================================================
    // Properties

    /** The Keys section. */
    public KeysViewModel keys() {
        return keys;
    }

    /** Whether the backup is on Walrus: then renewal, the wallet and the upload limit mean something. */
    public ReadOnlyBooleanProperty onWalrusProperty() {
        return onWalrus.getReadOnlyProperty();
    }

    /** Where the backup is kept, in a few words: "Walrus mainnet", "A folder: /media/disk/backup". */
    public ReadOnlyStringProperty networkTitleProperty() {
        return networkTitle.getReadOnlyProperty();
    }

    /** What that place means for the user: cost, safety. */
    public ReadOnlyStringProperty networkDescriptionProperty() {
        return networkDescription.getReadOnlyProperty();
    }

    /** The Sui address that owns the backup's blobs; empty off Walrus. */
    public ReadOnlyStringProperty walletAddressProperty() {
        return walletAddress.getReadOnlyProperty();
    }

    /** The publishers' URLs, comma-separated; empty off Walrus. */
    public ReadOnlyStringProperty publishersProperty() {
        return publishers.getReadOnlyProperty();
    }

    /** The aggregators' URLs, comma-separated; empty off Walrus. */
    public ReadOnlyStringProperty aggregatorsProperty() {
        return aggregators.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty graphqlProperty() {
        return graphql.getReadOnlyProperty();
    }

    /** How far ahead new uploads are paid, in words; empty off Walrus. */
    public ReadOnlyStringProperty paidAheadProperty() {
        return paidAhead.getReadOnlyProperty();
    }

    /** Why the store's details could not be read, or empty. */
    public ReadOnlyStringProperty networkErrorProperty() {
        return networkError.getReadOnlyProperty();
    }

    /** Whether the schedule and the upload limit have been read, so the form shows them. */
    public ReadOnlyBooleanProperty backupLoadedProperty() {
        return backupLoaded.getReadOnlyProperty();
    }

    public ObjectProperty<ScheduleChoice> scheduleProperty() {
        return schedule;
    }

    /** The schedule in the engine's words ({@code every 2h}, {@code 22:00-06:00}), when {@link ScheduleChoice#CUSTOM}. */
    public StringProperty customScheduleProperty() {
        return customSchedule;
    }

    /** The upload limit's number, in {@link #bandwidthUnitProperty()}; empty for no limit. */
    public StringProperty bandwidthProperty() {
        return bandwidth;
    }

    public ObjectProperty<RateUnit> bandwidthUnitProperty() {
        return bandwidthUnit;
    }

    /** The units the upload limit can be in. */
    public List<RateUnit> bandwidthUnits() {
        return List.of(RateUnit.values());
    }

    /** Why the upload limit may not matter here, or empty. */
    public ReadOnlyStringProperty bandwidthNoteProperty() {
        return bandwidthNote.getReadOnlyProperty();
    }

    public SaveState backupSave() {
        return backupSave;
    }

    /** Whether the renewal policy can be edited: the backup is on Walrus and its policy was read. */
    public ReadOnlyBooleanProperty renewalAvailableProperty() {
        return renewalAvailable.getReadOnlyProperty();
    }

    /** Whether reading where the backup is kept (and its renewal policy) failed and can be tried again. */
    public ReadOnlyBooleanProperty storeRetryProperty() {
        return storeRetry.getReadOnlyProperty();
    }

    /** Why renewal cannot be edited, or how its durations are counted. */
    public ReadOnlyStringProperty renewalNoteProperty() {
        return renewalNote.getReadOnlyProperty();
    }

    /** The unit of the look-ahead and the extension: {@code days}, or {@code epochs} while their length is unknown. */
    public ReadOnlyStringProperty periodUnitProperty() {
        return periodUnit.getReadOnlyProperty();
    }

    /** Renew data that ends within this many days (or epochs); empty for the default. */
    public StringProperty lookAheadProperty() {
        return lookAhead;
    }

    /** Each renewal adds this many days (or epochs); empty for the default. */
    public StringProperty extendByProperty() {
        return extendBy;
    }

    /** WAL renewal never spends; empty for the default, 0. */
    public StringProperty reserveProperty() {
        return reserve;
    }

    /** The most WAL renewal spends in 30 days; empty for no limit. */
    public StringProperty budgetProperty() {
        return budget;
    }

    /** Minutes between renewal checks; empty for the default, 60. */
    public StringProperty intervalProperty() {
        return interval;
    }

    public ReadOnlyStringProperty lookAheadPromptProperty() {
        return lookAheadPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty extendByPromptProperty() {
        return extendByPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reservePromptProperty() {
        return reservePrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty budgetPromptProperty() {
        return budgetPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty intervalPromptProperty() {
        return intervalPrompt.getReadOnlyProperty();
    }

    public SaveState renewalSave() {
        return renewalSave;
    }

    /** Whether the desktop choices have been read, so the form shows them. */
    public ReadOnlyBooleanProperty desktopLoadedProperty() {
        return desktopLoaded.getReadOnlyProperty();
    }

    /** Whether start at login can be changed here. */
    public boolean startAtLoginAvailable() {
        return startAtLogin.available();
    }

    /** Start at login, as the form says; after loading and saving, whether the autostart entry exists. */
    public BooleanProperty startAtLoginProperty() {
        return startAtLoginOn;
    }

    /** Where the autostart entry goes, or why start at login is unavailable. */
    public ReadOnlyStringProperty startAtLoginNoteProperty() {
        return startAtLoginNote.getReadOnlyProperty();
    }

    public BooleanProperty notifyBackupFailedProperty() {
        return notifyBackupFailed;
    }

    public BooleanProperty notifyLowRunwayProperty() {
        return notifyLowRunway;
    }

    public BooleanProperty notifyExpiryRiskProperty() {
        return notifyExpiryRisk;
    }

    public BooleanProperty notifyRestoreDoneProperty() {
        return notifyRestoreDone;
    }

    public SaveState desktopSave() {
        return desktopSave;
    }

    /** The epoch timing the renewal form converts with; visible for testing. */
    void useTiming(@Nullable EpochTiming t) {
        timing = t;
    }
}
