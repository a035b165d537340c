package dev.walrussync.app.walrus;

import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.repo.RepositoryConfig;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.chain.WalrusChain;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.sui.SuiAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a closed repository's SQLite index says (its packs, chunks and blob rows) and what the chain says
 * of its wallet's blob objects, read the way the product reads them, for tests to compare.
 */
record RepositoryState(
        String keyBlob, List<IndexDatabase.PackRow> packs, List<IndexDatabase.BlobRow> blobs, long distinctChunks) {

    /** Reads the index in {@code home}; the repository must not be open. */
    static RepositoryState read(Path home) throws Exception {
        String keyBlob = RepositoryConfig.load(home).keyBlob();
        try (IndexDatabase index = IndexDatabase.open(home.resolve("index.db"), Clock.systemUTC())) {
            return new RepositoryState(
                    keyBlob, index.packs(), index.blobs(), index.totals().chunks());
        }
    }

    Set<String> packBlobIds() {
        return packs.stream().map(p -> p.blobId().value()).collect(Collectors.toSet());
    }

    /** Chunks counted pack by pack, as each pack's header lists them: more than distinct if one is stored twice. */
    long chunksInPacks() {
        return packs.stream().mapToLong(IndexDatabase.PackRow::chunkCount).sum();
    }

    /** Every blob object the wallet owns on chain, as the Walrus client reads them over GraphQL. */
    static List<OwnedBlob> walletBlobs(WalrusNetwork network, String wallet) throws Exception {
        return new WalrusChain(network, RetryPolicy.NONE).ownedBlobs(SuiAddress.parse(wallet));
    }
}
