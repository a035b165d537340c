package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.BlobInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code blobs}: every blob with its IDs, size, end epoch and the files that depend on it. */
@Command(name = "blobs", description = "List every blob with its IDs, size, end epoch and the files in it.")
final class BlobsCommand implements Callable<Integer> {
    private static final int FILES_SHOWN = 5;

    @ParentCommand
    WalrusSyncCommand root;

    @Option(names = "--all-files", description = "List every file of every blob, not the first " + FILES_SHOWN + ".")
    boolean allFiles;

    @Override
    public Integer call() throws Exception {
        List<BlobInfo> blobs;
        try (RepositorySession session = root.open(false)) {
            blobs = session.blobs();
        }
        if (root.json()) {
            root.console().json(blobs);
            return ExitCode.OK;
        }
        Console c = root.console();
        for (BlobInfo b : blobs) {
            c.println(b.blobId() + "  " + b.kind() + "  " + Format.bytes(b.size())
                    + (b.encodedSize() != null ? " (" + Format.bytes(b.encodedSize()) + " encoded)" : "")
                    + "  end epoch " + (b.endEpoch() != null ? b.endEpoch() : "?")
                    + (b.onChain() ? "" : "  NOT ON CHAIN"));
            c.println("    object " + (b.objectId() != null ? b.objectId() : "?")
                    + (b.costFrost() != null ? ", cost " + Format.wal(b.costFrost()) : ""));
            int shown = allFiles
                    ? b.files().size()
                    : Math.min(FILES_SHOWN, b.files().size());
            for (String f : b.files().subList(0, shown)) {
                c.println("    " + f);
            }
            if (shown < b.files().size()) {
                c.println("    … and " + (b.files().size() - shown) + " more file(s)");
            }
        }
        c.println(blobs.size() + " blob(s)");
        return ExitCode.OK;
    }
}
