package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code init}: creates an encrypted repository and shows its recovery phrase. */
@Command(name = "init", description = "Create an encrypted repository and show its recovery phrase.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @picocli.CommandLine.Mixin
    StoreOptions where = new StoreOptions();

    @Option(
            names = "--wallet-key-file",
            paramLabel = "FILE",
            description = "Use the Sui key (suiprivkey1...) in FILE as the wallet instead of creating one"
                    + " (or set WALRUS_SYNC_WALLET_KEY).")
    Path walletKeyFile;

    @Option(
            names = "--pack-size",
            paramLabel = "SIZE",
            description = "Target pack size, e.g. 64MiB (default: the store's).")
    String packSize;

    @Override
    public Integer call() throws Exception {
        Path home = root.home();
        String spec = where.storeSpec(commandSpec.commandLine());
        WalrusSettings walrus = where.walrusSettings(spec);
        String walletKey = walletKeyFile != null
                ? WalrusSyncCommand.readFirstLine(walletKeyFile)
                : root.env().get("WALRUS_SYNC_WALLET_KEY");
        long size;
        try {
            size = packSize == null ? 0 : Format.parseBytes(packSize);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    commandSpec.commandLine(), "--pack-size: " + e.getMessage(), e);
        }
        char[] pass = root.newPassphraseForInit();
        Repositories.Created created;
        try {
            created = root.engine().init(home, spec, pass, size, walrus, walletKey);
        } finally {
            Arrays.fill(pass, '\0');
        }
        if (root.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("repositoryId", created.repositoryId());
            out.put("home", home.toString());
            out.put("store", created.store());
            if (walrus != null) {
                out.put("network", walrus.network());
                out.put("epochs", walrus.epochs());
                out.put("walletAddress", created.walletAddress());
            }
            out.put("recoveryPhrase", String.join(" ", created.recoveryWords()));
            root.console().json(out);
            return ExitCode.OK;
        }
        Console c = root.console();
        c.println("Created repository " + created.repositoryId().substring(0, 8) + " in " + home);
        c.println("Store: " + created.store());
        if (walrus != null) {
            c.println("Wallet: "
                    + created.walletAddress()
                    + " (its key is sealed under the repository's keys in " + home.resolve("wallet.json") + ")");
            c.println("New blobs are paid " + walrus.epochs() + " epochs ahead.");
        }
        c.println("");
        c.println("Recovery phrase (write it down and keep it safe; 'walrus-sync key phrase' shows it again):");
        c.println("");
        for (String line : KeyCommand.numberedWords(created.recoveryWords())) {
            c.println(line);
        }
        c.println("");
        c.println("With the recovery phrase you can open the repository if you forget the passphrase.");
        return ExitCode.OK;
    }
}
