package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.RebuildReport;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code recover}: sets up, on a new machine, a repository made on another: from the network and the wallet key
 * (or the store folder), and the recovery phrase or a passphrase.
 */
@Command(
        name = "recover",
        description = {
            "Set up on this machine a repository made on another one, and rebuild its index.",
            "It needs the network (or --store dir:PATH), the wallet key, and the recovery phrase"
                    + " (--recovery-phrase-file) or a passphrase. Nothing is written to the store."
        })
final class RecoverCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Mixin
    StoreOptions where = new StoreOptions();

    @Option(
            names = "--wallet-key-file",
            paramLabel = "FILE",
            description = "The Sui key (suiprivkey1...) of the wallet that owns the repository's blobs (or set"
                    + " WALRUS_SYNC_WALLET_KEY; else it is asked for).")
    Path walletKeyFile;

    @Override
    public Integer call() throws Exception {
        Path home = root.home();
        String spec = where.storeSpec(commandSpec.commandLine());
        WalrusSettings walrus = where.walrusSettings(spec);
        String walletKey = walrus == null ? null : walletKey();
        String phrase = root.recoveryPhrase();
        char[] pass = phrase == null ? root.passphrase("Passphrase of the repository: ") : null;
        Repositories.Recovered recovered;
        try (RebuildSteps steps = new RebuildSteps(root.console(), !root.json())) {
            if (!root.json()) {
                root.console().err().println("Looking for the repository in " + describe(spec, walrus, walletKey));
            }
            recovered = root.engine().recover(home, spec, walrus, walletKey, phrase, pass, steps);
        } finally {
            if (pass != null) {
                Arrays.fill(pass, '\0');
            }
        }
        List<SnapshotInfo> snapshots;
        try (RepositorySession session = recovered.session()) {
            snapshots = session.snapshots();
        }
        RebuildReport r = recovered.report();
        if (root.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("repositoryId", recovered.repositoryId());
            out.put("home", home.toString());
            out.put("store", spec);
            out.put("walletAddress", recovered.walletAddress());
            out.put("complete", r.complete());
            out.put("index", r);
            out.put("snapshots", snapshots);
            root.console().json(out);
            return r.complete() ? ExitCode.OK : ExitCode.PARTIAL;
        }
        Console c = root.console();
        c.println("Recovered repository " + recovered.repositoryId().substring(0, 8) + " into " + home);
        c.println(String.format(
                "Index: %d pack(s) (%d from index records, %d read), %d chunk(s), %d snapshot(s)",
                r.packs(), r.packsFromRecords(), r.headersRead(), r.chunks(), r.snapshots()));
        c.println("");
        if (snapshots.isEmpty()) {
            c.println("The repository has no snapshots yet.");
        } else {
            SnapshotsCommand.printTable(c, snapshots);
        }
        if (!r.complete()) {
            c.println("");
            c.println("Not recoverable:");
            for (RebuildReport.UnreadableBlob b : r.unreadableBlobs()) {
                c.println("  blob " + b.blobId() + (b.objectId().isEmpty() ? "" : " (object " + b.objectId() + ")")
                        + ": " + b.reason() + "; it held " + b.what());
            }
            for (RebuildReport.LostData l : r.lost()) {
                c.println("  snapshot " + l.snapshot() + ": " + l.path()
                        + (l.kind() == RebuildReport.LostData.Kind.FOLDER ? " (the whole folder)" : ""));
            }
            c.println("Everything else restores. A backup from the machine that still has these files stores"
                    + " them again.");
        }
        c.println("");
        c.println("Restore with 'walrus-sync restore SNAPSHOT --target DIR'; 'walrus-sync backup' and 'watch' carry on"
                + " backing up into the same repository from this machine.");
        return r.complete() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private String walletKey() throws SyncException {
        String key = walletKeyFile != null
                ? WalrusSyncCommand.readFirstLine(walletKeyFile)
                : root.env().get("WALRUS_SYNC_WALLET_KEY");
        if (key == null) {
            char[] typed = root.console().readSecret("Wallet key (suiprivkey1...): ");
            if (typed == null || typed.length == 0) {
                throw new SyncException("no wallet key: pass --wallet-key-file FILE, set WALRUS_SYNC_WALLET_KEY, or"
                        + " run in a terminal. The repository is found through the blobs its wallet owns.");
            }
            key = new String(typed);
        }
        return key;
    }

    private static String describe(String spec, WalrusSettings walrus, String walletKey) throws SyncException {
        if (walrus == null) {
            return spec.substring(spec.indexOf(':') + 1);
        }
        return "the blobs of wallet " + Repositories.walletAddressOf(walletKey) + " on Walrus network '"
                + walrus.network() + "'";
    }
}
