package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code key list|add|remove|passwd|phrase|kit}: manages the key slots that unlock the repository, shows or
 * replaces the recovery phrase, and writes the printable recovery kit.
 */
@Command(
        name = "key",
        description = "Manage the key slots that unlock the repository, the recovery phrase and the recovery kit.",
        subcommands = {
            KeyCommand.ListKeys.class,
            KeyCommand.Add.class,
            KeyCommand.Remove.class,
            KeyCommand.Passwd.class,
            KeyCommand.Phrase.class,
            KeyCommand.Kit.class
        })
final class KeyCommand extends CommandGroup {
    @Command(name = "list", description = "List the key slots.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;

        @Override
        public Integer call() throws Exception {
            List<KeySlotInfo> slots;
            try (RepositorySession session = key.root.open(false)) {
                slots = session.keySlots();
            }
            if (key.root.json()) {
                key.root.console().json(slots);
            } else {
                for (KeySlotInfo s : slots) {
                    key.root
                            .console()
                            .println(String.format(
                                    "%s %-8s  %-16s  %s", s.current() ? "*" : " ", s.id(), s.kind(), s.created()));
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add a passphrase that also unlocks the repository.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new passphrase from FILE.")
        Path file;

        @Override
        public Integer call() throws Exception {
            String id = withNewPassphrase(key, file, RepositorySession::addPassphrase);
            report(key.root, Map.of("added", id), "Added key slot " + id);
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Remove a key slot (never the last one).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;

        @Parameters(paramLabel = "ID", description = "The slot ID, as 'key list' shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (RepositorySession session = key.root.open(true)) {
                session.removeKeySlot(id);
            }
            report(key.root, Map.of("removed", id), "Removed key slot " + id);
            return ExitCode.OK;
        }
    }

    @Command(name = "passwd", description = "Change the passphrase you unlocked with.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new passphrase from FILE.")
        Path file;

        @Override
        public Integer call() throws Exception {
            String id = withNewPassphrase(key, file, RepositorySession::changePassphrase);
            report(key.root, Map.of("slot", id), "Changed the passphrase (new key slot " + id + ")");
            return ExitCode.OK;
        }
    }

    @Command(
            name = "phrase",
            description = "Show the 24-word recovery phrase again, or make a new one with --new (the old one then no"
                    + " longer opens the repository).")
    static final class Phrase implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;

        @Option(
                names = "--new",
                description = "Make a new recovery phrase; the old one no longer opens the repository.")
        boolean makeNew;

        @Override
        public Integer call() throws Exception {
            List<String> words;
            try (RepositorySession session = key.root.open(makeNew)) {
                words = makeNew ? session.newRecoveryPhrase() : session.recoveryPhrase();
            }
            WalrusSyncCommand root = key.root;
            if (root.json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("recoveryPhrase", String.join(" ", words));
                out.put("new", makeNew);
                root.console().json(out);
                return ExitCode.OK;
            }
            Console c = root.console();
            c.println(makeNew ? "New recovery phrase (write it down and keep it safe):" : "Recovery phrase:");
            c.println("");
            for (String line : numberedWords(words)) {
                c.println(line);
            }
            c.println("");
            if (makeNew) {
                c.println("The old recovery phrase no longer opens the repository; this one does, as does your"
                        + " passphrase.");
                c.println("Print a new recovery kit too: walrus-sync key kit --output FILE");
            } else {
                c.println("Anyone with these words can open the repository and read your backups.");
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "kit",
            description = "Write the printable recovery kit: an HTML page with the recovery phrase, the network, the"
                    + " wallet and its key, and how to recover on a new machine.")
    static final class Kit implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;

        @Option(
                names = "--output",
                required = true,
                paramLabel = "FILE",
                description = "Write the page to FILE (an .html file); an existing file is never overwritten.")
        Path output;

        @Option(
                names = "--without-wallet-key",
                description = "Leave the wallet's private key off the sheet (it then says where to find it).")
        boolean withoutWalletKey;

        @Override
        public Integer call() throws Exception {
            Path file = output.toAbsolutePath();
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new SyncException(file + " already exists; give another --output, or remove it first");
            }
            String html;
            boolean withKey;
            try (RepositorySession session = key.root.open(false)) {
                withKey = !withoutWalletKey && session.onWalrus();
                html = session.recoveryKit(withKey);
            }
            writeNew(file, html);
            WalrusSyncCommand root = key.root;
            if (root.json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("output", file.toString());
                out.put("walletKey", withKey);
                root.console().json(out);
                return ExitCode.OK;
            }
            Console c = root.console();
            c.println("Wrote the recovery kit" + (withKey ? " (with the wallet key)" : "") + " to " + file);
            c.println("Open it in a browser and print it, then delete the file: anyone with the sheet can read your"
                    + " backups.");
            return ExitCode.OK;
        }

        /** Creates {@code file}, readable by its owner only where the file system allows, and writes the page. */
        private static void writeNew(Path file, String html) throws SyncException {
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                throw new SyncException(file + " already exists; give another --output, or remove it first", e);
            } catch (IOException e) {
                throw new SyncException("cannot create " + file + ": " + e.getMessage(), e);
            }
            try {
                Files.writeString(file, html, StandardCharsets.UTF_8);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // The write error below is what the user needs to hear about.
                }
                throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The words six to a line, numbered, as {@code init} prints them. */
    static List<String> numberedWords(List<String> words) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 6) {
            StringBuilder line = new StringBuilder("  ");
            for (int j = i; j < Math.min(i + 6, words.size()); j++) {
                line.append(String.format("%2d. %-10s", j + 1, words.get(j)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A key-slot change that takes the new passphrase and returns the new slot's ID. */
    @FunctionalInterface
    private interface SlotChange {
        String apply(RepositorySession session, char[] passphrase) throws SyncException;
    }

    /** Opens the repository, asks for the new passphrase, applies the change, and wipes the passphrase. */
    private static String withNewPassphrase(KeyCommand key, Path file, SlotChange change) throws SyncException {
        try (RepositorySession session = key.root.open(true)) {
            char[] pass = key.root.newPassphrase(file, "WALRUS_SYNC_NEW_PASSWORD");
            try {
                return change.apply(session, pass);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
    }

    private static void report(WalrusSyncCommand root, Map<String, String> json, String text) {
        if (root.json()) {
            root.console().json(json);
        } else {
            root.console().println(text);
        }
    }
}
