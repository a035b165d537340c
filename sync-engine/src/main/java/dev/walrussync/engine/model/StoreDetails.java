package dev.walrussync.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a repository is stored, as its settings say: read without touching the network, for showing to the user.
 *
 * @param kind {@code walrus} or {@code dir}
 * @param location the folder of a directory store, or the Walrus network's name
 * @param network the Walrus network's name ({@code local}, {@code testnet}, {@code mainnet} or a custom name), or
 *     null if the repository is not on Walrus
 * @param publishers the publishers' base URLs, tried in order; empty off Walrus
 * @param aggregators the aggregators' base URLs; empty off Walrus
 * @param graphql the Sui GraphQL URL, or null off Walrus
 * @param walletAddress the Sui address that owns the repository's blobs, or null off Walrus
 * @param epochsAhead how many epochs each new blob is paid for; 0 off Walrus
 */
public record StoreDetails(
        String kind,
        String location,
        @Nullable String network,
        List<String> publishers,
        List<String> aggregators,
        @Nullable String graphql,
        @Nullable String walletAddress,
        int epochsAhead) {
    public StoreDetails {
        publishers = List.copyOf(publishers);
        aggregators = List.copyOf(aggregators);
    }

    /** Whether the repository is on Walrus. */
    public boolean onWalrus() {
        return network != null;
    }
}
