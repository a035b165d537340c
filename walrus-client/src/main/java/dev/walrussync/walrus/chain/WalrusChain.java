package dev.walrussync.walrus.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.sui.Argument;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.GasData;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.ProgrammableTransactionBuilder;
import dev.walrussync.walrus.sui.SharedObjectRef;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import dev.walrussync.walrus.sui.TransactionExpiration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walrus on Sui, over Sui GraphQL: the system object, balances, owned blobs, and the transactions a
 * backup needs (extend, attributes, delete), built as BCS {@code TransactionData}, budgeted with a
 * dry run, signed with Ed25519 and executed.
 *
 * <p>The committee: when the network names a {@code Staking} object (real Walrus), the current committee is read
 * from the staking inner state ({@code committee: VecMap<ID, vector<u16>>}) and each node's name and address from its
 * {@code StakingPool.node_info}; epoch start and duration come from the staking state too. Without a staking object
 * (the local network), they come from the local extension fields {@code nodes}, {@code epoch_duration_ms} and {@code
 * epoch_start_timestamp_ms} of the system inner state.
 */
public final class WalrusChain {
    private static final Logger LOG = LoggerFactory.getLogger(WalrusChain.class);

    /** {@code 0x2::sui::SUI}. */
    public static final String SUI_COIN_TYPE = "0x2::sui::SUI";
    /** The largest gas budget Sui accepts (50 SUI). */
    static final long MAX_GAS_BUDGET = 50_000_000_000L;
    /** At most this many gas coins in one payment (Sui allows 256). */
    private static final int MAX_GAS_COINS = 255;

    private static final int PAGE_SIZE = 50;
    private static final byte[] METADATA_NAME = "metadata".getBytes(StandardCharsets.US_ASCII);
    private static final String METADATA_NAME_BCS = Base64.getEncoder()
            .encodeToString(new BcsWriter().bytes(METADATA_NAME).toByteArray());

    // ---------------------------------------------------------------------------------------- queries

    static final String VERSIONED_OBJECT = """
            query VersionedObject($id: SuiAddress!) {
              object(address: $id) {
                version
                owner { __typename ... on Shared { initialSharedVersion } }
                asMoveObject { contents { type { repr } json } }
              }
            }""";

    static final String INNER_STATE = """
            query InnerState($id: SuiAddress!, $versionBcs: Base64!) {
              object(address: $id) {
                dynamicField(name: { type: "u64", bcs: $versionBcs }) {
                  value { __typename ... on MoveValue { type { repr } json } }
                }
              }
            }""";

    static final String STAKING_POOLS = """
            query StakingPools($keys: [ObjectKey!]!) {
              multiGetObjects(keys: $keys) { address asMoveObject { contents { json } } }
            }""";

    static final String BALANCES = """
            query Balances($owner: SuiAddress!, $wal: String!, $sui: String!) {
              address(address: $owner) {
                wal: balance(coinType: $wal) { totalBalance }
                sui: balance(coinType: $sui) { totalBalance }
              }
            }""";

    static final String OWNED_BLOBS = """
            query OwnedBlobs($owner: SuiAddress!, $type: String!, $first: Int, $after: String, $metadata: Base64!) {
              address(address: $owner) {
                objects(first: $first, after: $after, filter: { type: $type }) {
                  pageInfo { hasNextPage endCursor }
                  nodes {
                    address version digest
                    contents { type { repr } bcs }
                    dynamicField(name: { type: "vector<u8>", bcs: $metadata }) { value { ... on MoveValue { bcs } } }
                  }
                }
              }
            }""";

    static final String OWNED_COINS = """
            query OwnedCoins($owner: SuiAddress!, $type: String!, $first: Int, $after: String) {
              address(address: $owner) {
                objects(first: $first, after: $after, filter: { type: $type }) {
                  pageInfo { hasNextPage endCursor }
                  nodes { address version digest contents { json } }
                }
              }
            }""";

    static final String GET_OBJECT = """
            query GetObject($id: SuiAddress!) {
              object(address: $id) {
                address version digest
                owner { __typename ... on AddressOwner { address { address } } }
                asMoveObject { contents { type { repr } bcs } }
              }
            }""";

    static final String GAS_PRICE = "query ReferenceGasPrice { epoch { referenceGasPrice } }";

    static final String SIMULATE = """
            query Simulate($tx: JSON!) {
              simulateTransaction(transaction: $tx, checksEnabled: true, doGasSelection: false) {
                effects {
                  status
                  executionError { message abortCode identifier module { name } function { name } }
                  gasEffects { gasSummary { computationCost storageCost storageRebate } }
                }
              }
            }""";

    static final String EXECUTE = """
            mutation Execute($transactionDataBcs: Base64!, $signatures: [Base64!]!) {
              executeTransaction(transactionDataBcs: $transactionDataBcs, signatures: $signatures) {
                effects {
                  digest status
                  executionError { message abortCode identifier module { name } function { name } }
                  gasEffects { gasSummary { computationCost storageCost storageRebate } }
                }
              }
            }""";

    static final String WAIT_FOR_TX = """
            query WaitForTx($digest: String!) { transaction(digest: $digest) { effects { status } } }""";

    // ------------------------------------------------------------------------------------------ state

    private final WalrusNetwork network;
    private final SuiGraphQlClient graphql;
    private final Duration indexWait;

    public WalrusChain(WalrusNetwork network, RetryPolicy retry) {
        this(network, new SuiGraphQlClient(network.graphql(), retry), Duration.ofSeconds(30));
    }

    /** With a given GraphQL client, waiting up to {@code indexWait} for executed transactions to be indexed. */
    public WalrusChain(WalrusNetwork network, SuiGraphQlClient graphql, Duration indexWait) {
        this.network = Objects.requireNonNull(network, "network");
        this.graphql = Objects.requireNonNull(graphql, "graphql");
        this.indexWait = Objects.requireNonNull(indexWait, "indexWait");
    }

    public WalrusNetwork network() {
        return network;
    }

    // ---------------------------------------------------------------------------------- system object

    /** The System object, its inner state and where to call. */
    private record SystemState(SuiAddress callPackage, long initialSharedVersion, JsonNode inner) {
        long storagePrice() throws BadResponseException {
            return u64(inner, "storage_price_per_unit_size");
        }
    }

    /** A shared versioned Walrus object ({@code System} or {@code Staking}) and its inner state. */
    private record Versioned(JsonNode contents, long initialSharedVersion, JsonNode inner) {}

    private Versioned readVersioned(SuiAddress id, String module, String name) throws WalrusException {
        JsonNode object =
                graphql.execute(VERSIONED_OBJECT, Map.of("id", id.toString())).get("object");
        String expectedType = network.walrusOriginalPackage() + "::" + module + "::" + name;
        if (object == null || object.isNull()) {
            throw wrongNetwork("there is no object " + id + " (expected the Walrus " + name + " object)");
        }
        String type = object.at("/asMoveObject/contents/type/repr").asText("");
        if (!sameStruct(type, expectedType)) {
            throw wrongNetwork("object " + id + " is a " + (type.isEmpty() ? "non-Move object" : type)
                    + ", not the Walrus " + name + " object " + expectedType);
        }
        JsonNode owner = object.get("owner");
        if (owner == null || !"Shared".equals(owner.path("__typename").asText())) {
            throw wrongNetwork("object " + id + " is not shared, so it cannot be the Walrus " + name + " object");
        }
        long isv = owner.path("initialSharedVersion").asLong(-1);
        JsonNode contents = object.at("/asMoveObject/contents/json");
        long version = u64(contents, "version");
        String versionBcs =
                Base64.getEncoder().encodeToString(new BcsWriter().u64(version).toByteArray());
        JsonNode field = graphql.execute(INNER_STATE, Map.of("id", id.toString(), "versionBcs", versionBcs))
                .at("/object/dynamicField");
        if (field.isMissingNode() || field.isNull()) {
            throw new BadResponseException("the Walrus " + name + " object " + id + " has no inner state for version "
                    + version + "; this client may be too old for the deployed Walrus contracts");
        }
        JsonNode inner = field.at("/value/json");
        if (!inner.isObject()) {
            throw new BadResponseException("the Walrus " + name + " inner state is not a Move value: " + field);
        }
        return new Versioned(contents, isv, inner);
    }

    private WrongNetworkException wrongNetwork(String detail) {
        return new WrongNetworkException("wrong network or package ID: " + detail + " on the Sui network at "
                + network.graphql() + ". Check that the Walrus network '" + network.name()
                + "' is configured with the right Sui GraphQL endpoint, system object and Walrus package.");
    }

    private static boolean sameStruct(String repr, String expected) {
        try {
            return StructTag.parse(repr).equals(StructTag.parse(expected));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private SystemState systemState() throws WalrusException {
        Versioned system = readVersioned(network.systemObject(), "system", "System");
        SuiAddress callPackage = address(system.contents(), "package_id");
        if (system.initialSharedVersion() < 0) {
            throw new BadResponseException("the System object's owner has no initialSharedVersion");
        }
        return new SystemState(callPackage, system.initialSharedVersion(), system.inner());
    }

    /**
     * Reads the Walrus system: epoch, prices, shards, the package to call and the committee.
     *
     * @throws WalrusException if the network is unreachable, or (not retryable) if the configured IDs do not name a
     *     Walrus deployment on this Sui network
     */
    public SystemInfo system() throws WalrusException {
        SystemState state = systemState();
        JsonNode inner = state.inner();
        long epoch = u64(inner.path("committee"), "epoch");
        int nShards = (int) u64(inner.path("committee"), "n_shards");
        long storagePrice = state.storagePrice();
        long writePrice = u64(inner, "write_price_per_unit_size");
        int maxEpochsAhead = (int) u64(inner.path("future_accounting"), "length");
        Instant epochStart;
        Duration epochDuration;
        List<CommitteeNode> committee;
        SuiAddress stakingObject = network.stakingObject();
        if (stakingObject != null) {
            Versioned staking = readVersioned(stakingObject, "staking", "Staking");
            JsonNode s = staking.inner();
            epochDuration = Duration.ofMillis(u64(s, "epoch_duration"));
            epochStart = stakingEpochStart(s, epoch);
            committee = stakingCommittee(s.path("committee"));
        } else {
            if (!inner.has("epoch_duration_ms") || !inner.has("nodes")) {
                throw new BadResponseException("the network '" + network.name()
                        + "' names no Staking object and its system state has no local committee; set the staking"
                        + " object ID");
            }
            epochDuration = Duration.ofMillis(u64(inner, "epoch_duration_ms"));
            epochStart = Instant.ofEpochMilli(u64(inner, "epoch_start_timestamp_ms"));
            committee = new ArrayList<>();
            for (JsonNode node : inner.get("nodes")) {
                committee.add(new CommitteeNode(
                        node.path("node_id").asText(),
                        node.path("name").asText(),
                        nodeUrl(node.path("network_address").asText()),
                        node.path("shard_ids").size()));
            }
        }
        return new SystemInfo(
                epoch,
                epochStart,
                epochDuration,
                storagePrice,
                writePrice,
                nShards,
                maxEpochsAhead,
                state.callPackage().toString(),
                state.initialSharedVersion(),
                committee);
    }

    /**
     * The current epoch's start from {@code epoch_state} ({@code EpochChangeDone(start)} or {@code
     * NextParamsSelected(start)}); during an epoch change ({@code EpochChangeSync}) there is none yet and, as the
     * Walrus client does, now is used. Epoch 0 starts at {@code first_epoch_start}.
     */
    private static Instant stakingEpochStart(JsonNode staking, long epoch) throws BadResponseException {
        if (epoch == 0) {
            return Instant.ofEpochMilli(u64(staking, "first_epoch_start"));
        }
        JsonNode state = staking.path("epoch_state");
        String variant = state.path("@variant").asText("");
        if (variant.equals("EpochChangeDone") || variant.equals("NextParamsSelected")) {
            for (Map.Entry<String, JsonNode> field : state.properties()) {
                if (!field.getKey().equals("@variant")) {
                    return Instant.ofEpochMilli(parseU64(field.getValue(), "epoch_state"));
                }
            }
        }
        if (variant.equals("EpochChangeSync")) {
            return Instant.now();
        }
        throw new BadResponseException("unknown Walrus epoch state: " + state);
    }

    /** {@code Committee(VecMap<ID, vector<u16>>)}: node IDs and shards, then each node's pool for its name and URL. */
    private List<CommitteeNode> stakingCommittee(JsonNode committee) throws WalrusException {
        JsonNode contents = vecMapContents(committee);
        Map<String, Integer> shards = new LinkedHashMap<>();
        for (JsonNode entry : contents) {
            shards.put(entry.path("key").asText(), entry.path("value").size());
        }
        Map<String, JsonNode> pools = new HashMap<>();
        List<String> ids = new ArrayList<>(shards.keySet());
        for (int i = 0; i < ids.size(); i += PAGE_SIZE) {
            List<Map<String, String>> keys = ids.subList(i, Math.min(ids.size(), i + PAGE_SIZE)).stream()
                    .map(id -> Map.of("address", id))
                    .toList();
            JsonNode objects =
                    graphql.execute(STAKING_POOLS, Map.of("keys", keys)).path("multiGetObjects");
            for (JsonNode object : objects) {
                if (object != null && !object.isNull()) {
                    pools.put(
                            SuiAddress.parse(object.path("address").asText()).toString(),
                            object.at("/asMoveObject/contents/json"));
                }
            }
        }
        List<CommitteeNode> nodes = new ArrayList<>();
        for (Map.Entry<String, Integer> e : shards.entrySet()) {
            String id = SuiAddress.parse(e.getKey()).toString();
            JsonNode pool = pools.get(id);
            if (pool == null) {
                throw new BadResponseException("the staking pool of committee member " + id + " was not found");
            }
            JsonNode info = pool.path("node_info");
            nodes.add(new CommitteeNode(
                    id,
                    info.path("name").asText(),
                    nodeUrl(info.path("network_address").asText()),
                    e.getValue()));
        }
        return nodes;
    }

    /** The entries of a {@code VecMap} as Sui renders it ({@code {"contents": [{key, value}]}}), unwrapping newtypes. */
    private static JsonNode vecMapContents(JsonNode node) throws BadResponseException {
        JsonNode current = node;
        for (int depth = 0; depth < 4 && current.isObject(); depth++) {
            if (current.has("contents") && current.get("contents").isArray()) {
                return current.get("contents");
            }
            if (current.size() != 1) {
                break;
            }
            current = current.elements().next();
        }
        throw new BadResponseException("the Walrus committee is not a VecMap: " + node);
    }

    /** A node's REST base URL: its {@code network_address} is {@code host:port} on real Walrus (served over TLS). */
    static URI nodeUrl(String networkAddress) throws BadResponseException {
        try {
            return networkAddress.contains("://")
                    ? URI.create(networkAddress)
                    : URI.create("https://" + networkAddress);
        } catch (IllegalArgumentException e) {
            throw new BadResponseException("a storage node has an invalid network address: " + networkAddress, e);
        }
    }

    // ------------------------------------------------------------------------------------------ reads

    /** WAL and SUI held by {@code owner}, in coins and address balance together. */
    public Balances balances(SuiAddress owner) throws WalrusException {
        JsonNode address = graphql.execute(
                        BALANCES, Map.of("owner", owner.toString(), "wal", network.walCoinType(), "sui", SUI_COIN_TYPE))
                .path("address");
        return new Balances(totalBalance(address.path("wal")), totalBalance(address.path("sui")));
    }

    private static long totalBalance(JsonNode balance) throws BadResponseException {
        if (balance.isMissingNode()
                || balance.isNull()
                || balance.path("totalBalance").isNull()) {
            return 0;
        }
        return parseU64(balance.get("totalBalance"), "totalBalance");
    }

    /** Every {@code Blob} object the owner holds, all pages, with attributes. */
    public List<OwnedBlob> ownedBlobs(SuiAddress owner) throws WalrusException {
        List<OwnedBlob> blobs = new ArrayList<>();
        forEachOwned(OWNED_BLOBS, owner, network.blobType(), Map.of("metadata", METADATA_NAME_BCS), node -> {
            ObjectRef ref = ref(node);
            byte[] bcs = base64(node.at("/contents/bcs"), "Blob contents");
            Map<String, String> attributes = Map.of();
            JsonNode metadata = node.at("/dynamicField/value/bcs");
            if (metadata.isTextual()) {
                attributes = decodeMetadata(base64(metadata, "Blob metadata"));
            }
            blobs.add(decodeBlob(ref, bcs, attributes));
        });
        return blobs;
    }

    /** A Walrus {@code Blob} from its Move BCS (protocol.md §4.10). */
    static OwnedBlob decodeBlob(ObjectRef ref, byte[] bcs, Map<String, String> attributes) throws BadResponseException {
        try {
            return BcsReader.decode(bcs, r -> {
                r.fixedBytes(32); // id
                long registered = r.u32();
                BlobId blobId = BlobId.of(r.fixedBytes(32)); // u256 LE
                long size = r.u64();
                r.u8(); // encoding_type
                Long certified = r.option(BcsReader::u32).orElse(null);
                r.fixedBytes(32); // storage.id
                long start = r.u32();
                long end = r.u32();
                long storageSize = r.u64();
                boolean deletable = r.bool();
                return new OwnedBlob(
                        ref,
                        blobId.toString(),
                        size,
                        registered,
                        certified,
                        start,
                        end,
                        storageSize,
                        deletable,
                        attributes);
            });
        } catch (IllegalArgumentException e) {
            throw new BadResponseException(
                    "a Blob object " + ref.objectId() + " does not decode: " + e.getMessage(), e);
        }
    }

    /** {@code Metadata { metadata: VecMap<String, String> }}. */
    static Map<String, String> decodeMetadata(byte[] bcs) throws BadResponseException {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            BcsReader.decode(bcs, r -> r.vector(x -> out.put(x.string(), x.string())));
            return out;
        } catch (IllegalArgumentException e) {
            throw new BadResponseException("blob metadata does not decode: " + e.getMessage(), e);
        }
    }

    private interface NodeConsumer {
        void accept(JsonNode node) throws WalrusException;
    }

    private void forEachOwned(
            String query, SuiAddress owner, String type, Map<String, String> extra, NodeConsumer consumer)
            throws WalrusException {
        String after = null;
        for (int page = 0; ; page++) {
            Map<String, Object> variables = new HashMap<>(extra);
            variables.put("owner", owner.toString());
            variables.put("type", type);
            variables.put("first", PAGE_SIZE);
            variables.put("after", after);
            JsonNode objects = graphql.execute(query, variables).at("/address/objects");
            if (objects.isMissingNode() || objects.isNull()) {
                return;
            }
            for (JsonNode node : objects.path("nodes")) {
                consumer.accept(node);
            }
            JsonNode pageInfo = objects.path("pageInfo");
            if (!pageInfo.path("hasNextPage").asBoolean(false)) {
                return;
            }
            String next = pageInfo.path("endCursor").asText(null);
            if (next == null || next.equals(after) || page > 100_000) {
                throw new BadResponseException("Sui GraphQL paging did not advance (cursor " + next + ")");
            }
            after = next;
        }
    }

    /** A coin and its balance. */
    record Coin(ObjectRef ref, long balance) {}

    /** All {@code Coin<coinType>} objects of {@code owner}, largest first. */
    List<Coin> coins(SuiAddress owner, String coinType) throws WalrusException {
        List<Coin> coins = new ArrayList<>();
        forEachOwned(
                OWNED_COINS,
                owner,
                "0x2::coin::Coin<" + coinType + ">",
                Map.of(),
                node -> coins.add(new Coin(ref(node), parseU64(node.at("/contents/json/balance"), "coin balance"))));
        coins.sort(Comparator.comparingLong(Coin::balance).reversed());
        return coins;
    }

    /**
     * One {@code Blob} object the owner holds, with its current reference, read on its own (its attributes are not
     * read); fails if the object is not a blob or not the owner's.
     */
    public OwnedBlob ownedBlob(SuiAddress owner, SuiAddress blobObject) throws WalrusException {
        JsonNode object =
                graphql.execute(GET_OBJECT, Map.of("id", blobObject.toString())).get("object");
        if (object == null || object.isNull()) {
            throw new WalrusException("there is no blob object " + blobObject + " on " + network.name(), false);
        }
        String type = object.at("/asMoveObject/contents/type/repr").asText("");
        if (!sameStruct(type, network.blobType())) {
            throw new WalrusException("object " + blobObject + " is not a Walrus blob but a " + type, false);
        }
        String ownerAddress = object.at("/owner/address/address").asText("");
        if (ownerAddress.isEmpty() || !SuiAddress.parse(ownerAddress).equals(owner)) {
            throw new WalrusException(
                    "blob object " + blobObject + " is not owned by " + owner + " (owner: "
                            + (ownerAddress.isEmpty()
                                    ? object.path("owner").path("__typename").asText("?")
                                    : ownerAddress)
                            + ")",
                    false);
        }
        return decodeBlob(ref(object), base64(object.at("/asMoveObject/contents/bcs"), "Blob contents"), Map.of());
    }

    // ----------------------------------------------------------------------------------- transactions

    /** Extends a blob the signer owns by {@code epochs} epochs, paying WAL from the signer's coins. */
    public TransactionOutcome extendBlob(Ed25519Keypair signer, SuiAddress blobObject, int epochs)
            throws WalrusException {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        return extendBlobs(signer, List.of(BlobExtension.of(ownedBlob(signer.address(), blobObject), epochs)));
    }

    /** The most extensions one transaction carries: well inside Sui's 1,024 commands, 2,048 inputs and 128 KiB. */
    public static final int MAX_EXTENSIONS_PER_TRANSACTION = 500;

    /**
     * Extends many blobs the signer owns in one programmable transaction, paying WAL from the signer's coins.
     * Each blob is given by the object reference it has now (from {@link #ownedBlobs}), so nothing is read
     * per blob; a blob that changed since makes the whole transaction fail its dry run, and nothing is paid.
     *
     * @throws IllegalArgumentException when there are none, or more than {@link #MAX_EXTENSIONS_PER_TRANSACTION}
     */
    public TransactionOutcome extendBlobs(Ed25519Keypair signer, List<BlobExtension> extensions)
            throws WalrusException {
        if (extensions.isEmpty() || extensions.size() > MAX_EXTENSIONS_PER_TRANSACTION) {
            throw new IllegalArgumentException("a transaction extends 1 to " + MAX_EXTENSIONS_PER_TRANSACTION
                    + " blobs, not " + extensions.size());
        }
        SuiAddress sender = signer.address();
        SystemState system = systemState();
        long cost = 0;
        try {
            for (BlobExtension e : extensions) {
                cost = Math.addExact(
                        cost,
                        Math.multiplyExact(
                                Math.multiplyExact(SystemInfo.units(e.storageSize()), system.storagePrice()),
                                e.epochs()));
            }
        } catch (ArithmeticException e) {
            throw new WalrusException("extending these blobs costs more WAL than exists", false);
        }
        List<Coin> wal = payment(coins(sender, network.walCoinType()), cost);
        SharedObjectRef systemRef = new SharedObjectRef(network.systemObject(), system.initialSharedVersion(), true);
        SuiAddress pkg = system.callPackage();
        return run(signer, ptb -> {
            // With one coin the inputs come in the SDK's order (system, blob, epochs, coin); with several,
            // the coins are merged first. Either way the bytes equal @mysten/sui's for one blob.
            Argument merged = null;
            if (wal.size() > 1) {
                merged = ptb.object(wal.getFirst().ref());
                List<Argument> rest = new ArrayList<>();
                for (Coin c : wal.subList(1, wal.size())) {
                    rest.add(ptb.object(c.ref()));
                }
                ptb.mergeCoins(merged, rest);
            }
            Map<Integer, Argument> epochInputs = new HashMap<>();
            for (BlobExtension e : extensions) {
                Argument systemArg = ptb.sharedObject(systemRef);
                Argument blob = ptb.object(e.blob());
                Argument epochs = epochInputs.computeIfAbsent(e.epochs(), ptb::pureU32);
                Argument payment =
                        merged != null ? merged : ptb.object(wal.getFirst().ref());
                ptb.extendBlob(pkg, systemArg, blob, epochs, payment);
            }
        });
    }

    /**
     * The WAL coins to pay {@code cost} with: the smallest single coin that covers it, else the largest coins merged
     * until they do (the first is the one merged into).
     */
    private List<Coin> payment(List<Coin> coinsLargestFirst, long cost) throws WalrusException {
        Coin single = null;
        for (Coin c : coinsLargestFirst) {
            if (c.balance() >= cost) {
                single = c;
            }
        }
        if (single != null) {
            return List.of(single);
        }
        List<Coin> chosen = new ArrayList<>();
        long total = 0;
        for (Coin c : coinsLargestFirst) {
            chosen.add(c);
            total += c.balance();
            if (total >= cost) {
                return chosen;
            }
        }
        throw new WalrusException(
                "not enough WAL in coins: this costs " + cost + " FROST but the coins hold " + total + " FROST"
                        + " (WAL held as address balance is not used)",
                false);
    }

    /** Sets one attribute ({@code insert_or_update_metadata_pair}) on a blob the signer owns. */
    public TransactionOutcome setAttribute(Ed25519Keypair signer, SuiAddress blobObject, String key, String value)
            throws WalrusException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        SystemState system = systemState();
        OwnedBlob blob = ownedBlob(signer.address(), blobObject);
        return run(signer, ptb -> ptb.insertOrUpdateMetadataPair(system.callPackage(), blob.ref(), key, value));
    }

    /**
     * Sets one attribute on each of many blobs the signer owns, in one transaction: {@code key} to {@code
     * values.get(i)} on {@code blobs.get(i)}. Each blob is given by the object reference it has now (from {@link
     * #ownedBlobs}), so nothing is read per blob. At most {@link #MAX_EXTENSIONS_PER_TRANSACTION} blobs.
     */
    public TransactionOutcome setAttributes(
            Ed25519Keypair signer, List<OwnedBlob> blobs, String key, List<String> values) throws WalrusException {
        Objects.requireNonNull(key, "key");
        if (blobs.isEmpty() || blobs.size() != values.size() || blobs.size() > MAX_EXTENSIONS_PER_TRANSACTION) {
            throw new IllegalArgumentException("need 1 to " + MAX_EXTENSIONS_PER_TRANSACTION
                    + " blobs, each with a value; got " + blobs.size() + " blobs and " + values.size() + " values");
        }
        SystemState system = systemState();
        return run(signer, ptb -> {
            for (int i = 0; i < blobs.size(); i++) {
                ptb.insertOrUpdateMetadataPair(
                        system.callPackage(), blobs.get(i).ref(), key, values.get(i));
            }
        });
    }

    /** Transfers Blob objects the signer owns to another address, in one transaction. */
    public TransactionOutcome transferBlobs(Ed25519Keypair signer, List<SuiAddress> blobObjects, SuiAddress recipient)
            throws WalrusException {
        if (blobObjects.isEmpty()) {
            throw new IllegalArgumentException("no blob objects to transfer");
        }
        List<ObjectRef> refs = new ArrayList<>();
        for (SuiAddress id : blobObjects) {
            refs.add(ownedBlob(signer.address(), id).ref());
        }
        return run(
                signer,
                ptb -> ptb.transferObjects(refs.stream().map(ptb::object).toList(), recipient));
    }

    /** Deletes a deletable blob the signer owns and keeps its storage resource with the signer. */
    public TransactionOutcome deleteBlob(Ed25519Keypair signer, SuiAddress blobObject) throws WalrusException {
        SystemState system = systemState();
        OwnedBlob blob = ownedBlob(signer.address(), blobObject);
        if (!blob.deletable()) {
            throw new WalrusException("blob object " + blobObject + " is permanent and cannot be deleted", false);
        }
        SharedObjectRef systemRef = new SharedObjectRef(network.systemObject(), system.initialSharedVersion(), false);
        return run(signer, ptb -> {
            Argument storage = ptb.deleteBlob(system.callPackage(), systemRef, blob.ref());
            ptb.transferObjects(List.of(storage), signer.address());
        });
    }

    /**
     * Builds, budgets, signs and executes: the gas price is the reference gas price, the gas coins the signer's
     * largest SUI coins; a dry run with the gas coins' balance as budget gives {@code budget = computation + 1000 ·
     * gasPrice + max(0, storage − rebate)} (the SDK's recipe), and a dry-run failure stops before anything is signed.
     */
    private TransactionOutcome run(Ed25519Keypair signer, Consumer<ProgrammableTransactionBuilder> body)
            throws WalrusException {
        SuiAddress sender = signer.address();
        long gasPrice = parseU64(graphql.execute(GAS_PRICE, Map.of()).at("/epoch/referenceGasPrice"), "gas price");
        List<Coin> sui = coins(sender, SUI_COIN_TYPE);
        if (sui.isEmpty()) {
            throw new WalrusException("address " + sender + " has no SUI coin to pay gas with", false);
        }
        List<Coin> gas = new ArrayList<>();
        long gasBalance = 0;
        for (Coin c : sui) {
            if (gas.size() >= MAX_GAS_COINS || gasBalance >= MAX_GAS_BUDGET) {
                break;
            }
            gas.add(c);
            gasBalance += c.balance();
        }
        long dryBudget = Math.min(gasBalance, MAX_GAS_BUDGET);
        byte[] dry = build(sender, gas, gasPrice, dryBudget, body);
        JsonNode simulated = graphql.execute(
                        SIMULATE,
                        Map.of(
                                "tx",
                                Map.of(
                                        "bcs",
                                        Map.of("value", Base64.getEncoder().encodeToString(dry)))))
                .at("/simulateTransaction/effects");
        if (!simulated.isObject()) {
            throw new BadResponseException("the dry run returned no effects");
        }
        if (!"SUCCESS".equals(simulated.path("status").asText())) {
            throw new WalrusException("the transaction would fail, so it was not sent: " + explain(simulated), false);
        }
        JsonNode summary = simulated.at("/gasEffects/gasSummary");
        long computation = summary.path("computationCost").asLong();
        long storage = summary.path("storageCost").asLong();
        long rebate = summary.path("storageRebate").asLong();
        long budget = computation + 1000 * gasPrice + Math.max(0, storage - rebate);
        if (budget > gasBalance) {
            throw new WalrusException(
                    "not enough SUI for gas: the transaction needs a budget of " + budget + " MIST but " + sender
                            + " has " + gasBalance + " MIST in SUI coins",
                    false);
        }
        List<Coin> payment = new ArrayList<>();
        long covered = 0;
        for (Coin c : gas) {
            payment.add(c);
            covered += c.balance();
            if (covered >= budget) {
                break;
            }
        }
        byte[] tx = build(sender, payment, gasPrice, budget, body);
        Digest digest = TransactionData.digestOf(tx);
        String signature = signer.serializedSignature(tx);
        JsonNode data;
        try {
            data = graphql.execute(
                    EXECUTE,
                    Map.of(
                            "transactionDataBcs",
                            Base64.getEncoder().encodeToString(tx),
                            "signatures",
                            List.of(signature)));
        } catch (WalrusException e) {
            if (e.retryable()) {
                throw new WalrusException(
                        e.getMessage() + " (transaction " + digest
                                + " may still land; re-sending the same request is safe)",
                        e,
                        true);
            }
            throw new WalrusException("Sui refused transaction " + digest + ": " + e.getMessage(), e, false);
        }
        JsonNode effects = data.at("/executeTransaction/effects");
        if (!effects.isObject()) {
            throw new BadResponseException("Sui returned no effects for transaction " + digest);
        }
        String returned = effects.path("digest").asText("");
        if (!returned.equals(digest.toString())) {
            throw new BadResponseException(
                    "Sui returned effects for transaction " + returned + " but the transaction sent was " + digest);
        }
        JsonNode gasSummary = effects.at("/gasEffects/gasSummary");
        long gasUsed = gasSummary.path("computationCost").asLong()
                + gasSummary.path("storageCost").asLong()
                - gasSummary.path("storageRebate").asLong();
        if (!"SUCCESS".equals(effects.path("status").asText())) {
            throw new WalrusException(
                    "transaction " + digest + " failed on chain (gas charged: " + gasUsed + " MIST): "
                            + explain(effects),
                    false);
        }
        waitUntilIndexed(digest);
        return new TransactionOutcome(digest.toString(), gasUsed);
    }

    private static byte[] build(
            SuiAddress sender,
            List<Coin> gas,
            long gasPrice,
            long budget,
            Consumer<ProgrammableTransactionBuilder> body) {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();
        body.accept(ptb);
        List<ObjectRef> refs = gas.stream().map(Coin::ref).toList();
        return ptb.build(sender, new GasData(refs, sender, gasPrice, budget), new TransactionExpiration.None())
                .toBcs();
    }

    /** Reads after a mutation go through an indexer that may lag (sui-client.md §4.7): wait until it has the digest. */
    private void waitUntilIndexed(Digest digest) throws WalrusException {
        long deadline = System.nanoTime() + indexWait.toNanos();
        long sleep = 100;
        while (true) {
            JsonNode tx = graphql.execute(WAIT_FOR_TX, Map.of("digest", digest.toString()))
                    .get("transaction");
            if (tx != null && !tx.isNull()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("transaction {} executed but is not indexed after {}; reads may lag", digest, indexWait);
                return;
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WalrusException("interrupted while waiting for transaction " + digest, e, false);
            }
            sleep = Math.min(sleep * 2, 1000);
        }
    }

    /** A failed execution in plain words, with the Move abort location and what the code means for Walrus. */
    static String explain(JsonNode effects) {
        JsonNode error = effects.path("executionError");
        if (error.isMissingNode() || error.isNull()) {
            return "status " + effects.path("status").asText("unknown") + " with no error details";
        }
        String module = error.at("/module/name").asText("");
        String function = error.at("/function/name").asText("");
        JsonNode code = error.get("abortCode");
        String message = error.path("message").asText("");
        if (code == null || code.isNull()) {
            return message;
        }
        long abortCode = code.asLong();
        String meaning = abortMeaning(module, abortCode);
        StringBuilder out = new StringBuilder();
        out.append(meaning != null ? meaning : "Move abort");
        out.append(" (abort code ").append(abortCode);
        if (!module.isEmpty()) {
            out.append(" in ").append(module);
            if (!function.isEmpty()) {
                out.append("::").append(function);
            }
        }
        String identifier = error.path("identifier").asText("");
        if (!identifier.isEmpty()) {
            out.append(", ").append(identifier);
        }
        out.append(")");
        if (!message.isEmpty()) {
            out.append(": ").append(message);
        }
        return out.toString();
    }

    private static @Nullable String abortMeaning(String module, long code) {
        return switch (module + ":" + code) {
            case "blob:0" -> "the blob is not certified yet";
            case "blob:1" -> "the blob is permanent and cannot be deleted";
            case "blob:2" -> "the blob has expired (or its storage does not cover the current epoch)";
            case "blob:8" -> "the blob has no attributes";
            case "system_state_inner:2" -> "the new end epoch is beyond the maximum number of epochs ahead";
            case "system:1" -> "the Walrus package called is not the current one (Walrus was upgraded)";
            case "balance:2" -> "the coin does not hold enough to pay";
            case "vec_map:1" -> "the blob has no such attribute";
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------ JSON

    private static ObjectRef ref(JsonNode node) throws BadResponseException {
        try {
            return new ObjectRef(
                    SuiAddress.parse(node.path("address").asText()),
                    node.path("version").asLong(),
                    Digest.parse(node.path("digest").asText()));
        } catch (IllegalArgumentException e) {
            throw new BadResponseException("an object reference does not parse: " + node, e);
        }
    }

    private static long u64(JsonNode parent, String field) throws BadResponseException {
        return parseU64(parent.path(field), field);
    }

    private static long parseU64(JsonNode value, String what) throws BadResponseException {
        try {
            if (value.isIntegralNumber()) {
                return value.asLong();
            }
            if (value.isTextual()) {
                return Long.parseLong(value.asText());
            }
        } catch (NumberFormatException e) {
            throw new BadResponseException(what + " is not a number: " + value, e);
        }
        throw new BadResponseException(what + " is missing or not a number: " + value);
    }

    private static SuiAddress address(JsonNode parent, String field) throws BadResponseException {
        try {
            return SuiAddress.parse(parent.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new BadResponseException(field + " is not an address: " + parent.path(field), e);
        }
    }

    private static byte[] base64(JsonNode value, String what) throws BadResponseException {
        if (!value.isTextual()) {
            throw new BadResponseException(what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new BadResponseException(what + " is not Base64", e);
        }
    }
}
