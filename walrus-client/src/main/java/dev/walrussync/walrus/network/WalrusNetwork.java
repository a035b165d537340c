package dev.walrussync.walrus.network;

import dev.walrussync.walrus.sui.SuiAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a Walrus network is and what its on-chain IDs are. The presets for testnet and mainnet are in
 * {@link WalrusNetworks}; the local network and custom setups build their own.
 *
 * @param name {@code local}, {@code testnet}, {@code mainnet} or a custom name
 * @param publishers publisher base URLs, tried in order (may be empty: then the network is read-only)
 * @param aggregators aggregator base URLs, failed over in order
 * @param graphql the Sui GraphQL endpoint ({@code …/graphql})
 * @param faucet the faucet base URL, only on the local network
 * @param walrusOriginalPackage the first Walrus package, which names the types ({@code <pkg>::blob::Blob})
 * @param walCoinType the WAL coin type, for example {@code 0x356a…::wal::WAL}
 * @param systemObject the shared Walrus {@code System} object
 * @param stakingObject the shared Walrus {@code Staking} object, where real networks keep the committee
 * @param publisherJwt a bearer token for an authenticated publisher, if any
 * @param maxBlobSize the largest blob the publisher accepts, in bytes (10 MiB on public publishers)
 */
public record WalrusNetwork(
        String name,
        List<URI> publishers,
        List<URI> aggregators,
        URI graphql,
        @Nullable URI faucet,
        SuiAddress walrusOriginalPackage,
        String walCoinType,
        SuiAddress systemObject,
        @Nullable SuiAddress stakingObject,
        @Nullable String publisherJwt,
        long maxBlobSize) {
    public WalrusNetwork {
        Objects.requireNonNull(name, "name");
        publishers = List.copyOf(publishers);
        aggregators = List.copyOf(aggregators);
        if (aggregators.isEmpty()) {
            throw new IllegalArgumentException("a Walrus network needs at least one aggregator");
        }
        Objects.requireNonNull(graphql, "graphql");
        Objects.requireNonNull(walrusOriginalPackage, "walrusOriginalPackage");
        Objects.requireNonNull(walCoinType, "walCoinType");
        Objects.requireNonNull(systemObject, "systemObject");
        if (maxBlobSize <= 0) {
            throw new IllegalArgumentException("maxBlobSize must be positive, got " + maxBlobSize);
        }
    }

    /** The Move type of Walrus {@code Blob} objects on this network. */
    public String blobType() {
        return walrusOriginalPackage + "::blob::Blob";
    }
}
