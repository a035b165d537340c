package dev.walrussync.app.cli;

import dev.walrussync.app.AppHome;
import dev.walrussync.app.ExitCode;
import dev.walrussync.app.daemon.DaemonClient;
import dev.walrussync.app.daemon.DaemonReply;
import dev.walrussync.app.daemon.DaemonRequest;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code walrus-sync} command: global options, and the subcommands. */
@Command(
        name = "walrus-sync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Encrypted, deduplicated backups of your folders.",
        subcommands = {
            InitCommand.class,
            RecoverCommand.class,
            BackupCommand.class,
            SnapshotsCommand.class,
            LsCommand.class,
            RestoreCommand.class,
            CheckCommand.class,
            ForgetCommand.class,
            PruneCommand.class,
            StatsCommand.class,
            KeyCommand.class,
            RepairCommand.class,
            LocalnetCommand.class,
            BenchCommand.class,
            RenewalBenchCommand.class,
            WatchBenchCommand.class,
            RecoverBenchCommand.class,
            UiBenchCommand.class,
            BlobIdCommand.class,
            WalletCommand.class,
            StatusCommand.class,
            BlobsCommand.class,
            HealthCommand.class,
            RenewCommand.class,
            PolicyCommand.class,
            WatchCommand.class,
            FoldersCommand.class,
            SyncPolicyCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "The passphrase comes from WALRUS_SYNC_PASSWORD, --password-file, or a prompt.",
            "Exit codes: 0 ok, 1 failed, 2 wrong usage, 3 partial (some files were skipped)."
        })
public final class WalrusSyncCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--home",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "App home (default: WALRUS_SYNC_HOME, else the per-OS data folder).")
    String home;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON.")
    boolean json;

    @Option(
            names = "--password-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE.")
    Path passwordFile;

    @Option(
            names = "--recovery-phrase-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Unlock with the 24-word recovery phrase in FILE instead of the passphrase.")
    Path recoveryPhraseFile;

    private final Console console;
    private final Map<String, String> env;
    private final Repositories engine;

    public WalrusSyncCommand(Console console, Map<String, String> env, Repositories engine) {
        this.console = console;
        this.env = env;
        this.engine = engine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(console.out());
    }

    Console console() {
        return console;
    }

    boolean json() {
        return json;
    }

    Repositories engine() {
        return engine;
    }

    Map<String, String> env() {
        return env;
    }

    Path home() {
        return AppHome.resolve(home, env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** Opens the repository in the app home, unlocking it with the recovery phrase or the passphrase. */
    RepositorySession open(boolean exclusive) throws SyncException {
        Path h = home();
        if (!Repositories.exists(h)) {
            throw new SyncException("no repository in " + h + ": run 'walrus-sync init' first (or pass --home)");
        }
        Optional<DaemonReply> daemon = DaemonClient.send(h, DaemonRequest.of("status"));
        if (daemon.isPresent()) {
            throw new SyncException("the watch daemon (process " + daemon.get().pid() + ") is using " + h
                    + ": 'walrus-sync status' shows what it does; stop it with 'walrus-sync watch stop' to run this");
        }
        if (recoveryPhraseFile != null) {
            return engine.openWithRecoveryPhrase(h, readFirstLines(recoveryPhraseFile), exclusive);
        }
        char[] pass = passphrase("Passphrase: ");
        try {
            return engine.openWithPassphrase(h, pass, exclusive);
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    /**
     * The recovery phrase, for commands that take it or a passphrase: from {@code --recovery-phrase-file}, else typed
     * (an empty answer means the passphrase is used); null when there is none, or a passphrase is given otherwise.
     */
    String recoveryPhrase() throws SyncException {
        if (recoveryPhraseFile != null) {
            return readFirstLines(recoveryPhraseFile);
        }
        if (passwordFile != null || env.get("WALRUS_SYNC_PASSWORD") != null) {
            return null;
        }
        char[] typed = console.readSecret("Recovery phrase (the 24 words; leave empty to use a passphrase): ");
        if (typed == null || new String(typed).isBlank()) {
            return null;
        }
        return new String(typed);
    }

    /** The passphrase from the environment, the password file, or a prompt. */
    char[] passphrase(String prompt) throws SyncException {
        String fromEnv = env.get("WALRUS_SYNC_PASSWORD");
        if (passwordFile != null) {
            return readFirstLine(passwordFile).toCharArray();
        }
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        char[] typed = console.readSecret(prompt);
        if (typed == null) {
            throw new SyncException(
                    "no passphrase: set WALRUS_SYNC_PASSWORD, pass --password-file, or run in a terminal");
        }
        return typed;
    }

    /**
     * A new passphrase: from {@code WALRUS_SYNC_NEW_PASSWORD}, the given file, or typed twice.
     *
     * @param file a file holding it, or null
     */
    char[] newPassphrase(Path file, String envName) throws SyncException {
        if (file != null) {
            return readFirstLine(file).toCharArray();
        }
        String fromEnv = env.get(envName);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        char[] first = console.readSecret("New passphrase: ");
        if (first == null) {
            throw new SyncException("no new passphrase: set " + envName + ", pass a file, or run in a terminal");
        }
        char[] second = console.readSecret("Repeat it: ");
        if (second == null || !Arrays.equals(first, second)) {
            throw new SyncException("the two passphrases differ; nothing was changed");
        }
        Arrays.fill(second, '\0');
        return first;
    }

    /** The passphrase for a new repository: environment, file, or typed twice. */
    char[] newPassphraseForInit() throws SyncException {
        if (passwordFile != null || env.get("WALRUS_SYNC_PASSWORD") != null) {
            return passphrase("");
        }
        return newPassphrase(null, "WALRUS_SYNC_PASSWORD");
    }

    static String readFirstLine(Path file) throws SyncException {
        String text = readFirstLines(file);
        int nl = text.indexOf('\n');
        return (nl >= 0 ? text.substring(0, nl) : text).stripTrailing();
    }

    private static String readFirstLines(Path file) throws SyncException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new SyncException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Builds the command line with the error handling and exit codes every subcommand shares. */
    public static CommandLine commandLine(Console console, Map<String, String> env, Repositories engine) {
        CommandLine cli = new CommandLine(new WalrusSyncCommand(console, env, engine));
        cli.setOut(new java.io.PrintWriter(console.out(), true));
        cli.setErr(new java.io.PrintWriter(console.err(), true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SyncException || e instanceof IllegalArgumentException) {
                console.err().println("error: " + e.getMessage());
                return ExitCode.FAILED;
            }
            console.err().println("error: unexpected failure: " + e);
            e.printStackTrace(console.err());
            return ExitCode.FAILED;
        });
        return cli;
    }
}
