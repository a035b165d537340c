package dev.walrussync.localnet.chain.graphql;

import dev.walrussync.localnet.chain.ChainObject;
import dev.walrussync.localnet.chain.ChainTypes;
import dev.walrussync.localnet.chain.EpochInfo;
import dev.walrussync.localnet.chain.TransactionRecord;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.Blake2b256;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import graphql.schema.DataFetchingEnvironment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** GraphQL views of addresses, balances, epochs, checkpoints, protocol configs and service limits. */
final class ChainViews {
    private ChainViews() {}

    static TypeTag parseCoinType(String text) {
        try {
            return TypeTag.parse(text);
        } catch (IllegalArgumentException e) {
            throw GraphQlUserError.badInput("Invalid type '" + text + "': " + e.getMessage());
        }
    }

    /** An {@code Address}: balances, owned objects (by type, paged by ID) and dynamic fields. */
    static final class AddressView {
        private final Gql gql;
        private final SuiAddress address;

        AddressView(Gql gql, SuiAddress address) {
            this.gql = gql;
            this.address = address;
        }

        public SuiAddress address() {
            return address;
        }

        public ObjectViews.ObjectView asObject() {
            return gql.chain()
                    .object(address)
                    .map(o -> new ObjectViews.ObjectView(gql, o))
                    .orElse(null);
        }

        public BalanceView balance(DataFetchingEnvironment env) {
            if (gql.executionScope()) {
                return null;
            }
            return balanceOf(parseCoinType(env.getArgument("coinType")));
        }

        private BalanceView balanceOf(TypeTag coinType) {
            return new BalanceView(
                    coinType,
                    gql.chain().coinBalance(address, coinType),
                    gql.chain().addressBalance(address, coinType));
        }

        public List<BalanceView> multiGetBalances(DataFetchingEnvironment env) {
            if (gql.executionScope()) {
                return null;
            }
            List<String> keys = env.getArgument("keys");
            return keys.stream().map(k -> balanceOf(parseCoinType(k))).toList();
        }

        public Connections.Connection<BalanceView> balances(DataFetchingEnvironment env) {
            if (gql.executionScope()) {
                return null;
            }
            Map<String, TypeTag> types = new TreeMap<>();
            for (ChainObject o : gql.chain().ownedObjects(address)) {
                if (o.type() != null && ChainTypes.isCoin(o.type())) {
                    TypeTag t = ChainTypes.coinTypeOf(o.type());
                    types.put(t.toString(), t);
                }
            }
            for (TypeTag t : List.of(ChainTypes.SUI, gql.chain().types().wal())) {
                if (gql.chain().addressBalance(address, t) != 0) {
                    types.put(t.toString(), t);
                }
            }
            List<BalanceView> balances =
                    types.values().stream().map(this::balanceOf).toList();
            return Connections.page(
                    balances,
                    b -> b.type.toString(),
                    env.getArgument("first"),
                    env.getArgument("after"),
                    env.getArgument("last"),
                    env.getArgument("before"),
                    Connections.DEFAULT_PAGE_SIZE,
                    Connections.MAX_PAGE_SIZE);
        }

        public Connections.Connection<ObjectViews.ObjectView> objects(DataFetchingEnvironment env) {
            Map<String, Object> filter = env.getArgument("filter");
            TypeFilter typeFilter = null;
            if (filter != null) {
                Object owner = filter.get("owner");
                if (owner != null && !owner.equals(address)) {
                    throw GraphQlUserError.badInput("The filter's owner conflicts with the address being queried");
                }
                Object kind = filter.get("ownerKind");
                if (kind != null && !"ADDRESS".equals(kind.toString())) {
                    return Connections.page(List.of(), o -> "", 0, null, null, null, 0, Connections.MAX_PAGE_SIZE);
                }
                if (filter.get("type") instanceof String type) {
                    typeFilter = TypeFilter.parse(type);
                }
            }
            TypeFilter f = typeFilter;
            List<ObjectViews.ObjectView> objects = gql.chain().ownedObjects(address).stream()
                    .filter(o -> o.type() != null && (f == null || f.matches(o.type())))
                    .map(o -> new ObjectViews.ObjectView(gql, o))
                    .toList();
            return Connections.page(
                    objects,
                    o -> o.address().toString(),
                    env.getArgument("first"),
                    env.getArgument("after"),
                    env.getArgument("last"),
                    env.getArgument("before"),
                    Connections.DEFAULT_PAGE_SIZE,
                    Connections.MAX_PAGE_SIZE);
        }

        public ObjectViews.ObjectView dynamicField(DataFetchingEnvironment env) {
            return ObjectViews.dynamicField(gql, address, env.getArgument("name"));
        }

        public Connections.Connection<ObjectViews.ObjectView> dynamicFields(DataFetchingEnvironment env) {
            return ObjectViews.dynamicFields(gql, address, env);
        }
    }

    /**
     * A type filter as Sui GraphQL accepts it: a package ({@code 0x2}), a module ({@code 0x2::coin}), a type
     * ({@code 0x2::coin::Coin}, any type arguments) or a full instantiation.
     *
     * @param address the package
     * @param module the module, or {@code null}
     * @param name the type name, or {@code null}
     * @param exact the full instantiation, or {@code null}
     */
    record TypeFilter(SuiAddress address, String module, String name, StructTag exact) {
        static TypeFilter parse(String text) {
            try {
                String trimmed = text.strip();
                if (trimmed.contains("<")) {
                    return new TypeFilter(null, null, null, StructTag.parse(trimmed));
                }
                String[] parts = trimmed.split("::", -1);
                if (parts.length > 3) {
                    throw new IllegalArgumentException("too many '::'");
                }
                SuiAddress address = SuiScalars.parseAddress(parts[0]);
                String module = parts.length > 1 ? parts[1] : null;
                String name = parts.length > 2 ? parts[2] : null;
                if ((module != null && module.isEmpty()) || (name != null && name.isEmpty())) {
                    throw new IllegalArgumentException("empty module or name");
                }
                return new TypeFilter(address, module, name, null);
            } catch (RuntimeException e) {
                throw GraphQlUserError.badInput("Invalid filter, expected a package, module or type: '" + text + "'");
            }
        }

        boolean matches(StructTag type) {
            if (exact != null) {
                return exact.equals(type);
            }
            return type.address().equals(address)
                    && (module == null || module.equals(type.module()))
                    && (name == null || name.equals(type.name()));
        }
    }

    /**
     * A {@code Balance}: coins plus the address balance, as decimal strings.
     *
     * @param type the coin type
     * @param coins the sum of coin objects
     * @param accumulated the address balance
     */
    record BalanceView(TypeTag type, long coins, long accumulated) {
        public ObjectViews.MoveTypeView coinType() {
            return new ObjectViews.MoveTypeView(type.toString());
        }

        public BigInteger coinBalance() {
            return unsigned(coins);
        }

        public BigInteger addressBalance() {
            return unsigned(accumulated);
        }

        public BigInteger totalBalance() {
            return unsigned(coins).add(unsigned(accumulated));
        }

        private static BigInteger unsigned(long value) {
            return new BigInteger(Long.toUnsignedString(value));
        }
    }

    /** An {@code Epoch}. */
    static final class EpochView {
        private final Gql gql;
        private final EpochInfo info;

        EpochView(Gql gql, EpochInfo info) {
            this.gql = gql;
            this.info = info;
        }

        public Long epochId() {
            return info.epochId();
        }

        public Instant startTimestamp() {
            return Instant.ofEpochMilli(info.startTimestampMs());
        }

        public Instant endTimestamp() {
            return gql.chain()
                    .epoch(info.epochId() + 1)
                    .map(e -> Instant.ofEpochMilli(e.startTimestampMs()))
                    .orElse(null);
        }

        public BigInteger referenceGasPrice() {
            return BigInteger.valueOf(info.referenceGasPrice());
        }

        public ProtocolConfigsView protocolConfigs() {
            return new ProtocolConfigsView(info.protocolVersion());
        }

        public Long totalCheckpoints() {
            return countTransactions();
        }

        public Long totalTransactions() {
            return countTransactions();
        }

        private long countTransactions() {
            long count = 0;
            for (long seq = 0; seq <= gql.chain().latestCheckpoint(); seq++) {
                TransactionRecord tx = gql.chain().checkpoint(seq).orElseThrow();
                if (tx.effects().epoch() == info.epochId()) {
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * {@code ProtocolConfigs}: the version and the limits this chain enforces.
     *
     * @param protocolVersion the protocol version
     */
    record ProtocolConfigsView(Long protocolVersion) {
        private static final Map<String, String> CONFIGS = limits();

        private static Map<String, String> limits() {
            Map<String, String> configs = new LinkedHashMap<>();
            configs.put("max_gas_payment_objects", "256");
            configs.put("max_gas_price", "100000");
            configs.put("max_input_objects", "2048");
            configs.put("max_programmable_tx_commands", "1024");
            configs.put("max_tx_gas", "50000000000");
            configs.put("max_tx_size_bytes", "131072");
            configs.put("storage_gas_price", "76");
            configs.put("storage_rebate_rate", "9900");
            return configs;
        }

        /**
         * One {@code ProtocolConfig}.
         *
         * @param key the name
         * @param value the value
         */
        record Entry(String key, String value) {}

        public List<Entry> configs() {
            List<Entry> out = new ArrayList<>();
            CONFIGS.forEach((k, v) -> out.add(new Entry(k, v)));
            return out;
        }

        public Entry config(DataFetchingEnvironment env) {
            String key = env.getArgument("key");
            String value = CONFIGS.get(key);
            return value == null ? null : new Entry(key, value);
        }

        public List<Object> featureFlags() {
            return List.of();
        }

        public Object featureFlag(DataFetchingEnvironment env) {
            return null;
        }
    }

    /** A {@code Checkpoint}: here, one per transaction. */
    static final class CheckpointView {
        private final Gql gql;
        private final TransactionRecord tx;

        CheckpointView(Gql gql, TransactionRecord tx) {
            this.gql = gql;
            this.tx = tx;
        }

        static String digestOf(TransactionRecord tx) {
            BcsWriter writer = new BcsWriter().u64(tx.checkpoint());
            tx.digest().writeTo(writer);
            return Digest.fromBytes(Blake2b256.hash(
                            "CheckpointSummary::".getBytes(StandardCharsets.US_ASCII), writer.toByteArray()))
                    .toString();
        }

        public Long sequenceNumber() {
            return tx.checkpoint();
        }

        public String digest() {
            return digestOf(tx);
        }

        public Instant timestamp() {
            return Instant.ofEpochMilli(tx.timestampMs());
        }

        public EpochView epoch() {
            return gql.chain()
                    .epoch(tx.effects().epoch())
                    .map(e -> new EpochView(gql, e))
                    .orElse(null);
        }

        public Long networkTotalTransactions() {
            return tx.checkpoint() + 1;
        }

        public String previousCheckpointDigest() {
            return tx.checkpoint() == 0
                    ? null
                    : gql.chain()
                            .checkpoint(tx.checkpoint() - 1)
                            .map(CheckpointView::digestOf)
                            .orElse(null);
        }
    }

    /** {@code ServiceConfig}: the limits, with Sui's defaults. */
    static final class ServiceConfigView {
        public Integer defaultPageSize(DataFetchingEnvironment env) {
            return Connections.DEFAULT_PAGE_SIZE;
        }

        public Integer maxPageSize(DataFetchingEnvironment env) {
            if ("TransactionEffects".equals(env.getArgument("type"))
                    && "objectChanges".equals(env.getArgument("field"))) {
                return Connections.MAX_OBJECT_CHANGES_PAGE_SIZE;
            }
            return Connections.MAX_PAGE_SIZE;
        }

        public Integer maxMultiGetSize() {
            return SuiGraphQl.MAX_MULTI_GET_SIZE;
        }

        public Integer maxQueryPayloadSize() {
            return SuiGraphQl.MAX_QUERY_PAYLOAD_SIZE;
        }

        public Integer maxTransactionPayloadSize() {
            return SuiGraphQl.MAX_TRANSACTION_PAYLOAD_SIZE;
        }

        public Integer queryTimeoutMs() {
            return 40_000;
        }

        public Integer mutationTimeoutMs() {
            return 74_000;
        }

        public Integer maxQueryDepth() {
            return SuiGraphQl.MAX_QUERY_DEPTH;
        }

        public Integer maxQueryNodes() {
            return SuiGraphQl.MAX_QUERY_NODES;
        }

        public Integer maxOutputNodes() {
            return 100_000;
        }

        public Integer maxMoveValueDepth() {
            return 128;
        }

        public Integer maxTypeArgumentDepth() {
            return 16;
        }

        public Integer maxTypeArgumentWidth() {
            return 32;
        }

        public Integer maxTypeNodes() {
            return 256;
        }
    }
}
