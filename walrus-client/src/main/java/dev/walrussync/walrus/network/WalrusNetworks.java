package dev.walrussync.walrus.network;

import dev.walrussync.walrus.sui.SuiAddress;
import java.net.URI;
import java.util.List;

/**
 * The public Walrus networks, with the IDs of protocol.md §4.9 (testnet's change when it is
 * redeployed; a config file may override any of them).
 *
 * <table>
 *   <caption>Where each preset value comes from</caption>
 *   <tr><th>value</th><th>mainnet</th><th>testnet</th><th>source</th></tr>
 *   <tr><td>WAL coin type</td><td>{@code 0x356a26eb…4f59::wal::WAL}</td><td>{@code 0x8270feb7…810a::wal::WAL}</td>
 *       <td>MystenLabs/walrus {@code mainnet-contracts/wal/Published.toml}, {@code testnet-contracts/wal/Published.toml}</td></tr>
 *   <tr><td>Walrus original package (type prefix)</td><td>{@code 0xfdc88f7d…ea77}</td><td>{@code 0xd84704c1…0c66}</td>
 *       <td>{@code mainnet-contracts/walrus/Published.toml} ({@code original-id}), testnet likewise</td></tr>
 *   <tr><td>System object</td><td>{@code 0x2134d527…3ddd2}</td><td>{@code 0x6c2547cb…f6af}</td>
 *       <td>MystenLabs/walrus {@code setup/client_config_mainnet.yaml}, {@code client_config_testnet.yaml}</td></tr>
 *   <tr><td>Staking object</td><td>{@code 0x10b9d30c…3904}</td><td>{@code 0xbe461803…9ee3}</td>
 *       <td>the same client configs</td></tr>
 *   <tr><td>aggregator</td><td>{@code https://aggregator.walrus-mainnet.walrus.space}</td>
 *       <td>{@code https://aggregator.walrus-testnet.walrus.space}</td>
 *       <td>Walrus docs {@code network-reference.mdx}</td></tr>
 *   <tr><td>publisher</td><td>none (Mysten runs no public mainnet publisher)</td>
 *       <td>{@code https://publisher.walrus-testnet.walrus.space}</td><td>the same page</td></tr>
 *   <tr><td>Sui GraphQL</td><td>{@code https://graphql.mainnet.sui.io/graphql}</td>
 *       <td>{@code https://graphql.testnet.sui.io/graphql}</td>
 *       <td>docs.sui.io {@code query-with-graphql} (public, rate-limited services)</td></tr>
 *   <tr><td>max blob size</td><td>10 MiB</td><td>10 MiB</td>
 *       <td>the publisher's default {@code --max-body-size} (10,240 KiB), kept by most public publishers (protocol.md §1)</td></tr>
 * </table>
 *
 * <p>The Move-call package is not a preset: it is read at run time from {@code System.package_id}, which moves on
 * every Walrus upgrade.
 */
public final class WalrusNetworks {
    /** 10 MiB, the largest blob the public publishers accept. */
    public static final long PUBLIC_MAX_BLOB_SIZE = 10L * 1024 * 1024;

    private WalrusNetworks() {}

    /** Walrus mainnet; read-only through Mysten's services, since there is no public mainnet publisher. */
    public static WalrusNetwork mainnet() {
        return new WalrusNetwork(
                "mainnet",
                List.of(),
                List.of(URI.create("https://aggregator.walrus-mainnet.walrus.space")),
                URI.create("https://graphql.mainnet.sui.io/graphql"),
                null,
                SuiAddress.parse("0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77"),
                "0x356a26eb9e012a68958082340d4c4116e7f55615cf27affcff209cf0ae544f59::wal::WAL",
                SuiAddress.parse("0x2134d52768ea07e8c43570ef975eb3e4c27a39fa6396bef985b5abc58d03ddd2"),
                SuiAddress.parse("0x10b9d30c28448939ce6c4d6c6e0ffce4a7f8a4ada8248bdad09ef8b70e4a3904"),
                null,
                PUBLIC_MAX_BLOB_SIZE);
    }

    /** Walrus testnet (a snapshot of its IDs: they change when testnet is redeployed). */
    public static WalrusNetwork testnet() {
        return new WalrusNetwork(
                "testnet",
                List.of(URI.create("https://publisher.walrus-testnet.walrus.space")),
                List.of(URI.create("https://aggregator.walrus-testnet.walrus.space")),
                URI.create("https://graphql.testnet.sui.io/graphql"),
                null,
                SuiAddress.parse("0xd84704c17fc870b8764832c535aa6b11f21a95cd6f5bb38a9b07d2cf42220c66"),
                "0x8270feb7375eee355e64fdb69c50abb6b5f9393a722883c1cf45f8e26048810a::wal::WAL",
                SuiAddress.parse("0x6c2547cbbc38025cf3adac45f63cb0a8d12ecf777cdc75a4971612bf97fdf6af"),
                SuiAddress.parse("0xbe46180321c30aab2f8b3501e24048377287fa708018a5b7c2792b35fe339ee3"),
                null,
                PUBLIC_MAX_BLOB_SIZE);
    }
}
