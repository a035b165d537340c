package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.BlobId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code blob-id FILE}: the Walrus blob ID of a file, computed offline like {@code walrus blob-id}. */
@Command(name = "blob-id", description = "Print the Walrus blob ID of a file, computed offline (RS2, byte-exact).")
final class BlobIdCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Parameters(paramLabel = "FILE", description = "The file.")
    Path file;

    @Option(
            names = "--shards",
            paramLabel = "N",
            description = "Shard count of the network (default: ${DEFAULT-VALUE}, as mainnet and testnet).")
    int shards = 1000;

    @Override
    public Integer call() throws Exception {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new SyncException("cannot read " + file + ": " + e.getMessage(), e);
        }
        BlobId id;
        try {
            id = new BlobEncoder().blobId(data, shards);
        } catch (IllegalArgumentException e) {
            throw new SyncException(e.getMessage(), e);
        }
        if (root.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("blobId", id.toString());
            out.put("file", file.toString());
            out.put("unencodedLength", data.length);
            out.put("nShards", shards);
            root.console().json(out);
        } else {
            root.console().println(id.toString());
        }
        return ExitCode.OK;
    }
}
