package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Blake2b256;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of a local chain: package and object IDs, epochs, prices, gas, the committee, faucet amounts and
 * objects to seed at genesis. Only genesis uses most of them: a chain reopened from its data folder keeps the state
 * it had, and the IDs in its log must match these.
 *
 * @param walrusPackageId the current Walrus package, the Move-call target ({@code System.package_id})
 * @param walrusOriginalPackageId the first Walrus package, which names the Walrus types
 * @param walCoinType the WAL coin type
 * @param systemObjectId the shared Walrus {@code System} object
 * @param systemInitialSharedVersion its initial shared version (also its version at genesis)
 * @param systemVersion {@code System.version}, the key of its inner-state dynamic field
 * @param initialEpoch the epoch at genesis (Sui and Walrus alike)
 * @param epochDuration how long an epoch lasts on the clock
 * @param referenceGasPrice the reference gas price in MIST
 * @param protocolVersion the Sui protocol version reported by {@code epoch.protocolConfigs}
 * @param storagePricePerUnitSize FROST per MiB unit per epoch
 * @param writePricePerUnitSize FROST per MiB unit
 * @param nShards the number of shards
 * @param maxEpochsAhead how many epochs ahead storage may be bought (53 on Walrus)
 * @param totalCapacitySize the capacity reported in the system state
 * @param nodes the committee at genesis
 * @param faucetMist SUI (in MIST) the faucet gives per request
 * @param faucetFrost WAL (in FROST) the faucet gives per request
 * @param genesisObjects objects to seed at genesis
 * @param genesisBalances address balances to seed at genesis
 * @param chainName a name mixed into the chain identifier
 */
public record ChainConfig(
        SuiAddress walrusPackageId,
        SuiAddress walrusOriginalPackageId,
        TypeTag walCoinType,
        SuiAddress systemObjectId,
        long systemInitialSharedVersion,
        long systemVersion,
        long initialEpoch,
        Duration epochDuration,
        long referenceGasPrice,
        long protocolVersion,
        long storagePricePerUnitSize,
        long writePricePerUnitSize,
        int nShards,
        int maxEpochsAhead,
        long totalCapacitySize,
        List<StorageNodeInfo> nodes,
        long faucetMist,
        long faucetFrost,
        List<GenesisObject> genesisObjects,
        List<AddressBalance> genesisBalances,
        String chainName) {
    /** Walrus mainnet's current package (published-at). */
    public static final SuiAddress MAINNET_WALRUS_PACKAGE =
            SuiAddress.parse("0x98da433aa0139512c210597b1c5e3df6cd121d8d77f8652691bb66fadfc8aa1b");
    /** Walrus mainnet's original package, which names the types. */
    public static final SuiAddress MAINNET_WALRUS_ORIGINAL_PACKAGE =
            SuiAddress.parse("0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77");
    /** Walrus mainnet's WAL type. */
    public static final TypeTag MAINNET_WAL =
            TypeTag.parse("0x356a26eb9e012a68958082340d4c4116e7f55615cf27affcff209cf0ae544f59::wal::WAL");
    /** Walrus mainnet's system object. */
    public static final SuiAddress MAINNET_SYSTEM_OBJECT =
            SuiAddress.parse("0x2134d52768ea07e8c43570ef975eb3e4c27a39fa6396bef985b5abc58d03ddd2");

    public ChainConfig {
        Objects.requireNonNull(walrusPackageId, "walrusPackageId");
        Objects.requireNonNull(walrusOriginalPackageId, "walrusOriginalPackageId");
        Objects.requireNonNull(walCoinType, "walCoinType");
        Objects.requireNonNull(systemObjectId, "systemObjectId");
        Objects.requireNonNull(epochDuration, "epochDuration");
        Objects.requireNonNull(chainName, "chainName");
        nodes = List.copyOf(nodes);
        genesisObjects = List.copyOf(genesisObjects);
        genesisBalances = List.copyOf(genesisBalances);
        if (!(walCoinType instanceof TypeTag.Struct)) {
            throw new IllegalArgumentException("the WAL type must be a struct type: " + walCoinType);
        }
        if (epochDuration.isNegative() || epochDuration.isZero()) {
            throw new IllegalArgumentException("epoch duration must be positive");
        }
        if (maxEpochsAhead <= 0 || maxEpochsAhead > 1000) {
            throw new IllegalArgumentException("max epochs ahead must be in 1..1000: " + maxEpochsAhead);
        }
        if (initialEpoch < 0 || initialEpoch > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("initial epoch must fit in u32: " + initialEpoch);
        }
        if (nShards <= 0 || nShards > 0xFFFF) {
            throw new IllegalArgumentException("shard count must fit in u16: " + nShards);
        }
    }

    /** The package of the WAL type. */
    public SuiAddress walPackageId() {
        return ((TypeTag.Struct) walCoinType).tag().address();
    }

    /** The Move types of this deployment. */
    public ChainTypes types() {
        return new ChainTypes(walrusOriginalPackageId, walCoinType);
    }

    /** A builder with local defaults: local package IDs, epoch 1, 10 shards, mainnet-like prices, 53 epochs ahead. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.walrusPackageId = walrusPackageId;
        b.walrusOriginalPackageId = walrusOriginalPackageId;
        b.walCoinType = walCoinType;
        b.systemObjectId = systemObjectId;
        b.systemInitialSharedVersion = systemInitialSharedVersion;
        b.systemVersion = systemVersion;
        b.initialEpoch = initialEpoch;
        b.epochDuration = epochDuration;
        b.referenceGasPrice = referenceGasPrice;
        b.protocolVersion = protocolVersion;
        b.storagePricePerUnitSize = storagePricePerUnitSize;
        b.writePricePerUnitSize = writePricePerUnitSize;
        b.nShards = nShards;
        b.maxEpochsAhead = maxEpochsAhead;
        b.totalCapacitySize = totalCapacitySize;
        b.nodes = new ArrayList<>(nodes);
        b.faucetMist = faucetMist;
        b.faucetFrost = faucetFrost;
        b.genesisObjects = new ArrayList<>(genesisObjects);
        b.genesisBalances = new ArrayList<>(genesisBalances);
        b.chainName = chainName;
        return b;
    }

    /** Builds a {@link ChainConfig}; every setter returns the builder. */
    public static final class Builder {
        private SuiAddress walrusPackageId = localId("walrus");
        private SuiAddress walrusOriginalPackageId = walrusPackageId;
        private TypeTag walCoinType = new StructTag(localId("wal"), "wal", "WAL", List.of()).toTypeTag();
        private SuiAddress systemObjectId = localId("system");
        private long systemInitialSharedVersion = 1;
        private long systemVersion = 3;
        private long initialEpoch = 1;
        private Duration epochDuration = Duration.ofHours(1);
        private long referenceGasPrice = 1000;
        private long protocolVersion = 110;
        private long storagePricePerUnitSize = 100_000;
        private long writePricePerUnitSize = 20_000;
        private int nShards = 10;
        private int maxEpochsAhead = 53;
        private long totalCapacitySize = 1L << 50;
        private List<StorageNodeInfo> nodes = new ArrayList<>();
        private long faucetMist = 10_000_000_000L;
        private long faucetFrost = 10_000_000_000L;
        private List<GenesisObject> genesisObjects = new ArrayList<>();
        private List<AddressBalance> genesisBalances = new ArrayList<>();
        private String chainName = "walrus-localnet";

        private Builder() {}

        /** Sets the current and the original Walrus package to the same ID (a fresh deployment). */
        public Builder walrusPackage(SuiAddress id) {
            this.walrusPackageId = id;
            this.walrusOriginalPackageId = id;
            return this;
        }

        /** Sets an upgraded deployment: calls go to {@code current}, types are named after {@code original}. */
        public Builder walrusPackages(SuiAddress current, SuiAddress original) {
            this.walrusPackageId = current;
            this.walrusOriginalPackageId = original;
            return this;
        }

        public Builder walCoinType(TypeTag type) {
            this.walCoinType = type;
            return this;
        }

        public Builder systemObject(SuiAddress id, long initialSharedVersion) {
            this.systemObjectId = id;
            this.systemInitialSharedVersion = initialSharedVersion;
            return this;
        }

        public Builder systemVersion(long version) {
            this.systemVersion = version;
            return this;
        }

        public Builder initialEpoch(long epoch) {
            this.initialEpoch = epoch;
            return this;
        }

        public Builder epochDuration(Duration duration) {
            this.epochDuration = duration;
            return this;
        }

        public Builder referenceGasPrice(long mist) {
            this.referenceGasPrice = mist;
            return this;
        }

        public Builder protocolVersion(long version) {
            this.protocolVersion = version;
            return this;
        }

        public Builder prices(long storagePerUnitPerEpoch, long writePerUnit) {
            this.storagePricePerUnitSize = storagePerUnitPerEpoch;
            this.writePricePerUnitSize = writePerUnit;
            return this;
        }

        public Builder nShards(int n) {
            this.nShards = n;
            return this;
        }

        public Builder maxEpochsAhead(int epochs) {
            this.maxEpochsAhead = epochs;
            return this;
        }

        public Builder totalCapacitySize(long bytes) {
            this.totalCapacitySize = bytes;
            return this;
        }

        public Builder nodes(List<StorageNodeInfo> committee) {
            this.nodes = new ArrayList<>(committee);
            return this;
        }

        public Builder faucet(long mist, long frost) {
            this.faucetMist = mist;
            this.faucetFrost = frost;
            return this;
        }

        public Builder genesisObject(GenesisObject object) {
            this.genesisObjects.add(object);
            return this;
        }

        public Builder genesisBalance(AddressBalance balance) {
            this.genesisBalances.add(balance);
            return this;
        }

        public Builder chainName(String name) {
            this.chainName = name;
            return this;
        }

        public ChainConfig build() {
            return new ChainConfig(
                    walrusPackageId,
                    walrusOriginalPackageId,
                    walCoinType,
                    systemObjectId,
                    systemInitialSharedVersion,
                    systemVersion,
                    initialEpoch,
                    epochDuration,
                    referenceGasPrice,
                    protocolVersion,
                    storagePricePerUnitSize,
                    writePricePerUnitSize,
                    nShards,
                    maxEpochsAhead,
                    totalCapacitySize,
                    nodes,
                    faucetMist,
                    faucetFrost,
                    genesisObjects,
                    genesisBalances,
                    chainName);
        }

        private static SuiAddress localId(String name) {
            return SuiAddress.fromBytes(Blake2b256.hash(("walrus-localnet/" + name).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
