package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.SyncException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code key list|add|remove|passwd}: manages the key slots that unlock the repository. */
@Command(
        name = "key",
        description = "Manage the key slots that unlock the repository.",
        subcommands = {KeyCommand.ListKeys.class, KeyCommand.Add.class, KeyCommand.Remove.class, KeyCommand.Passwd.class
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
