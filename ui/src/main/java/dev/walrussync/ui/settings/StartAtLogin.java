package dev.walrussync.ui.settings;

import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Starts the app when the user logs in, the way each desktop expects, as one file the user can also find and delete:
 *
 * <ul>
 *   <li>Linux and the BSDs: an XDG autostart entry, {@code $XDG_CONFIG_HOME/autostart/walrus-sync.desktop} (else
 *       {@code ~/.config/autostart});
 *   <li>macOS: a launch agent that runs at load, {@code ~/Library/LaunchAgents/dev.walrussync.app.plist};
 *   <li>Windows: {@code Walrus Sync.cmd} in the Startup folder, {@code %APPDATA%\Microsoft\Windows\Start
 *       Menu\Programs\Startup}.
 * </ul>
 *
 * <p>Whether the file exists is the truth: {@link #enabled()} reads the disk every time. The entry needs the command
 * that launches the app (the installed launcher, or the {@code walrus-sync} script); without one the feature is
 * {@linkplain #available() unavailable} and {@link #unavailableReason()} says why. Every method does plain file I/O:
 * call it off the FX thread. Thread-safe as the file system is.
 */
public final class StartAtLogin {
    /** The XDG entry's file name. */
    static final String DESKTOP_FILE = "walrus-sync.desktop";
    /** The launch agent's label, which is also its file name without {@code .plist}. */
    static final String AGENT_LABEL = "dev.walrussync.app";
    /** The Windows Startup script's file name. */
    static final String WINDOWS_FILE = "Walrus Sync.cmd";

    static final String NO_COMMAND = "Walrus Sync was not started from an installed app or from the walrus-sync"
            + " launcher, so it does not know the command that starts it.";

    /** How a desktop starts programs at login. */
    public enum Flavour {
        /** Linux, the BSDs and other freedesktop.org desktops. */
        XDG,
        MACOS,
        WINDOWS
    }

    private final @Nullable Flavour flavour;
    private final @Nullable Path entry;
    private final List<String> command;
    private final Map<String, String> environment;
    private final String unavailableReason;

    private StartAtLogin(
            @Nullable Flavour flavour,
            @Nullable Path entry,
            List<String> command,
            Map<String, String> environment,
            String unavailableReason) {
        this.flavour = flavour;
        this.entry = entry;
        this.command = List.copyOf(command);
        this.environment = new LinkedHashMap<>(environment);
        this.unavailableReason = unavailableReason;
    }

    /**
     * Start at login on this system.
     *
     * @param osName the {@code os.name} system property
     * @param env the process's environment ({@code XDG_CONFIG_HOME}, {@code APPDATA})
     * @param userHome the user's home folder
     * @param command the program and arguments that start the app, or null if unknown
     * @param environment variables the started app needs (for example its app home); may be empty
     */
    public static StartAtLogin forSystem(
            String osName,
            Map<String, String> env,
            Path userHome,
            @Nullable List<String> command,
            Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        Flavour flavour = os.contains("mac") ? Flavour.MACOS : os.contains("win") ? Flavour.WINDOWS : Flavour.XDG;
        return of(flavour, entryFor(flavour, env, userHome), command, environment);
    }

    /** The entry's path for {@code flavour}: where that desktop looks for programs to start at login. */
    static Path entryFor(Flavour flavour, Map<String, String> env, Path userHome) {
        return switch (flavour) {
            case XDG -> {
                String config = env.get("XDG_CONFIG_HOME");
                Path base =
                        config != null && !config.isBlank() && Path.of(config).isAbsolute()
                                ? Path.of(config)
                                : userHome.resolve(".config");
                yield base.resolve("autostart").resolve(DESKTOP_FILE);
            }
            case MACOS -> userHome.resolve("Library").resolve("LaunchAgents").resolve(AGENT_LABEL + ".plist");
            case WINDOWS -> {
                String appData = env.get("APPDATA");
                Path base = appData != null && !appData.isBlank()
                        ? Path.of(appData)
                        : userHome.resolve("AppData").resolve("Roaming");
                yield base.resolve("Microsoft")
                        .resolve("Windows")
                        .resolve("Start Menu")
                        .resolve("Programs")
                        .resolve("Startup")
                        .resolve(WINDOWS_FILE);
            }
        };
    }

    /**
     * Start at login with the entry at {@code entry}; for tests, on a temporary folder.
     *
     * @param command the program and arguments that start the app, or null if unknown
     */
    public static StartAtLogin of(
            Flavour flavour, Path entry, @Nullable List<String> command, Map<String, String> environment) {
        if (command == null || command.isEmpty()) {
            return new StartAtLogin(flavour, entry, List.of(), Map.of(), NO_COMMAND);
        }
        return new StartAtLogin(flavour, entry, command, environment, "");
    }

    /** Start at login that cannot be offered, for {@code reason}. */
    public static StartAtLogin unavailable(String reason) {
        return new StartAtLogin(null, null, List.of(), Map.of(), reason);
    }

    /** Whether the entry can be written: the command that starts the app is known. */
    public boolean available() {
        return unavailableReason.isEmpty();
    }

    /** Why start at login cannot be offered, or empty if it can. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** The file that starts the app at login, or null if there is none for this system. */
    public @Nullable Path entry() {
        return entry;
    }

    /** Whether the app starts at login: whether the entry exists on disk now. */
    public boolean enabled() {
        return entry != null && Files.exists(entry);
    }

    /**
     * Writes the entry (again), so the app starts at the next login.
     *
     * @throws SyncException if start at login is unavailable, or the file cannot be written
     */
    public void enable() throws SyncException {
        Path file = entry;
        if (!available() || file == null) {
            throw new SyncException(unavailableReason);
        }
        String text;
        try {
            text = content();
        } catch (IllegalArgumentException e) {
            throw new SyncException("cannot start Walrus Sync at login: " + e.getMessage(), e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the entry, so the app no longer starts at login; nothing happens if there is none.
     *
     * @throws SyncException if the file cannot be deleted
     */
    public void disable() throws SyncException {
        if (entry == null) {
            return;
        }
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw new SyncException("cannot delete " + entry + ": " + e.getMessage(), e);
        }
    }

    /** The entry's text for this flavour. */
    String content() {
        if (flavour == null) {
            throw new IllegalStateException(unavailableReason);
        }
        return switch (flavour) {
            case XDG -> desktopEntry(command, environment);
            case MACOS -> launchAgent(command, environment);
            case WINDOWS -> windowsScript(command, environment);
        };
    }

    // ---- XDG ----

    static String desktopEntry(List<String> command, Map<String, String> environment) {
        List<String> argv = new ArrayList<>();
        if (!environment.isEmpty()) {
            argv.add("env");
            environment.forEach((k, v) -> argv.add(k + "=" + v));
        }
        argv.addAll(command);
        StringBuilder exec = new StringBuilder();
        for (String arg : argv) {
            if (!exec.isEmpty()) {
                exec.append(' ');
            }
            exec.append(execArgument(arg));
        }
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=Walrus Sync\n"
                + "Comment=Encrypted backups on Walrus\n"
                + "Exec=" + desktopString(exec.toString()) + "\n"
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    /**
     * One argument of an {@code Exec} key: quoted if it holds a reserved character, with {@code "}, {@code `},
     * {@code $} and {@code \} escaped inside the quotes, and {@code %} doubled (Desktop Entry Specification, "The Exec
     * key").
     */
    static String execArgument(String arg) {
        if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a command cannot hold a line break: " + arg);
        }
        String a = arg.replace("%", "%%");
        boolean reserved = a.isEmpty() || a.chars().anyMatch(c -> " \t\"'\\><~|&;$*?#()`".indexOf(c) >= 0);
        if (!reserved) {
            return a;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : a.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                q.append('\\');
            }
            q.append(c);
        }
        return q.append('"').toString();
    }

    /** A value of the desktop entry's string type: backslashes escaped once more. */
    private static String desktopString(String value) {
        return value.replace("\\", "\\\\");
    }

    // ---- macOS ----

    static String launchAgent(List<String> command, Map<String, String> environment) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"")
                .append(" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
                .append("<plist version=\"1.0\">\n")
                .append("<dict>\n")
                .append("  <key>Label</key>\n")
                .append("  <string>")
                .append(AGENT_LABEL)
                .append("</string>\n")
                .append("  <key>ProgramArguments</key>\n")
                .append("  <array>\n");
        for (String arg : command) {
            b.append("    <string>").append(xml(arg)).append("</string>\n");
        }
        b.append("  </array>\n");
        if (!environment.isEmpty()) {
            b.append("  <key>EnvironmentVariables</key>\n").append("  <dict>\n");
            environment.forEach((k, v) -> b.append("    <key>")
                    .append(xml(k))
                    .append("</key>\n")
                    .append("    <string>")
                    .append(xml(v))
                    .append("</string>\n"));
            b.append("  </dict>\n");
        }
        b.append("  <key>RunAtLoad</key>\n")
                .append("  <true/>\n")
                .append("  <key>ProcessType</key>\n")
                .append("  <string>Interactive</string>\n")
                .append("</dict>\n")
                .append("</plist>\n");
        return b.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- Windows ----

    static String windowsScript(List<String> command, Map<String, String> environment) {
        StringBuilder b = new StringBuilder();
        b.append("@echo off\r\n")
                .append("rem Starts Walrus Sync when you log in. Turn it off in Walrus Sync's Settings.\r\n");
        environment.forEach((k, v) ->
                b.append("set \"").append(batch(k)).append('=').append(batch(v)).append("\"\r\n"));
        b.append("start \"\"");
        for (String arg : command) {
            b.append(" \"").append(batch(arg)).append('"');
        }
        return b.append("\r\n").toString();
    }

    /** Text inside double quotes in a batch file: {@code %} doubled; a double quote cannot be in a Windows path. */
    private static String batch(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a Windows command cannot hold a double quote or a line break: " + s);
        }
        return s.replace("%", "%%");
    }
}
