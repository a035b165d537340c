package dev.walrussync.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.ui.settings.StartAtLogin.Flavour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start at login as files on a temporary folder: one entry per desktop, written, read back and removed. */
class StartAtLoginTest {
    @TempDir
    Path dir;

    private static final Map<String, String> HOME_ENV = Map.of("WALRUS_SYNC_HOME", "/home/ann/My Backups/walrus");

    @Test
    void eachSystemLooksForTheEntryWhereItsDesktopDoes() {
        Path user = Path.of("/home/ann");
        assertThat(StartAtLogin.forSystem("Linux", Map.of(), user, List.of("x"), Map.of())
                        .entry())
                .isEqualTo(Path.of("/home/ann/.config/autostart/walrus-sync.desktop"));
        assertThat(StartAtLogin.forSystem("FreeBSD", Map.of("XDG_CONFIG_HOME", "/cfg"), user, List.of("x"), Map.of())
                        .entry())
                .isEqualTo(Path.of("/cfg/autostart/walrus-sync.desktop"));
        // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
        assertThat(StartAtLogin.forSystem("Linux", Map.of("XDG_CONFIG_HOME", "cfg"), user, List.of("x"), Map.of())
                        .entry())
                .isEqualTo(Path.of("/home/ann/.config/autostart/walrus-sync.desktop"));
        assertThat(StartAtLogin.forSystem("Mac OS X", Map.of(), user, List.of("x"), Map.of())
                        .entry())
                .isEqualTo(Path.of("/home/ann/Library/LaunchAgents/dev.walrussync.app.plist"));
        Path startup = StartAtLogin.forSystem(
                        "Windows 11", Map.of("APPDATA", "/users/ann/AppData/Roaming"), user, List.of("x"), Map.of())
                .entry();
        assertThat(startup)
                .isEqualTo(Path.of(
                        "/users/ann/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup/Walrus Sync.cmd"));
    }

    @Nested
    class OnLinux {
        Path entry() {
            return dir.resolve("config/autostart/walrus-sync.desktop");
        }

        @Test
        void enablingWritesAnAutostartEntryThatRunsTheLauncherAndDisablingRemovesIt() throws Exception {
            StartAtLogin s =
                    StartAtLogin.of(Flavour.XDG, entry(), List.of("/home/ann/Apps/walrus sync/walrus-sync"), HOME_ENV);
            assertThat(s.available()).isTrue();
            assertThat(s.enabled()).isFalse();

            s.enable();
            assertThat(s.enabled()).isTrue();
            String text = Files.readString(entry());
            assertThat(text)
                    .startsWith("[Desktop Entry]\n")
                    .contains("Type=Application\n", "Name=Walrus Sync\n", "Terminal=false\n")
                    .contains("Exec=env \"WALRUS_SYNC_HOME=/home/ann/My Backups/walrus\""
                            + " \"/home/ann/Apps/walrus sync/walrus-sync\"\n");
            assertThat(dir.resolve("config/autostart")).isDirectoryNotContaining("glob:**.tmp");

            s.enable(); // again: the same entry, no error
            assertThat(Files.readString(entry())).isEqualTo(text);

            s.disable();
            assertThat(entry()).doesNotExist();
            assertThat(s.enabled()).isFalse();
            s.disable(); // nothing to remove: no error
        }

        @Test
        void theDiskIsTheTruth() throws Exception {
            StartAtLogin s = StartAtLogin.of(Flavour.XDG, entry(), List.of("/usr/bin/walrus-sync"), Map.of());
            Files.createDirectories(entry().getParent());
            Files.writeString(entry(), "[Desktop Entry]\n");
            assertThat(s.enabled()).isTrue();
            Files.delete(entry());
            assertThat(s.enabled()).isFalse();
        }

        @Test
        void aPlainPathIsWrittenAsItIs() throws Exception {
            StartAtLogin s = StartAtLogin.of(Flavour.XDG, entry(), List.of("/usr/bin/walrus-sync"), Map.of());
            s.enable();
            assertThat(Files.readString(entry())).contains("\nExec=/usr/bin/walrus-sync\n");
        }
    }

    /**
     * The Exec key's quoting: the argument as typed, and as it must appear in the file. Escapes inside quotes are
     * written with their backslash doubled, because the file's string escapes are undone before the quoting is read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /usr/bin/walrus-sync           | /usr/bin/walrus-sync
            /opt/Walrus Sync/bin/app       | "/opt/Walrus Sync/bin/app"
            /home/ann/100%/app             | /home/ann/100%%/app
            /home/ann/a$b/app              | "/home/ann/a\\\\$b/app"
            /home/ann/say "hi"/app         | "/home/ann/say \\\\"hi\\\\"/app"
            /home/ann/back\\slash/app      | "/home/ann/back\\\\\\\\slash/app"
            """)
    void execArgumentsAreQuotedAsTheDesktopEntrySpecificationSays(String arg, String inFile) throws Exception {
        Path entry = dir.resolve("walrus-sync.desktop");
        StartAtLogin.of(Flavour.XDG, entry, List.of(arg), Map.of()).enable();
        assertThat(Files.readAllLines(entry)).contains("Exec=" + inFile);
    }

    @Test
    void onMacOsALaunchAgentRunsTheAppAtLoad() throws Exception {
        Path entry = dir.resolve("Library/LaunchAgents/dev.walrussync.app.plist");
        Map<String, String> env = new LinkedHashMap<>(HOME_ENV);
        StartAtLogin s = StartAtLogin.of(
                Flavour.MACOS, entry, List.of("/Applications/Walrus Sync.app/Contents/MacOS/Walrus Sync"), env);
        s.enable();
        assertThat(s.enabled()).isTrue();
        String text = Files.readString(entry);
        assertThat(text)
                .contains("<key>Label</key>\n  <string>dev.walrussync.app</string>")
                .contains("<key>ProgramArguments</key>\n  <array>\n"
                        + "    <string>/Applications/Walrus Sync.app/Contents/MacOS/Walrus Sync</string>\n"
                        + "  </array>")
                .contains("<key>WALRUS_SYNC_HOME</key>\n    <string>/home/ann/My Backups/walrus</string>")
                .contains("<key>RunAtLoad</key>\n  <true/>");
        s.disable();
        assertThat(entry).doesNotExist();
    }

    @Test
    void onMacOsMarkupInAPathIsEscaped() throws Exception {
        Path entry = dir.resolve("agent.plist");
        StartAtLogin.of(Flavour.MACOS, entry, List.of("/Users/ann/R&D <tools>/Walrus Sync"), Map.of())
                .enable();
        assertThat(Files.readString(entry)).contains("<string>/Users/ann/R&amp;D &lt;tools&gt;/Walrus Sync</string>");
    }

    @Test
    void onWindowsAStartupScriptStartsTheAppWithQuotedPaths() throws Exception {
        Path entry = dir.resolve("Startup/Walrus Sync.cmd");
        StartAtLogin s = StartAtLogin.of(
                Flavour.WINDOWS,
                entry,
                List.of("C:\\Program Files\\Walrus Sync\\Walrus Sync.exe"),
                Map.of("WALRUS_SYNC_HOME", "C:\\Users\\Ann\\100% safe\\Walrus Sync"));
        s.enable();
        assertThat(s.enabled()).isTrue();
        String text = Files.readString(entry);
        assertThat(text)
                .startsWith("@echo off\r\n")
                .contains("\r\nset \"WALRUS_SYNC_HOME=C:\\Users\\Ann\\100%% safe\\Walrus Sync\"\r\n")
                .endsWith("\r\nstart \"\" \"C:\\Program Files\\Walrus Sync\\Walrus Sync.exe\"\r\n");
        s.disable();
        assertThat(entry).doesNotExist();
        assertThat(s.enabled()).isFalse();
    }

    @Test
    void withoutACommandItIsUnavailableAndSaysWhy() throws Exception {
        Path entry = dir.resolve("autostart/walrus-sync.desktop");
        StartAtLogin s = StartAtLogin.of(Flavour.XDG, entry, null, Map.of());
        assertThat(s.available()).isFalse();
        assertThat(s.unavailableReason()).contains("does not know the command that starts it");
        assertThatThrownBy(s::enable).isInstanceOf(SyncException.class).hasMessageContaining("does not know");
        assertThat(entry).doesNotExist();

        StartAtLogin none = StartAtLogin.unavailable("no desktop");
        assertThat(none.available()).isFalse();
        assertThat(none.enabled()).isFalse();
        assertThat(none.entry()).isNull();
    }

    @Test
    void aFileInTheWayIsAClearError() throws Exception {
        Files.writeString(dir.resolve("autostart"), "not a folder");
        StartAtLogin s = StartAtLogin.of(
                Flavour.XDG, dir.resolve("autostart/walrus-sync.desktop"), List.of("/usr/bin/x"), Map.of());
        assertThatThrownBy(s::enable).isInstanceOf(SyncException.class).hasMessageContaining("cannot write");
        assertThat(s.enabled()).isFalse();
    }
}
