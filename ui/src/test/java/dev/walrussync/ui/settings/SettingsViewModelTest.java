package dev.walrussync.ui.settings;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.EpochTiming;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.StoreDetails;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.settings.SettingsInput.RateUnit;
import dev.walrussync.ui.settings.StartAtLogin.Flavour;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings screen's view model on a real repository (a directory store) with its sync service running: what the
 * form shows, what each Save writes and applies, and what invalid input is told.
 */
class SettingsViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    StartAtLogin startAtLogin;
    Path home;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        home = running.home();
        startAtLogin = StartAtLogin.of(
                Flavour.XDG,
                dir.resolve("config/autostart/walrus-sync.desktop"),
                List.of("/opt/walrus sync/walrus-sync"),
                Map.of("WALRUS_SYNC_HOME", home.toString()));
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    private SettingsViewModel loaded() {
        SettingsViewModel vm = new SettingsViewModel(monitor, startAtLogin);
        vm.load();
        return vm;
    }

    private String syncJson() throws Exception {
        Path file = home.resolve(SyncSettings.FILE_NAME);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Nested
    class ScheduleAndUploadLimit {
        @Test
        void loadingShowsTheServicesPolicy() throws Exception {
            SyncPolicy p = running.sync().policy();
            running.sync()
                    .setPolicy(new SyncPolicy(
                            p.quietPeriod(),
                            p.maxDelay(),
                            p.packMaxAge(),
                            p.rescanInterval(),
                            SyncSchedule.parse("nights"),
                            2L << 20,
                            false));
            SettingsViewModel vm = loaded();
            assertThat(vm.backupLoadedProperty().get()).isTrue();
            assertThat(vm.scheduleProperty().get()).isEqualTo(ScheduleChoice.NIGHTS);
            assertThat(vm.customScheduleProperty().get()).isEmpty();
            assertThat(vm.bandwidthProperty().get()).isEqualTo("2");
            assertThat(vm.bandwidthUnitProperty().get()).isEqualTo(RateUnit.MB);
            // Uploads to a folder are never throttled, and the screen says so.
            assertThat(vm.bandwidthNoteProperty().get()).isEqualTo(SettingsViewModel.LIMIT_NOT_ON_WALRUS);
        }

        @Test
        void aScheduleWithoutANameShowsAsCustom() throws Exception {
            SyncPolicy p = running.sync().policy();
            running.sync()
                    .setPolicy(new SyncPolicy(
                            p.quietPeriod(),
                            p.maxDelay(),
                            p.packMaxAge(),
                            p.rescanInterval(),
                            SyncSchedule.parse("every 30m"),
                            0,
                            false));
            SettingsViewModel vm = loaded();
            assertThat(vm.scheduleProperty().get()).isEqualTo(ScheduleChoice.CUSTOM);
            assertThat(vm.customScheduleProperty().get()).isEqualTo("every 30m");
            assertThat(vm.bandwidthProperty().get()).isEmpty();
        }

        @Test
        void savingWritesSyncJsonAndTheRunningServiceFollows() throws Exception {
            SettingsViewModel vm = loaded();
            assertThat(vm.scheduleProperty().get()).isEqualTo(ScheduleChoice.CONTINUOUS);
            vm.scheduleProperty().set(ScheduleChoice.EVERY_4_HOURS);
            vm.bandwidthProperty().set("512");
            vm.bandwidthUnitProperty().set(RateUnit.KB);
            vm.saveBackupSettings();

            assertThat(vm.backupSave().errorProperty().get()).isFalse();
            assertThat(vm.backupSave().savingProperty().get()).isFalse();
            assertThat(vm.backupSave().messageProperty().get())
                    .isEqualTo("Saved. Backups run at most once every 4 hours; uploads: 512 KB/s.");
            SyncPolicy saved = SyncSettings.load(home).policy();
            assertThat(saved).isNotNull();
            assertThat(saved.schedule()).isEqualTo(new SyncSchedule(Duration.ofHours(4), null, null));
            assertThat(saved.bandwidthLimit()).isEqualTo(512 * 1024);
            assertThat(running.sync().policy()).isEqualTo(saved);
            assertThat(monitor.statusProperty().get().policy().bandwidthLimit()).isEqualTo(512 * 1024);
        }

        @Test
        void aCustomScheduleIsSavedInTheEnginesForm() throws Exception {
            SettingsViewModel vm = loaded();
            vm.scheduleProperty().set(ScheduleChoice.CUSTOM);
            vm.customScheduleProperty().set(" 22:00-06:00 every 2h ");
            vm.bandwidthProperty().set("");
            vm.saveBackupSettings();

            assertThat(vm.backupSave().messageProperty().get())
                    .isEqualTo("Saved. Backups run only between 22:00 and 06:00, at most once every 2 hours;"
                            + " uploads: no limit.");
            SyncSchedule s = SyncSettings.load(home).policy().schedule();
            assertThat(s.every()).isEqualTo(Duration.ofHours(2));
            assertThat(s.windowStart()).isEqualTo(LocalTime.of(22, 0));
            assertThat(s.windowEnd()).isEqualTo(LocalTime.of(6, 0));
            assertThat(running.sync().policy().schedule()).isEqualTo(s);
        }

        @Test
        void aPauseStaysAsItWasWhenTheScheduleIsSaved() throws Exception {
            running.sync().pauseFor(Duration.ofHours(3));
            Instant resumeAt = running.sync().policy().resumeAt();
            assertThat(resumeAt).isNotNull();
            SettingsViewModel vm = loaded();
            vm.bandwidthProperty().set("1.5");
            vm.bandwidthUnitProperty().set(RateUnit.MB);
            vm.saveBackupSettings();

            SyncPolicy p = running.sync().policy();
            assertThat(p.paused()).isTrue();
            assertThat(p.resumeAt()).isEqualTo(resumeAt);
            assertThat(p.bandwidthLimit()).isEqualTo(1_572_864);
            SyncPolicy saved = SyncSettings.load(home).policy();
            assertThat(saved.paused()).isTrue();
            assertThat(saved.resumeAt()).isEqualTo(resumeAt);
            assertThat(vm.backupSave().messageProperty().get()).contains("Backups are still paused");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                CONTINUOUS | ''        | -1    | The upload limit cannot be negative
                CONTINUOUS | ''        | fast  | The upload limit must be a number, such as 2 or 0.5 (or empty for no limit), not 'fast'.
                CONTINUOUS | ''        | 2,5   | not '2,5'
                CUSTOM     | whenever  | 1     | The schedule 'whenever' cannot be read.
                CUSTOM     | 25:00-3:00| 1     | The schedule '25:00-3:00' cannot be read.
                CUSTOM     | ''        | 1     | Type a schedule
                """)
        void invalidInputIsRefusedWithAReasonAndNothingIsSaved(
                ScheduleChoice choice, String custom, String limit, String message) throws Exception {
            SettingsViewModel vm = loaded();
            SyncPolicy before = running.sync().policy();
            String fileBefore = syncJson();
            vm.scheduleProperty().set(choice);
            vm.customScheduleProperty().set(custom);
            vm.bandwidthProperty().set(limit);
            vm.saveBackupSettings();

            assertThat(vm.backupSave().errorProperty().get()).isTrue();
            assertThat(vm.backupSave().messageProperty().get()).contains(message);
            assertThat(vm.backupSave().savingProperty().get()).isFalse();
            assertThat(running.sync().policy()).isEqualTo(before);
            assertThat(syncJson()).isEqualTo(fileBefore);
            // The form keeps what was typed, to be corrected.
            assertThat(vm.bandwidthProperty().get()).isEqualTo(limit);
            assertThat(vm.customScheduleProperty().get()).isEqualTo(custom);
        }

        @Test
        void everyProblemIsNamedAtOnce() {
            SettingsViewModel vm = loaded();
            vm.scheduleProperty().set(ScheduleChoice.CUSTOM);
            vm.customScheduleProperty().set("sometimes");
            vm.bandwidthProperty().set("-3");
            vm.saveBackupSettings();
            assertThat(vm.backupSave().messageProperty().get().lines())
                    .hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains("'sometimes' cannot be read"))
                    .anySatisfy(l -> assertThat(l).contains("cannot be negative"));
        }
    }

    @Nested
    class StartAtLoginAndNotifications {
        @Test
        void notificationChoicesRoundTripThroughDesktopJson() throws Exception {
            SettingsViewModel vm = loaded();
            assertThat(vm.desktopLoadedProperty().get()).isTrue();
            assertThat(vm.notifyBackupFailedProperty().get()).isTrue();
            assertThat(vm.notifyLowRunwayProperty().get()).isTrue();
            vm.notifyLowRunwayProperty().set(false);
            vm.notifyRestoreDoneProperty().set(false);
            vm.saveDesktop();

            assertThat(vm.desktopSave().errorProperty().get()).isFalse();
            assertThat(vm.desktopSave().messageProperty().get()).startsWith("Saved.");
            assertThat(DesktopPreferences.load(home))
                    .isEqualTo(new DesktopPreferences(false, true, false, true, false));

            SettingsViewModel again = loaded();
            assertThat(again.notifyBackupFailedProperty().get()).isTrue();
            assertThat(again.notifyLowRunwayProperty().get()).isFalse();
            assertThat(again.notifyExpiryRiskProperty().get()).isTrue();
            assertThat(again.notifyRestoreDoneProperty().get()).isFalse();
        }

        @Test
        void startAtLoginWritesTheEntryAndTheDiskIsWhatIsShown() throws Exception {
            SettingsViewModel vm = loaded();
            assertThat(vm.startAtLoginAvailable()).isTrue();
            assertThat(vm.startAtLoginProperty().get()).isFalse();
            assertThat(vm.startAtLoginNoteProperty().get()).contains("walrus-sync.desktop");

            vm.startAtLoginProperty().set(true);
            vm.saveDesktop();
            assertThat(startAtLogin.enabled()).isTrue();
            assertThat(Files.readString(startAtLogin.entry())).contains("\"/opt/walrus sync/walrus-sync\"");
            assertThat(DesktopPreferences.load(home).startAtLogin()).isTrue();
            assertThat(vm.desktopSave().messageProperty().get())
                    .isEqualTo("Saved. Walrus Sync starts when you log in.");

            // Someone removes the entry by hand: the screen shows what is on disk, not what desktop.json says.
            Files.delete(startAtLogin.entry());
            SettingsViewModel again = loaded();
            assertThat(again.startAtLoginProperty().get()).isFalse();

            vm.startAtLoginProperty().set(true);
            vm.saveDesktop();
            vm.startAtLoginProperty().set(false);
            vm.saveDesktop();
            assertThat(startAtLogin.entry()).doesNotExist();
            assertThat(DesktopPreferences.load(home).startAtLogin()).isFalse();
        }

        @Test
        void withoutALaunchCommandStartAtLoginIsOffAndSaysWhy() throws Exception {
            startAtLogin = StartAtLogin.of(Flavour.XDG, dir.resolve("autostart/walrus-sync.desktop"), null, Map.of());
            SettingsViewModel vm = loaded();
            assertThat(vm.startAtLoginAvailable()).isFalse();
            assertThat(vm.startAtLoginNoteProperty().get()).isEqualTo(StartAtLogin.NO_COMMAND);
            vm.startAtLoginProperty().set(true);
            vm.saveDesktop();
            assertThat(dir.resolve("autostart")).doesNotExist();
            assertThat(vm.startAtLoginProperty().get()).isFalse();
            assertThat(DesktopPreferences.load(home).startAtLogin()).isFalse();
        }

        @Test
        void anUnreadableDesktopJsonIsReportedAndReplacedOnSave() throws Exception {
            Files.writeString(home.resolve(DesktopPreferences.FILE_NAME), "{ not json");
            SettingsViewModel vm = loaded();
            assertThat(vm.desktopSave().errorProperty().get()).isTrue();
            assertThat(vm.desktopSave().messageProperty().get()).startsWith("Cannot read your notification choices");
            assertThat(vm.desktopLoadedProperty().get()).isTrue();
            vm.notifyExpiryRiskProperty().set(false);
            vm.saveDesktop();
            assertThat(DesktopPreferences.load(home).notifyExpiryRisk()).isFalse();
        }
    }

    @Nested
    class WhereAndRenewal {
        @Test
        void aFolderStoreIsNamedAndHasNothingToRenew() throws Exception {
            SettingsViewModel vm = loaded();
            assertThat(vm.onWalrusProperty().get()).isFalse();
            assertThat(vm.networkTitleProperty().get()).isEqualTo("A folder: " + dir.resolve("store"));
            assertThat(vm.networkErrorProperty().get()).isEmpty();
            assertThat(vm.walletAddressProperty().get()).isEmpty();
            assertThat(vm.paidAheadProperty().get()).isEmpty();

            assertThat(vm.renewalAvailableProperty().get()).isFalse();
            assertThat(vm.renewalNoteProperty().get()).isEqualTo(SettingsViewModel.NOTHING_TO_RENEW);
            vm.reserveProperty().set("5");
            vm.saveRenewal();
            assertThat(vm.renewalSave().errorProperty().get()).isTrue();
            assertThat(vm.renewalSave().messageProperty().get()).isEqualTo(SettingsViewModel.NOTHING_TO_RENEW);
            assertThat(home.resolve("walrus.json")).doesNotExist();
        }

        @Test
        void aWalrusStoreShowsItsNetworkWalletAndHowFarAheadItPays() {
            SettingsViewModel vm = new SettingsViewModel(monitor, startAtLogin);
            vm.showStore(
                    new StoreDetails(
                            "walrus",
                            "mainnet",
                            "mainnet",
                            List.of("https://publisher.example"),
                            List.of("https://a1.example", "https://a2.example"),
                            "https://graphql.example/graphql",
                            "0xabc",
                            10),
                    FOURTEEN_DAYS);
            assertThat(vm.networkTitleProperty().get()).isEqualTo("Walrus mainnet");
            assertThat(vm.networkDescriptionProperty().get()).contains("paid in WAL");
            assertThat(vm.walletAddressProperty().get()).isEqualTo("0xabc");
            assertThat(vm.aggregatorsProperty().get()).isEqualTo("https://a1.example, https://a2.example");
            assertThat(vm.paidAheadProperty().get()).startsWith("New uploads are paid for 10 epochs (140 days) ahead");
            assertThat(SettingsViewModel.networkTitle("local")).isEqualTo("This computer (the local Walrus network)");
            assertThat(SettingsViewModel.networkTitle("devnet")).isEqualTo("Walrus network 'devnet'");
        }
    }

    static final EpochTiming FOURTEEN_DAYS = new EpochTiming(7, Duration.ofDays(14), 53);

    /** The renewal form's conversions, with the network's timing given rather than read from a Walrus network. */
    @Nested
    class RenewalForm {
        SettingsViewModel vm;

        @BeforeEach
        void form() {
            vm = new SettingsViewModel(monitor, startAtLogin);
            vm.useTiming(FOURTEEN_DAYS);
        }

        @Test
        void storedEpochsShowAsDaysAndDefaultsAsPrompts() {
            vm.showRenewal(RenewalPolicy.DEFAULTS);
            assertThat(vm.periodUnitProperty().get()).isEqualTo("days");
            assertThat(vm.lookAheadProperty().get()).isEmpty();
            // 30 days is 3 epochs of 14 days; an extension is 90 days' worth, 7 epochs.
            assertThat(vm.lookAheadPromptProperty().get()).isEqualTo("42 (default)");
            assertThat(vm.extendByPromptProperty().get()).isEqualTo("98 (default)");
            assertThat(vm.reservePromptProperty().get()).isEqualTo("0 (default)");
            assertThat(vm.budgetPromptProperty().get()).isEqualTo("no limit (default)");
            assertThat(vm.intervalPromptProperty().get()).isEqualTo("60 (default)");

            vm.showRenewal(new RenewalPolicy(4, 10, 1_500_000_000L, 20_000_000_000L, 30));
            assertThat(vm.lookAheadProperty().get()).isEqualTo("56");
            assertThat(vm.extendByProperty().get()).isEqualTo("140");
            assertThat(vm.reserveProperty().get()).isEqualTo("1.5");
            assertThat(vm.budgetProperty().get()).isEqualTo("20");
            assertThat(vm.intervalProperty().get()).isEqualTo("30");
        }

        @Test
        void daysBecomeWholeEpochsRoundedUpAndWalBecomesFrost() {
            vm.lookAheadProperty().set("30");
            vm.extendByProperty().set("100");
            vm.reserveProperty().set("0.25");
            vm.budgetProperty().set("12");
            vm.intervalProperty().set("15");
            assertThat(vm.renewalPolicyFromForm())
                    .isEqualTo(new RenewalPolicy(3, 8, 250_000_000L, 12_000_000_000L, 15));

            for (var field : List.of(
                    vm.lookAheadProperty(),
                    vm.extendByProperty(),
                    vm.reserveProperty(),
                    vm.budgetProperty(),
                    vm.intervalProperty())) {
                field.set(" ");
            }
            assertThat(vm.renewalPolicyFromForm()).isEqualTo(RenewalPolicy.DEFAULTS);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                lookAhead | soon | The renewal window must be a number of days, such as 30, not 'soon'.
                lookAhead | 0    | The renewal window must be more than 0 days.
                lookAhead | 800  | The renewal window is too long
                extendBy  | 800  | Each renewal can add at most 53 epochs (742 days).
                extendBy  | 14   | Each renewal must add more than the renewal window, 3 epochs (42 days), or
                reserve   | -1   | The reserve cannot be below zero.
                reserve   | lots | The reserve must be an amount of WAL, such as 2 or 0.5, not 'lots'.
                budget    | -0.5 | The monthly budget cannot be below zero.
                budget    | 1e-10| The monthly budget has more decimals than WAL has: at most 9.
                interval  | 0    | The time between checks must be at least 1, not 0.
                interval  | 1.5  | The time between checks must be a whole number of minutes, not '1.5'.
                """)
        void invalidValuesAreRefusedWithAReason(String field, String value, String message) {
            var property = switch (field) {
                case "lookAhead" -> vm.lookAheadProperty();
                case "extendBy" -> vm.extendByProperty();
                case "reserve" -> vm.reserveProperty();
                case "budget" -> vm.budgetProperty();
                default -> vm.intervalProperty();
            };
            property.set(value);
            assertThatThrownBy(vm::renewalPolicyFromForm)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        }

        @Test
        void withoutTheEpochLengthDurationsAreInEpochs() {
            vm.useTiming(null);
            vm.showRenewal(new RenewalPolicy(3, null, null, null, null));
            assertThat(vm.periodUnitProperty().get()).isEqualTo("epochs");
            assertThat(vm.lookAheadProperty().get()).isEqualTo("3");
            vm.lookAheadProperty().set("4");
            assertThat(vm.renewalPolicyFromForm()).isEqualTo(new RenewalPolicy(4, null, null, null, null));
            vm.lookAheadProperty().set("2.5");
            assertThatThrownBy(vm::renewalPolicyFromForm)
                    .hasMessageContaining("must be a whole number of epochs, such as 4, not '2.5'");
        }

        @Test
        void theSavedPolicyInWords() {
            assertThat(vm.renewalWords(new RenewalPolicy(null, null, 2_000_000_000L, 0L, null)))
                    .isEqualTo("Data ending within 3 epochs (42 days) is extended by 7 epochs (98 days)."
                            + " 2 WAL is always kept; at most 0 WAL a month."
                            + " With a budget of 0 WAL nothing is renewed, and stored data expires.");
        }
    }
}
