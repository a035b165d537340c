package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.Argument;
import dev.walrussync.walrus.sui.CallArg;
import dev.walrussync.walrus.sui.Command;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.FundsWithdrawal;
import dev.walrussync.walrus.sui.ObjectArg;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.SharedObjectRef;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import dev.walrussync.walrus.sui.TransactionExpiration;
import dev.walrussync.walrus.sui.TypeTag;
import dev.walrussync.walrus.sui.WithdrawFrom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks and runs programmable transactions the way a Sui validator does: input checks that reject before
 * execution (versions, digests, owners, shared versions, packages, gas), then the commands one by one against an
 * {@link Execution}, then gas. A failing command makes the transaction a {@code FAILURE} that only charges gas and
 * bumps the versions of its mutable inputs, as on Sui.
 */
final class ProgrammableExecutor {
    static final long MAX_GAS_BUDGET = 50_000_000_000L;
    static final long MAX_GAS_PRICE = 100_000;
    static final long MIN_COMPUTATION_UNITS = 1_000;
    static final int MAX_TX_SIZE = 128 * 1024;
    static final int MAX_INPUTS = 2048;
    static final int MAX_COMMANDS = 1024;
    static final int MAX_GAS_OBJECTS = 256;
    static final SuiAddress MOCK_GAS_ID = SuiAddress.ZERO;

    /** How an input is held. */
    enum Kind {
        PURE,
        OWNED,
        IMMUTABLE,
        SHARED_MUT,
        SHARED_IMM,
        GAS,
        RESULT,
        WITHDRAWAL
    }

    /** How a command uses an argument. */
    private enum Use {
        REF,
        MUT_REF,
        VALUE,
        TRANSFER
    }

    /** A value in an input or result slot. */
    private sealed interface Value permits ObjVal, PureVal, PrimVal, WithdrawVal {}

    /**
     * An object, by ID; its state lives in the {@link Execution}.
     *
     * @param id the object ID
     */
    private record ObjVal(SuiAddress id) implements Value {}

    /**
     * A pure input's BCS bytes, typed only when a command uses them.
     *
     * @param bytes the bytes
     */
    private record PureVal(byte[] bytes) implements Value {}

    /**
     * A typed non-object value a function returned, such as a {@code String}.
     *
     * @param type its type
     * @param bcs its BCS
     * @param text its JSON text, or {@code null}
     */
    private record PrimVal(TypeTag type, byte[] bcs, String text) implements Value {}

    /**
     * A withdrawal from the sender's address balance.
     *
     * @param amount the reserved amount
     * @param coinType the coin type
     */
    private record WithdrawVal(long amount, TypeTag coinType) implements Value {}

    /** An input or result slot: its value ({@code null} once taken) and how the transaction holds it. */
    private static final class Slot {
        Value value;
        final Kind kind;

        Slot(Value value, Kind kind) {
            this.value = value;
            this.kind = kind;
        }
    }

    /** A transaction whose inputs passed the checks, with the objects they refer to. */
    record Checked(TransactionData tx, List<ChainObject> inputObjects, List<ChainObject> gasCoins, boolean mockGas) {}

    private final ChainState state;
    private final ChainConfig config;
    private final ChainTypes types;
    private final WalrusLogic walrus;

    ProgrammableExecutor(ChainState state, ChainConfig config, WalrusLogic walrus) {
        this.state = state;
        this.config = config;
        this.types = walrus.types();
        this.walrus = walrus;
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * Runs Sui's input checks.
     *
     * @param simulate whether this is a dry run (an empty gas payment is then allowed)
     * @param doGasSelection for a dry run with no gas payment: pick the sender's SUI coins instead of a mock coin
     * @throws TransactionRejectedException when a validator would refuse to sign
     */
    Checked check(TransactionData tx, boolean simulate, boolean doGasSelection) throws TransactionRejectedException {
        List<CallArg> inputs = tx.transaction().inputs();
        List<Command> commands = tx.transaction().commands();
        if (inputs.size() > MAX_INPUTS) {
            throw new TransactionRejectedException(
                    SuiErrors.sizeLimitExceeded("maximum inputs in a programmable transaction", "" + MAX_INPUTS));
        }
        if (commands.size() > MAX_COMMANDS) {
            throw new TransactionRejectedException(
                    SuiErrors.sizeLimitExceeded("maximum commands in a programmable transaction", "" + MAX_COMMANDS));
        }
        for (Command command : commands) {
            switch (command) {
                case Command.Publish p ->
                    throw new TransactionRejectedException(SuiErrors.unsupported("Publish on the local chain"));
                case Command.Upgrade u ->
                    throw new TransactionRejectedException(SuiErrors.unsupported("Upgrade on the local chain"));
                case Command.MakeMoveVec v ->
                    throw new TransactionRejectedException(SuiErrors.unsupported("MakeMoveVec on the local chain"));
                case Command.TransferObjects t
                when t.objects().isEmpty() -> throw new TransactionRejectedException(SuiErrors.emptyCommandInput());
                case Command.MergeCoins m
                when m.sources().isEmpty() -> throw new TransactionRejectedException(SuiErrors.emptyCommandInput());
                default -> {}
            }
        }
        checkExpiration(tx.expiration());

        // Duplicate object inputs.
        Set<SuiAddress> seen = new HashSet<>();
        List<ObjectRef> gasRefs = tx.gasData().payment();
        if (gasRefs.size() > MAX_GAS_OBJECTS) {
            throw new TransactionRejectedException(
                    SuiErrors.sizeLimitExceeded("maximum number of gas payment objects", "" + MAX_GAS_OBJECTS));
        }
        Set<ObjectRef> refs = new HashSet<>();
        for (CallArg input : inputs) {
            if (input instanceof CallArg.ObjectInput o) {
                if (o.arg() instanceof ObjectArg.Receiving) {
                    throw new TransactionRejectedException(
                            SuiErrors.unsupported("Receiving object arguments on the local chain"));
                }
                if (o.arg() instanceof ObjectArg.ImmOrOwnedObject owned && !refs.add(owned.ref())) {
                    throw new TransactionRejectedException("The transaction inputs contain duplicated ObjectRef's");
                }
                if (!seen.add(o.arg().objectId())) {
                    throw new TransactionRejectedException(
                            SuiErrors.mutableObjectUsedTwice(o.arg().objectId()));
                }
            } else if (input instanceof CallArg.Withdrawal w
                    && !(w.withdrawal().withdrawFrom() instanceof WithdrawFrom.Sender)) {
                throw new TransactionRejectedException(
                        SuiErrors.unsupported("withdrawals from a sponsor or an allowance on the local chain"));
            }
        }
        for (ObjectRef ref : gasRefs) {
            if (!seen.add(ref.objectId())) {
                throw new TransactionRejectedException(SuiErrors.mutableObjectUsedTwice(ref.objectId()));
            }
        }

        // Load objects at the given versions.
        List<ChainObject> inputObjects = new ArrayList<>();
        for (CallArg input : inputs) {
            if (input instanceof CallArg.ObjectInput o) {
                inputObjects.add(
                        switch (o.arg()) {
                            case ObjectArg.ImmOrOwnedObject owned -> loadOwned(owned.ref());
                            case ObjectArg.SharedObject shared -> loadShared(shared.ref());
                            case ObjectArg.Receiving r -> throw new IllegalStateException("unreachable");
                        });
            } else {
                inputObjects.add(null);
            }
        }
        for (Command command : commands) {
            if (command instanceof Command.MoveCall call) {
                ChainObject pkg = state.liveObject(call.packageId());
                if (pkg == null) {
                    throw new TransactionRejectedException(SuiErrors.dependentPackageNotFound(call.packageId()));
                }
                if (!pkg.isPackage()) {
                    throw new TransactionRejectedException(SuiErrors.objectAsPackage(call.packageId()));
                }
            }
        }
        List<ChainObject> gasCoins = new ArrayList<>();
        for (ObjectRef ref : gasRefs) {
            gasCoins.add(loadOwned(ref));
        }

        // Gas.
        long price = tx.gasData().price();
        long budget = tx.gasData().budget();
        long rgp = state.currentEpoch().referenceGasPrice();
        if (Long.compareUnsigned(price, rgp) < 0) {
            throw new TransactionRejectedException(SuiErrors.gasPriceUnderRgp(price, rgp));
        }
        if (Long.compareUnsigned(price, MAX_GAS_PRICE) >= 0) {
            throw new TransactionRejectedException(SuiErrors.gasPriceTooHigh(MAX_GAS_PRICE));
        }
        if (Long.compareUnsigned(budget, MAX_GAS_BUDGET) > 0) {
            throw new TransactionRejectedException(SuiErrors.gasBudgetTooHigh(budget, MAX_GAS_BUDGET));
        }
        long minBudget = MIN_COMPUTATION_UNITS * price;
        if (Long.compareUnsigned(budget, minBudget) < 0) {
            throw new TransactionRejectedException(SuiErrors.gasBudgetTooLow(budget, minBudget));
        }
        boolean mockGas = false;
        if (gasCoins.isEmpty()) {
            if (!simulate) {
                throw new TransactionRejectedException(SuiErrors.missingGas());
            }
            if (doGasSelection) {
                gasCoins = selectGas(tx.gasData().owner(), budget, seen);
            } else {
                mockGas = true;
            }
        }
        long total = 0;
        for (ChainObject coin : gasCoins) {
            if (!ChainTypes.isCoin(coin.type())
                    || !ChainTypes.coinTypeOf(coin.type()).equals(ChainTypes.SUI)) {
                throw new TransactionRejectedException(SuiErrors.invalidGasObject(coin.id()));
            }
            if (!(coin.owner() instanceof Owner.AddressOwner)) {
                throw new TransactionRejectedException(SuiErrors.gasObjectNotOwned(coin.owner()));
            }
            total = saturatingAdd(total, ((CoinData) coin.data()).balance());
        }
        if (!mockGas && Long.compareUnsigned(total, budget) < 0) {
            throw new TransactionRejectedException(SuiErrors.gasBalanceTooLow(total, budget));
        }

        // Digests and owners.
        int objectIndex = 0;
        for (CallArg input : inputs) {
            ChainObject object = inputObjects.get(objectIndex++);
            if (input instanceof CallArg.ObjectInput o) {
                switch (o.arg()) {
                    case ObjectArg.ImmOrOwnedObject owned -> checkOwned(owned.ref(), object, tx.sender());
                    case ObjectArg.SharedObject shared -> checkShared(shared.ref(), object);
                    case ObjectArg.Receiving r -> throw new IllegalStateException("unreachable");
                }
            }
        }
        if (!gasRefs.isEmpty()) {
            for (int i = 0; i < gasRefs.size(); i++) {
                checkOwned(gasRefs.get(i), gasCoins.get(i), tx.gasData().owner());
            }
        }
        return new Checked(tx, inputObjects, gasCoins, mockGas);
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return Long.compareUnsigned(sum, a) < 0 ? -1L : sum;
    }

    private void checkExpiration(TransactionExpiration expiration) throws TransactionRejectedException {
        long epoch = state.currentEpoch().epochId();
        switch (expiration) {
            case TransactionExpiration.None n -> {}
            case TransactionExpiration.Epoch e -> {
                if (Long.compareUnsigned(epoch, e.epoch()) > 0) {
                    throw new TransactionRejectedException(SuiErrors.transactionExpired());
                }
            }
            case TransactionExpiration.ValidDuring v -> checkRange(epoch, v.minEpoch(), v.maxEpoch());
            case TransactionExpiration.Validity v -> checkRange(epoch, v.minEpoch(), v.maxEpoch());
        }
    }

    private static void checkRange(long epoch, Optional<Long> min, Optional<Long> max)
            throws TransactionRejectedException {
        if (min.isPresent() && Long.compareUnsigned(epoch, min.get()) < 0) {
            throw new TransactionRejectedException(SuiErrors.transactionExpired());
        }
        if (max.isPresent() && Long.compareUnsigned(epoch, max.get()) > 0) {
            throw new TransactionRejectedException(SuiErrors.transactionExpired());
        }
    }

    private List<ChainObject> selectGas(SuiAddress owner, long budget, Set<SuiAddress> exclude)
            throws TransactionRejectedException {
        List<ChainObject> coins = new ArrayList<>();
        for (ChainObject object : state.live.values()) {
            if (owner.equals(object.owner().addressOwner())
                    && ChainTypes.isCoin(object.type())
                    && ChainTypes.coinTypeOf(object.type()).equals(ChainTypes.SUI)
                    && !exclude.contains(object.id())) {
                coins.add(object);
            }
        }
        coins.sort(Comparator.comparingLong((ChainObject c) -> ((CoinData) c.data()).balance())
                .reversed());
        List<ChainObject> chosen = new ArrayList<>();
        long total = 0;
        for (ChainObject coin : coins) {
            if (Long.compareUnsigned(total, budget) >= 0 || chosen.size() == MAX_GAS_OBJECTS) {
                break;
            }
            chosen.add(coin);
            total = saturatingAdd(total, ((CoinData) coin.data()).balance());
        }
        if (Long.compareUnsigned(total, budget) < 0) {
            throw new TransactionRejectedException(SuiErrors.gasBalanceTooLow(total, budget));
        }
        return chosen;
    }

    private ChainObject loadOwned(ObjectRef ref) throws TransactionRejectedException {
        ChainObject live = state.liveObject(ref.objectId());
        if (live == null) {
            if (state.everExisted(ref.objectId())) {
                throw new TransactionRejectedException(SuiErrors.objectDeleted(ref));
            }
            throw new TransactionRejectedException(SuiErrors.objectNotFound(ref.objectId(), ref.version()));
        }
        if (live.isPackage()) {
            throw new TransactionRejectedException(SuiErrors.packageAsObject(ref.objectId()));
        }
        if (live.version() != ref.version()) {
            throw new TransactionRejectedException(SuiErrors.versionUnavailable(ref, live.version()));
        }
        return live;
    }

    private ChainObject loadShared(SharedObjectRef ref) throws TransactionRejectedException {
        ChainObject live = state.liveObject(ref.objectId());
        if (live == null) {
            throw new TransactionRejectedException(SuiErrors.objectNotFound(ref.objectId(), null));
        }
        if (live.isPackage()) {
            throw new TransactionRejectedException(SuiErrors.packageAsObject(ref.objectId()));
        }
        return live;
    }

    private static void checkOwned(ObjectRef ref, ChainObject object, SuiAddress expectedOwner)
            throws TransactionRejectedException {
        if (!object.digest().equals(ref.digest())) {
            throw new TransactionRejectedException(SuiErrors.invalidDigest(ref.objectId(), object.digest()));
        }
        switch (object.owner()) {
            case Owner.Immutable i -> {}
            case Owner.AddressOwner a -> {
                if (!a.address().equals(expectedOwner)) {
                    throw new TransactionRejectedException(
                            SuiErrors.incorrectSigner(ref.objectId(), a.address(), expectedOwner));
                }
            }
            case Owner.ObjectOwner o ->
                throw new TransactionRejectedException(SuiErrors.childObjectArgument(object.id(), o.parent()));
            case Owner.Shared s -> throw new TransactionRejectedException(SuiErrors.notShared());
        }
    }

    private static void checkShared(SharedObjectRef ref, ChainObject object) throws TransactionRejectedException {
        if (!(object.owner() instanceof Owner.Shared shared)) {
            throw new TransactionRejectedException(SuiErrors.notShared());
        }
        if (shared.initialSharedVersion() != ref.initialSharedVersion()) {
            throw new TransactionRejectedException(SuiErrors.sharedVersionMismatch());
        }
    }

    // --------------------------------------------------------------------------------------------- execution

    /** The outcome of running a checked transaction: the commit to apply and each command's return values. */
    record Outcome(Commit commit, List<List<ReturnValue>> outputs) {}

    /** Runs a checked transaction; Move failures become a {@code FAILURE} commit, never an exception. */
    Outcome run(
            Checked checked, Digest digest, byte[] txBcs, List<String> signatures, long checkpoint, long timestampMs) {
        Run run = new Run(checked, digest);
        try {
            run.prepare();
            run.commands();
            run.checkUnused();
            Commit commit = run.finishSuccess(txBcs, signatures, checkpoint, timestampMs);
            if (commit != null) {
                return new Outcome(commit, run.outputs);
            }
            ExecutionFailure outOfGas = new ExecutionFailure("InsufficientGas", "Insufficient Gas.", -1, null);
            return new Outcome(
                    failure(checked, digest, outOfGas, txBcs, signatures, checkpoint, timestampMs), List.of());
        } catch (ExecutionAbort abort) {
            ExecutionFailure failure = run.currentCommand >= 0 ? abort.inCommand(run.currentCommand) : abort.failure();
            return new Outcome(
                    failure(checked, digest, failure, txBcs, signatures, checkpoint, timestampMs), List.of());
        }
    }

    private Commit failure(
            Checked checked,
            Digest digest,
            ExecutionFailure failure,
            byte[] txBcs,
            List<String> signatures,
            long checkpoint,
            long timestampMs) {
        Run run = new Run(checked, digest);
        run.prepareForFailure();
        return run.finish(failure, txBcs, signatures, checkpoint, timestampMs, true);
    }

    /** The state of one run of a transaction's commands. */
    private final class Run {
        final Checked checked;
        final TransactionData tx;
        final Execution ex;
        final List<Slot> inputs = new ArrayList<>();
        final List<List<Slot>> results = new ArrayList<>();
        final List<List<ReturnValue>> outputs = new ArrayList<>();
        Slot gasSlot;
        Execution.Working gasCoin;
        int currentCommand = -1;

        Run(Checked checked, Digest digest) {
            this.checked = checked;
            this.tx = checked.tx();
            this.ex = new Execution(state, digest, tx.sender());
        }

        private void loadGas() {
            if (checked.mockGas()) {
                CoinData coin = new CoinData(MOCK_GAS_ID, tx.gasData().budget());
                ChainObject mock = ChainObject.create(
                        0,
                        new Owner.AddressOwner(tx.gasData().owner()),
                        ChainTypes.coin(ChainTypes.SUI),
                        coin,
                        ex.digest(),
                        0);
                gasCoin = ex.inject(mock);
            } else {
                List<ChainObject> coins = checked.gasCoins();
                gasCoin = ex.loadForWrite(coins.getFirst().id());
                long total = ((CoinData) gasCoin.data).balance();
                for (ChainObject other : coins.subList(1, coins.size())) {
                    Execution.Working w = ex.loadForWrite(other.id());
                    total += ((CoinData) w.data).balance();
                    ex.delete(w);
                }
                gasCoin.data = ((CoinData) gasCoin.data).withBalance(total);
            }
        }

        void prepareForFailure() {
            loadGas();
            int i = 0;
            for (CallArg input : tx.transaction().inputs()) {
                ChainObject object = checked.inputObjects().get(i++);
                if (input instanceof CallArg.ObjectInput o) {
                    boolean mutable = switch (o.arg()) {
                        case ObjectArg.ImmOrOwnedObject owned -> !(object.owner() instanceof Owner.Immutable);
                        case ObjectArg.SharedObject shared -> shared.ref().mutable();
                        case ObjectArg.Receiving r -> false;
                    };
                    if (mutable) {
                        ex.loadForWrite(object.id());
                    } else {
                        ex.load(object.id());
                    }
                }
            }
        }

        void prepare() {
            loadGas();
            long budget = tx.gasData().budget();
            CoinData gas = (CoinData) gasCoin.data;
            gasCoin.data = gas.withBalance(gas.balance() - budget); // the budget is reserved while commands run
            gasSlot = new Slot(new ObjVal(gasCoin.id), Kind.GAS);
            Map<TypeTag, Long> withdrawals = new HashMap<>();
            int i = 0;
            for (CallArg input : tx.transaction().inputs()) {
                ChainObject object = checked.inputObjects().get(i++);
                switch (input) {
                    case CallArg.Pure p -> inputs.add(new Slot(new PureVal(p.bytes()), Kind.PURE));
                    case CallArg.ObjectInput o -> {
                        switch (o.arg()) {
                            case ObjectArg.ImmOrOwnedObject owned -> {
                                if (object.owner() instanceof Owner.Immutable) {
                                    ex.load(object.id());
                                    inputs.add(new Slot(new ObjVal(object.id()), Kind.IMMUTABLE));
                                } else {
                                    ex.loadForWrite(object.id());
                                    inputs.add(new Slot(new ObjVal(object.id()), Kind.OWNED));
                                }
                            }
                            case ObjectArg.SharedObject shared -> {
                                if (shared.ref().mutable()) {
                                    ex.loadForWrite(object.id());
                                    inputs.add(new Slot(new ObjVal(object.id()), Kind.SHARED_MUT));
                                } else {
                                    ex.load(object.id());
                                    inputs.add(new Slot(new ObjVal(object.id()), Kind.SHARED_IMM));
                                }
                            }
                            case ObjectArg.Receiving r -> throw new IllegalStateException("unreachable");
                        }
                    }
                    case CallArg.Withdrawal w -> {
                        FundsWithdrawal fw = w.withdrawal();
                        withdrawals.merge(fw.balanceType(), fw.maxAmount(), ProgrammableExecutor::saturatingAdd);
                        inputs.add(new Slot(new WithdrawVal(fw.maxAmount(), fw.balanceType()), Kind.WITHDRAWAL));
                    }
                }
            }
            for (Map.Entry<TypeTag, Long> e : withdrawals.entrySet()) {
                if (Long.compareUnsigned(ex.senderBalance(e.getKey()), e.getValue()) < 0) {
                    throw ExecutionAbort.of(
                            "InsufficientFundsForWithdraw", "Insufficient funds for funds accumulator withdrawal");
                }
            }
        }

        void commands() {
            List<Command> commands = tx.transaction().commands();
            for (int i = 0; i < commands.size(); i++) {
                currentCommand = i;
                List<Slot> result = switch (commands.get(i)) {
                    case Command.SplitCoins s -> splitCoins(s);
                    case Command.MergeCoins m -> mergeCoins(m);
                    case Command.TransferObjects t -> transferObjects(t);
                    case Command.MoveCall c -> moveCall(c);
                    default ->
                        throw ExecutionAbort.of(
                                "FeatureNotYetSupported", "Attempted to used feature that is not supported yet");
                };
                results.add(result);
                outputs.add(describe(result));
            }
            currentCommand = -1;
        }

        void checkUnused() {
            for (int r = 0; r < results.size(); r++) {
                List<Slot> result = results.get(r);
                for (int s = 0; s < result.size(); s++) {
                    if (result.get(s).value instanceof ObjVal) {
                        throw ExecutionAbort.of(
                                "UnusedValueWithoutDrop",
                                "Unused result without the drop ability. Command result " + r + ", return value " + s);
                    }
                }
            }
        }

        private List<ReturnValue> describe(List<Slot> result) {
            List<ReturnValue> out = new ArrayList<>();
            for (Slot slot : result) {
                switch (slot.value) {
                    case ObjVal o -> {
                        Execution.Working w = ex.load(o.id());
                        if (w != null) {
                            out.add(new ReturnValue(w.type.toTypeTag(), w.data.toBcs(), w.data.toJson()));
                        }
                    }
                    case PrimVal p ->
                        out.add(new ReturnValue(
                                p.type(),
                                p.bcs(),
                                p.text() == null ? JsonNodeFactory.instance.nullNode() : new TextNode(p.text())));
                    case null, default -> {}
                }
            }
            return out;
        }

        /** Commits with gas charged, or returns {@code null} when the budget does not cover the charges. */
        Commit finishSuccess(byte[] txBcs, List<String> signatures, long checkpoint, long timestampMs) {
            return finish(null, txBcs, signatures, checkpoint, timestampMs, false);
        }

        Commit finish(
                ExecutionFailure failure,
                byte[] txBcs,
                List<String> signatures,
                long checkpoint,
                long timestampMs,
                boolean capAtBudget) {
            long version = ex.lamportVersion(0);
            long price = tx.gasData().price();
            long budget = tx.gasData().budget();
            long computation = MIN_COMPUTATION_UNITS * price;
            long[] storage = ex.storageSummary(version);
            long charge = computation + storage[0] - storage[1];
            // Sui (gas_v2 charge_storage_and_rebate): only the storage cost net of the sender's rebate must fit in
            // what the budget leaves after computation.
            long netStorage = Math.max(0, storage[0] - storage[1]);
            if (Long.compareUnsigned(computation + netStorage, budget) > 0) {
                if (!capAtBudget) {
                    return null;
                }
                charge = budget - storage[1];
            }
            CoinData gas = (CoinData) gasCoin.data;
            long before = failure == null ? gas.balance() + budget : gas.balance();
            gasCoin.data = gas.withBalance(before - charge);
            GasSummary summary = new GasSummary(computation, storage[0], storage[1], storage[2]);
            return ex.finish(
                    version,
                    TransactionRecord.Kind.PROGRAMMABLE,
                    txBcs,
                    signatures,
                    failure,
                    state.currentEpoch().epochId(),
                    summary,
                    gasCoin.id,
                    checkpoint,
                    timestampMs,
                    null);
        }

        // -------------------------------------------------------------------------------- argument access

        private Slot slot(int argIdx, Argument argument) {
            return switch (argument) {
                case Argument.GasCoin g -> gasSlot;
                case Argument.Input in -> {
                    if (in.index() >= inputs.size()) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.indexOutOfBounds(in.index()));
                    }
                    yield inputs.get(in.index());
                }
                case Argument.Result r -> {
                    if (r.index() >= results.size()) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.indexOutOfBounds(r.index()));
                    }
                    List<Slot> result = results.get(r.index());
                    if (result.size() != 1) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.invalidResultArity(r.index()));
                    }
                    yield result.getFirst();
                }
                case Argument.NestedResult n -> {
                    if (n.commandIndex() >= results.size()) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.indexOutOfBounds(n.commandIndex()));
                    }
                    List<Slot> result = results.get(n.commandIndex());
                    if (n.resultIndex() >= result.size()) {
                        throw ExecutionAbort.argument(
                                argIdx, SuiErrors.secondaryIndexOutOfBounds(n.commandIndex(), n.resultIndex()));
                    }
                    yield result.get(n.resultIndex());
                }
            };
        }

        private Execution.Working object(int argIdx, Argument argument, Use use, Predicate<StructTag> accepts) {
            Slot slot = slot(argIdx, argument);
            if (slot.value == null) {
                throw ExecutionAbort.argument(argIdx, SuiErrors.ARGUMENT_WITHOUT_VALUE);
            }
            if (!(slot.value instanceof ObjVal o)) {
                throw ExecutionAbort.argument(argIdx, SuiErrors.TYPE_MISMATCH);
            }
            Execution.Working w = ex.load(o.id());
            if (w == null) {
                throw ExecutionAbort.argument(argIdx, SuiErrors.ARGUMENT_WITHOUT_VALUE);
            }
            if (!accepts.test(w.type)) {
                throw ExecutionAbort.argument(
                        argIdx, use == Use.TRANSFER ? SuiErrors.INVALID_TRANSFER_OBJECT : SuiErrors.TYPE_MISMATCH);
            }
            switch (slot.kind) {
                case IMMUTABLE, SHARED_IMM -> {
                    if (use == Use.MUT_REF) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.INVALID_OBJECT_BY_MUT_REF);
                    }
                    if (use == Use.VALUE || use == Use.TRANSFER) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.INVALID_OBJECT_BY_VALUE);
                    }
                }
                case SHARED_MUT -> {
                    if (use == Use.VALUE || use == Use.TRANSFER) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.SHARED_OBJECT_OPERATION);
                    }
                }
                case GAS -> {
                    if (use == Use.VALUE) {
                        throw ExecutionAbort.argument(argIdx, SuiErrors.INVALID_GAS_COIN_USAGE);
                    }
                }
                default -> {}
            }
            if (use == Use.VALUE || use == Use.TRANSFER) {
                slot.value = null;
            }
            return w;
        }

        private byte[] pure(int argIdx, Argument argument, TypeTag type) {
            Slot slot = slot(argIdx, argument);
            if (slot.value == null) {
                throw ExecutionAbort.argument(argIdx, SuiErrors.ARGUMENT_WITHOUT_VALUE);
            }
            if (slot.value instanceof PrimVal p) {
                if (!p.type().equals(type)) {
                    throw ExecutionAbort.argument(argIdx, SuiErrors.TYPE_MISMATCH);
                }
                return p.bcs();
            }
            if (!(slot.value instanceof PureVal p)) {
                throw ExecutionAbort.argument(argIdx, SuiErrors.TYPE_MISMATCH);
            }
            byte[] bytes = p.bytes();
            try {
                BcsReader.decode(bytes, r -> {
                    if (type == TypeTag.Primitive.U32) {
                        return r.u32();
                    } else if (type == TypeTag.Primitive.U64) {
                        return r.u64();
                    } else if (type == TypeTag.Primitive.ADDRESS) {
                        return SuiAddress.readFrom(r);
                    } else if (isString(type)) {
                        return r.string();
                    }
                    throw new BcsException("unsupported pure type " + type);
                });
            } catch (BcsException e) {
                throw ExecutionAbort.argument(argIdx, SuiErrors.INVALID_BCS);
            }
            return bytes;
        }

        private long u64(int argIdx, Argument argument) {
            return BcsReader.decode(pure(argIdx, argument, TypeTag.Primitive.U64), BcsReader::u64);
        }

        private long u32(int argIdx, Argument argument) {
            return BcsReader.decode(pure(argIdx, argument, TypeTag.Primitive.U32), BcsReader::u32);
        }

        private SuiAddress address(int argIdx, Argument argument) {
            return BcsReader.decode(pure(argIdx, argument, TypeTag.Primitive.ADDRESS), SuiAddress::readFrom);
        }

        private String string(int argIdx, Argument argument) {
            return BcsReader.decode(pure(argIdx, argument, STRING), BcsReader::string);
        }

        private Slot result(Execution.Working w) {
            return new Slot(new ObjVal(w.id), Kind.RESULT);
        }

        private Slot stringResult(String value) {
            return new Slot(new PrimVal(STRING, new BcsWriter().string(value).toByteArray(), value), Kind.RESULT);
        }

        // ------------------------------------------------------------------------------------------- commands

        private List<Slot> splitCoins(Command.SplitCoins split) {
            Execution.Working coin = object(0, split.coin(), Use.MUT_REF, ChainTypes::isCoin);
            List<Long> amounts = new ArrayList<>();
            long total = 0;
            for (int j = 0; j < split.amounts().size(); j++) {
                long amount = u64(j + 1, split.amounts().get(j));
                amounts.add(amount);
                total = saturatingAdd(total, amount);
            }
            CoinData data = (CoinData) coin.data;
            if (total == -1L || Long.compareUnsigned(data.balance(), total) < 0) {
                throw ExecutionAbort.of("InsufficientCoinBalance", "Insufficient coin balance for operation.");
            }
            coin.data = data.withBalance(data.balance() - total);
            List<Slot> out = new ArrayList<>();
            for (long amount : amounts) {
                Execution.Working created =
                        ex.create(coin.type, new CoinData(ex.freshId(), amount), new Owner.Immutable());
                out.add(result(created));
            }
            return out;
        }

        private List<Slot> mergeCoins(Command.MergeCoins merge) {
            Execution.Working destination = object(0, merge.destination(), Use.MUT_REF, ChainTypes::isCoin);
            for (int j = 0; j < merge.sources().size(); j++) {
                Slot slot = slot(j + 1, merge.sources().get(j));
                if (slot.value instanceof ObjVal o && o.id().equals(destination.id)) {
                    throw ExecutionAbort.argument(j + 1, SuiErrors.INVALID_VALUE_USAGE);
                }
                Execution.Working source =
                        object(j + 1, merge.sources().get(j), Use.VALUE, t -> t.equals(destination.type));
                long sum = ((CoinData) destination.data).balance() + ((CoinData) source.data).balance();
                if (Long.compareUnsigned(sum, ((CoinData) destination.data).balance()) < 0) {
                    throw ExecutionAbort.of("CoinBalanceOverflow", "The coin balance overflows u64");
                }
                destination.data = ((CoinData) destination.data).withBalance(sum);
                ex.delete(source);
            }
            return List.of();
        }

        private List<Slot> transferObjects(Command.TransferObjects transfer) {
            List<Execution.Working> objects = new ArrayList<>();
            for (int j = 0; j < transfer.objects().size(); j++) {
                objects.add(object(j, transfer.objects().get(j), Use.TRANSFER, this::hasPublicTransfer));
            }
            SuiAddress recipient = address(transfer.objects().size(), transfer.address());
            for (Execution.Working w : objects) {
                w.owner = new Owner.AddressOwner(recipient);
            }
            return List.of();
        }

        private boolean hasPublicTransfer(StructTag type) {
            return ChainTypes.isCoin(type) || type.equals(types.blob()) || type.equals(types.storage());
        }

        private List<Slot> moveCall(Command.MoveCall call) {
            SuiAddress pkg = call.packageId();
            String function = call.module() + "::" + call.function();
            if (pkg.equals(config.walrusPackageId()) || pkg.equals(config.walrusOriginalPackageId())) {
                switch (function) {
                    case "system::extend_blob" -> {
                        arity(call, 0, 4);
                        Execution.Working system = object(0, arg(call, 0), Use.MUT_REF, types.system()::equals);
                        Execution.Working blob = object(1, arg(call, 1), Use.MUT_REF, types.blob()::equals);
                        long epochs = u32(2, arg(call, 2));
                        StructTag walCoin = ChainTypes.coin(types.wal());
                        Execution.Working payment = object(3, arg(call, 3), Use.MUT_REF, walCoin::equals);
                        walrus.extendBlob(ex, pkg, system, blob, epochs, payment);
                        return List.of();
                    }
                    case "system::delete_blob" -> {
                        arity(call, 0, 2);
                        Execution.Working system = object(0, arg(call, 0), Use.REF, types.system()::equals);
                        Execution.Working blob = object(1, arg(call, 1), Use.VALUE, types.blob()::equals);
                        return List.of(result(walrus.deleteBlob(ex, pkg, system, blob)));
                    }
                    case "blob::insert_or_update_metadata_pair" -> {
                        arity(call, 0, 3);
                        Execution.Working blob = object(0, arg(call, 0), Use.MUT_REF, types.blob()::equals);
                        String key = string(1, arg(call, 1));
                        String value = string(2, arg(call, 2));
                        walrus.insertOrUpdateMetadata(ex, blob, key, value);
                        return List.of();
                    }
                    case "blob::remove_metadata_pair" -> {
                        arity(call, 0, 2);
                        Execution.Working blob = object(0, arg(call, 0), Use.MUT_REF, types.blob()::equals);
                        String key = string(1, arg(call, 1));
                        String value = walrus.removeMetadata(ex, pkg, blob, key);
                        return List.of(stringResult(key), stringResult(value));
                    }
                    case "blob::remove_metadata_pair_if_exists" -> {
                        arity(call, 0, 2);
                        Execution.Working blob = object(0, arg(call, 0), Use.MUT_REF, types.blob()::equals);
                        String key = string(1, arg(call, 1));
                        String value = walrus.removeMetadataIfExists(ex, blob, key);
                        BcsWriter bcs = new BcsWriter();
                        bcs.option(Optional.ofNullable(value), BcsWriter::string);
                        TypeTag option =
                                new StructTag(SuiAddress.MOVE_STDLIB, "option", "Option", List.of(STRING)).toTypeTag();
                        return List.of(new Slot(new PrimVal(option, bcs.toByteArray(), value), Kind.RESULT));
                    }
                    case "blob::burn" -> {
                        arity(call, 0, 1);
                        Execution.Working blob = object(0, arg(call, 0), Use.VALUE, types.blob()::equals);
                        walrus.burnBlob(ex, blob);
                        return List.of();
                    }
                    default -> {}
                }
            } else if (pkg.equals(SuiAddress.SUI_FRAMEWORK)) {
                switch (function) {
                    case "coin::redeem_funds" -> {
                        arity(call, 1, 1);
                        TypeTag coinType = call.typeArguments().getFirst();
                        Slot slot = slot(0, arg(call, 0));
                        if (slot.value == null) {
                            throw ExecutionAbort.argument(0, SuiErrors.ARGUMENT_WITHOUT_VALUE);
                        }
                        if (!(slot.value instanceof WithdrawVal w)
                                || !w.coinType().equals(coinType)) {
                            throw ExecutionAbort.argument(0, SuiErrors.TYPE_MISMATCH);
                        }
                        slot.value = null;
                        long balance = ex.senderBalance(coinType);
                        if (Long.compareUnsigned(balance, w.amount()) < 0) {
                            throw ExecutionAbort.of(
                                    "InsufficientFundsForWithdraw",
                                    "Insufficient funds for funds accumulator withdrawal");
                        }
                        ex.setSenderBalance(coinType, balance - w.amount());
                        Execution.Working coin = ex.create(
                                ChainTypes.coin(coinType),
                                new CoinData(ex.freshId(), w.amount()),
                                new Owner.Immutable());
                        return List.of(result(coin));
                    }
                    case "transfer::public_transfer" -> {
                        arity(call, 1, 2);
                        TypeTag type = call.typeArguments().getFirst();
                        Execution.Working object = object(
                                0,
                                arg(call, 0),
                                Use.TRANSFER,
                                t -> t.toTypeTag().equals(type));
                        if (!hasPublicTransfer(object.type)) {
                            throw ExecutionAbort.of(
                                    "TypeArgumentError",
                                    "Error for type argument at index 0: A type provided did not match the specified"
                                            + " constraints.");
                        }
                        object.owner = new Owner.AddressOwner(address(1, arg(call, 1)));
                        return List.of();
                    }
                    default -> {}
                }
            }
            throw ExecutionAbort.of("FunctionNotFound", "Function Not Found.");
        }

        private Argument arg(Command.MoveCall call, int index) {
            return call.arguments().get(index);
        }

        private void arity(Command.MoveCall call, int typeArguments, int arguments) {
            if (call.typeArguments().size() != typeArguments) {
                throw ExecutionAbort.of(
                        "TypeArityMismatch",
                        "Type arity mismatch for Move function. Mismatch between the number of actual versus"
                                + " expected type arguments.");
            }
            if (call.arguments().size() != arguments) {
                throw ExecutionAbort.of(
                        "ArityMismatch",
                        "Arity mismatch for Move function. The number of arguments does not match the number of"
                                + " parameters");
            }
        }
    }

    static final TypeTag STRING =
            StructTag.of(SuiAddress.MOVE_STDLIB, "string", "String").toTypeTag();

    private static boolean isString(TypeTag type) {
        return type.equals(STRING);
    }
}
