package dev.walrussync.localnet.chain.graphql;

import dev.walrussync.localnet.chain.ChainEvent;
import dev.walrussync.localnet.chain.ExecutedTransaction;
import dev.walrussync.localnet.chain.ExecutionFailure;
import dev.walrussync.localnet.chain.GasSummary;
import dev.walrussync.localnet.chain.MoveAbortLocation;
import dev.walrussync.localnet.chain.ObjectChange;
import dev.walrussync.localnet.chain.ReturnValue;
import dev.walrussync.localnet.chain.TransactionEffects;
import dev.walrussync.localnet.chain.TransactionRecord;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.Blake2b256;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.GasData;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import graphql.schema.DataFetchingEnvironment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** GraphQL views of transactions, effects, execution errors, object changes, events and simulation results. */
final class TransactionViews {
    private TransactionViews() {}

    /** A {@code Transaction}. */
    static final class TransactionView {
        private final Gql gql;
        private final TransactionRecord record;

        TransactionView(Gql gql, TransactionRecord record) {
            this.gql = gql;
            this.record = record;
        }

        public String digest() {
            return record.digest().toString();
        }

        public EffectsView effects() {
            return new EffectsView(gql, record);
        }

        public ChainViews.AddressView sender() {
            return new ChainViews.AddressView(gql, record.sender());
        }

        public byte[] transactionBcs() {
            return record.transactionBcs();
        }

        public List<UserSignatureView> signatures() {
            return record.signatures().stream()
                    .map(s -> new UserSignatureView(Base64.getDecoder().decode(s)))
                    .toList();
        }

        public GasInputView gasInput() {
            byte[] bcs = record.transactionBcs();
            return bcs == null
                    ? null
                    : new GasInputView(gql, TransactionData.fromBcs(bcs).gasData());
        }
    }

    /**
     * A {@code UserSignature}.
     *
     * @param signatureBytes {@code flag ‖ signature ‖ public key}
     */
    record UserSignatureView(byte[] signatureBytes) {}

    /** A {@code GasInput}. */
    static final class GasInputView {
        private final Gql gql;
        private final GasData gas;

        GasInputView(Gql gql, GasData gas) {
            this.gql = gql;
            this.gas = gas;
        }

        public BigInteger gasBudget() {
            return new BigInteger(Long.toUnsignedString(gas.budget()));
        }

        public BigInteger gasPrice() {
            return new BigInteger(Long.toUnsignedString(gas.price()));
        }

        public ChainViews.AddressView gasSponsor() {
            return new ChainViews.AddressView(gql, gas.owner());
        }

        public Connections.Connection<ObjectViews.ObjectView> gasPayment(DataFetchingEnvironment env) {
            List<ObjectViews.ObjectView> coins = new ArrayList<>();
            List<ObjectRef> payment = gas.payment();
            for (int i = 0; i < payment.size(); i++) {
                ObjectRef ref = payment.get(i);
                gql.chain()
                        .object(ref.objectId(), ref.version())
                        .ifPresent(o -> coins.add(new ObjectViews.ObjectView(gql, o)));
            }
            List<ObjectViews.ObjectView> indexed = coins;
            return Connections.page(
                    indexed,
                    o -> Connections.indexKey(indexed.indexOf(o)),
                    env.getArgument("first"),
                    env.getArgument("after"),
                    env.getArgument("last"),
                    env.getArgument("before"),
                    Connections.DEFAULT_PAGE_SIZE,
                    Connections.MAX_PAGE_SIZE);
        }
    }

    /** {@code TransactionEffects}. */
    static final class EffectsView {
        private final Gql gql;
        private final TransactionRecord record;
        private final TransactionEffects effects;

        EffectsView(Gql gql, TransactionRecord record) {
            this.gql = gql;
            this.record = record;
            this.effects = record.effects();
        }

        public String digest() {
            return record.digest().toString();
        }

        public String status() {
            return effects.isSuccess() ? "SUCCESS" : "FAILURE";
        }

        public Long lamportVersion() {
            return effects.lamportVersion();
        }

        public ExecutionErrorView executionError() {
            return effects.failure() == null ? null : new ExecutionErrorView(gql, effects.failure());
        }

        public GasEffectsView gasEffects() {
            return new GasEffectsView(gql, effects);
        }

        public Connections.Connection<ObjectChangeView> objectChanges(DataFetchingEnvironment env) {
            List<ObjectChange> changes = effects.changes();
            List<ObjectChangeView> views = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                views.add(new ObjectChangeView(gql, changes.get(i), i));
            }
            return Connections.page(
                    views,
                    v -> Connections.indexKey(v.index),
                    env.getArgument("first"),
                    env.getArgument("after"),
                    env.getArgument("last"),
                    env.getArgument("before"),
                    Connections.DEFAULT_PAGE_SIZE,
                    Connections.MAX_OBJECT_CHANGES_PAGE_SIZE);
        }

        public Connections.Connection<EventView> events(DataFetchingEnvironment env) {
            List<EventView> events = effects.events().stream()
                    .map(e -> new EventView(gql, record, e))
                    .toList();
            return Connections.page(
                    events,
                    e -> Connections.indexKey((int) e.event.id().eventSeq()),
                    env.getArgument("first"),
                    env.getArgument("after"),
                    env.getArgument("last"),
                    env.getArgument("before"),
                    Connections.DEFAULT_PAGE_SIZE,
                    Connections.MAX_PAGE_SIZE);
        }

        /**
         * A local encoding of these effects (status, Lamport version, gas, changed objects, event count), not Sui's
         * {@code TransactionEffects} BCS layout.
         */
        public byte[] effectsBcs() {
            BcsWriter writer = new BcsWriter();
            writer.variant(effects.isSuccess() ? 0 : 1);
            writer.u64(effects.epoch());
            GasSummary gas = effects.gas();
            writer.u64(gas.computationCost()).u64(gas.storageCost()).u64(gas.storageRebate());
            writer.u64(gas.nonRefundableStorageFee());
            record.digest().writeTo(writer);
            writer.u64(effects.lamportVersion());
            writer.vector(effects.changes(), (w, c) -> {
                c.id().writeTo(w);
                w.option(Optional.ofNullable(c.inputDigest()), (x, d) -> d.writeTo(x));
                w.option(Optional.ofNullable(c.outputDigest()), (x, d) -> d.writeTo(x));
                w.bool(c.idCreated()).bool(c.idDeleted());
            });
            writer.u64(effects.events().size());
            return writer.toByteArray();
        }

        public String effectsDigest() {
            return Digest.fromBytes(
                            Blake2b256.hash("TransactionEffects::".getBytes(StandardCharsets.US_ASCII), effectsBcs()))
                    .toString();
        }

        public ChainViews.CheckpointView checkpoint() {
            return gql.executionScope() ? null : new ChainViews.CheckpointView(gql, record);
        }

        public Instant timestamp() {
            return gql.executionScope() ? null : Instant.ofEpochMilli(record.timestampMs());
        }

        public ChainViews.EpochView epoch() {
            return gql.chain()
                    .epoch(effects.epoch())
                    .map(e -> new ChainViews.EpochView(gql, e))
                    .orElse(null);
        }

        public TransactionView transaction() {
            return new TransactionView(gql, record);
        }
    }

    /** An {@code ExecutionError}. */
    static final class ExecutionErrorView {
        private final Gql gql;
        private final ExecutionFailure failure;

        ExecutionErrorView(Gql gql, ExecutionFailure failure) {
            this.gql = gql;
            this.failure = failure;
        }

        public String message() {
            return failure.message();
        }

        public BigInteger abortCode() {
            MoveAbortLocation abort = failure.abort();
            return abort == null ? null : new BigInteger(Long.toUnsignedString(abort.abortCode()));
        }

        public Integer instructionOffset() {
            return failure.abort() == null ? null : failure.abort().instruction();
        }

        public String identifier() {
            return null;
        }

        public String constant() {
            return null;
        }

        public Integer sourceLineNumber() {
            return null;
        }

        public MoveModuleView module() {
            MoveAbortLocation abort = failure.abort();
            return abort == null ? null : new MoveModuleView(gql, abort.packageId(), abort.module());
        }

        public MoveFunctionView function() {
            MoveAbortLocation abort = failure.abort();
            return abort == null
                    ? null
                    : new MoveFunctionView(
                            new MoveModuleView(gql, abort.packageId(), abort.module()), abort.function());
        }
    }

    /** A {@code MoveModule}, named by package and module. */
    static final class MoveModuleView {
        private final Gql gql;
        private final SuiAddress packageId;
        private final String name;

        MoveModuleView(Gql gql, SuiAddress packageId, String name) {
            this.gql = gql;
            this.packageId = packageId;
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String fullyQualifiedName() {
            return packageId + "::" + name;
        }

        /** The {@code package} field ({@code package} is a Java keyword). */
        public ObjectViews.ObjectView package_() {
            return gql.chain()
                    .object(packageId)
                    .map(o -> new ObjectViews.ObjectView(gql, o))
                    .orElse(null);
        }
    }

    /**
     * A {@code MoveFunction}, named by module and function.
     *
     * @param module the module
     * @param name the function
     */
    record MoveFunctionView(MoveModuleView module, String name) {
        public String fullyQualifiedName() {
            return module.fullyQualifiedName() + "::" + name;
        }
    }

    /** {@code GasEffects}: the gas coin after the transaction and the charges. */
    static final class GasEffectsView {
        private final Gql gql;
        private final TransactionEffects effects;

        GasEffectsView(Gql gql, TransactionEffects effects) {
            this.gql = gql;
            this.effects = effects;
        }

        public ObjectViews.ObjectView gasObject() {
            if (effects.gasObject() == null) {
                return null;
            }
            for (ObjectChange change : effects.changes()) {
                if (change.id().equals(effects.gasObject()) && change.hasOutput()) {
                    return gql.objectAt(change.id(), change.outputVersion())
                            .map(o -> new ObjectViews.ObjectView(gql, o))
                            .orElse(null);
                }
            }
            return null;
        }

        public GasSummary gasSummary() {
            return effects.gas();
        }
    }

    /** An {@code ObjectChange}: the object's state before and after. */
    static final class ObjectChangeView {
        private final Gql gql;
        private final ObjectChange change;
        private final int index;

        ObjectChangeView(Gql gql, ObjectChange change, int index) {
            this.gql = gql;
            this.change = change;
            this.index = index;
        }

        public SuiAddress address() {
            return change.id();
        }

        public Boolean idCreated() {
            return change.idCreated();
        }

        public Boolean idDeleted() {
            return change.idDeleted();
        }

        public ObjectViews.ObjectView inputState() {
            return change.hasInput() ? at(change.inputVersion()) : null;
        }

        public ObjectViews.ObjectView outputState() {
            return change.hasOutput() ? at(change.outputVersion()) : null;
        }

        private ObjectViews.ObjectView at(long version) {
            return gql.objectAt(change.id(), version)
                    .map(o -> new ObjectViews.ObjectView(gql, o))
                    .orElse(null);
        }
    }

    /** An {@code Event}. */
    static final class EventView {
        private final Gql gql;
        private final TransactionRecord record;
        final ChainEvent event;

        EventView(Gql gql, TransactionRecord record, ChainEvent event) {
            this.gql = gql;
            this.record = record;
            this.event = event;
        }

        public ObjectViews.MoveValueView contents() {
            return new ObjectViews.MoveValueView(event.type().toTypeTag(), event.bcs(), event.json());
        }

        public byte[] eventBcs() {
            return event.bcs();
        }

        public ChainViews.AddressView sender() {
            return new ChainViews.AddressView(gql, event.sender());
        }

        public Long sequenceNumber() {
            return event.id().eventSeq();
        }

        public Instant timestamp() {
            return gql.executionScope() ? null : Instant.ofEpochMilli(record.timestampMs());
        }

        public TransactionView transaction() {
            return new TransactionView(gql, record);
        }

        public MoveModuleView transactionModule() {
            return new MoveModuleView(gql, event.packageId(), event.module());
        }
    }

    /**
     * An {@code ExecutionResult}.
     *
     * @param effects the effects
     */
    record ExecutionResultView(EffectsView effects) {}

    /**
     * A {@code SimulationResult}.
     *
     * @param effects the effects of the dry run
     * @param outputs each command's results
     */
    record SimulationResultView(EffectsView effects, List<CommandResultView> outputs) {
        static SimulationResultView of(Gql gql, ExecutedTransaction result) {
            List<CommandResultView> outputs = new ArrayList<>();
            for (List<ReturnValue> values : result.outputs()) {
                outputs.add(new CommandResultView(values.stream()
                        .map(v -> new CommandOutputView(new ObjectViews.MoveValueView(v.type(), v.bcs(), v.json())))
                        .toList()));
            }
            return new SimulationResultView(
                    new EffectsView(gql.withSimulated(result.written()), result.record()), outputs);
        }
    }

    /**
     * A {@code CommandResult}.
     *
     * @param returnValues the values the command returned
     */
    record CommandResultView(List<CommandOutputView> returnValues) {
        public List<CommandOutputView> mutatedReferences() {
            return List.of();
        }
    }

    /**
     * A {@code CommandOutput}.
     *
     * @param value the value
     */
    record CommandOutputView(ObjectViews.MoveValueView value) {}
}
