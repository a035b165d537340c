package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WalletInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wallet}: the Sui wallet that owns and pays for the repository's blobs. */
@Command(
        name = "wallet",
        description = "Show, replace or fund the Sui wallet that owns and pays for the repository's blobs.",
        subcommands = {
            WalletCommand.Show.class,
            WalletCommand.New.class,
            WalletCommand.Import.class,
            WalletCommand.Faucet.class
        })
final class WalletCommand extends CommandGroup {
    /** Shared by {@code show} and {@code faucet}: prints the address and balances, asking the faucet first if told. */
    static Integer show(WalrusSyncCommand root, boolean faucetFirst) throws SyncException {
        WalletInfo w;
        try (RepositorySession session = root.open(false)) {
            if (faucetFirst) {
                session.requestFaucet();
            }
            w = session.wallet();
        }
        print(root, w);
        return ExitCode.OK;
    }

    private static void print(WalrusSyncCommand root, WalletInfo w) {
        if (root.json()) {
            root.console().json(w);
            return;
        }
        Console c = root.console();
        c.println("Network: " + w.network());
        c.println("Address: " + w.address());
        c.println("WAL:     " + Format.wal(w.walFrost()));
        c.println("SUI:     " + Format.sui(w.suiMist()));
    }

    @Command(name = "show", description = "Show the wallet's address and its WAL and SUI balances.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        WalletCommand parent;

        @Override
        public Integer call() throws Exception {
            return show(parent.root, false);
        }
    }

    /** Shared by {@code new} and {@code import}: replace the wallet, moving the blobs to it. */
    static Integer replace(WalrusSyncCommand root, String key) throws SyncException {
        String address;
        try (RepositorySession session = root.open(true)) {
            address = session.replaceWallet(key);
        }
        if (root.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("address", address);
            root.console().json(out);
        } else {
            root.console().println("The wallet is now " + address + "; the repository's blobs were moved to it.");
        }
        return ExitCode.OK;
    }

    @Command(
            name = "new",
            description = "Create a new wallet and move the repository's blobs to it (paid by the current wallet).")
    static final class New implements Callable<Integer> {
        @ParentCommand
        WalletCommand parent;

        @Override
        public Integer call() throws Exception {
            return replace(parent.root, null);
        }
    }

    @Command(
            name = "import",
            description = "Use an existing Sui key (suiprivkey1...) as the wallet and move the repository's blobs"
                    + " to it (paid by the current wallet).")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        WalletCommand parent;

        @Option(
                names = "--key-file",
                paramLabel = "FILE",
                description = "Read the key from FILE (else WALRUS_SYNC_WALLET_KEY).")
        Path keyFile;

        @Override
        public Integer call() throws Exception {
            String key = keyFile != null
                    ? WalrusSyncCommand.readFirstLine(keyFile)
                    : parent.root.env().get("WALRUS_SYNC_WALLET_KEY");
            if (key == null || key.isBlank()) {
                throw new SyncException("no key: pass --key-file FILE or set WALRUS_SYNC_WALLET_KEY");
            }
            return replace(parent.root, key);
        }
    }

    @Command(name = "faucet", description = "Get SUI and WAL from the network's faucet (local network only).")
    static final class Faucet implements Callable<Integer> {
        @ParentCommand
        WalletCommand parent;

        @Override
        public Integer call() throws Exception {
            return show(parent.root, true);
        }
    }
}
