package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ProgrammableTransaction} the way {@code @mysten/sui}'s {@code Transaction} does, so the bytes
 * match the SDK's: inputs are numbered in the order they are first added; an object used twice is one input (for a
 * shared object, mutable wins); pure values and withdrawals are never merged. Not thread-safe.
 *
 * <p>Arguments are evaluated in call order, so pass object and pure arguments in the order the Move function takes
 * them, as the Walrus helpers here do.
 */
public final class ProgrammableTransactionBuilder {
    private final List<CallArg> inputs = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();

    // --- inputs -------------------------------------------------------------------------------------------------

    /** Adds a pure input holding already BCS-encoded bytes; always a new input. */
    public Argument pure(byte[] bcsBytes) {
        return addInput(new CallArg.Pure(bcsBytes));
    }

    public Argument pureBool(boolean value) {
        return pure(new BcsWriter().bool(value).toByteArray());
    }

    public Argument pureU8(int value) {
        return pure(new BcsWriter().u8(value).toByteArray());
    }

    public Argument pureU16(int value) {
        return pure(new BcsWriter().u16(value).toByteArray());
    }

    public Argument pureU32(long value) {
        return pure(new BcsWriter().u32(value).toByteArray());
    }

    /** Adds a u64 pure input; {@code value} is read as unsigned. */
    public Argument pureU64(long value) {
        return pure(new BcsWriter().u64(value).toByteArray());
    }

    public Argument pureU128(BigInteger value) {
        return pure(new BcsWriter().u128(value).toByteArray());
    }

    public Argument pureU256(BigInteger value) {
        return pure(new BcsWriter().u256(value).toByteArray());
    }

    public Argument pureAddress(SuiAddress address) {
        return pure(address.toBytes());
    }

    /** Adds a Move {@code String} (or {@code ascii::String}) pure input: ULEB128 length and UTF-8 bytes. */
    public Argument pureString(String value) {
        return pure(new BcsWriter().string(value).toByteArray());
    }

    /** Adds a {@code vector<u8>} pure input. */
    public Argument pureBytes(byte[] value) {
        return pure(new BcsWriter().bytes(value).toByteArray());
    }

    /** Adds an owned or immutable object, or returns the existing input for the same object ID. */
    public Argument object(ObjectRef ref) {
        return addObject(new ObjectArg.ImmOrOwnedObject(ref));
    }

    /**
     * Adds a shared object, or returns the existing input for the same object ID; when both uses are shared, the
     * input becomes mutable if either use is.
     */
    public Argument sharedObject(SharedObjectRef ref) {
        return addObject(new ObjectArg.SharedObject(ref));
    }

    /** Adds an object to be received, or returns the existing input for the same object ID. */
    public Argument receivingObject(ObjectRef ref) {
        return addObject(new ObjectArg.Receiving(ref));
    }

    /** Adds a withdrawal from an address balance; always a new input. */
    public Argument withdrawal(FundsWithdrawal withdrawal) {
        return addInput(new CallArg.Withdrawal(withdrawal));
    }

    /** Returns the gas coin argument; it is not an input. */
    public Argument gasCoin() {
        return Argument.GAS_COIN;
    }

    // --- commands -----------------------------------------------------------------------------------------------

    /** Appends a command and returns its result, {@code Result(index)}. */
    public Argument command(Command command) {
        checkArguments(command);
        commands.add(command);
        return Argument.result(commands.size() - 1);
    }

    /** Appends {@code package::module::function<typeArguments>(arguments)} and returns its result. */
    public Argument moveCall(
            SuiAddress packageId,
            String module,
            String function,
            List<TypeTag> typeArguments,
            List<Argument> arguments) {
        return command(new Command.MoveCall(packageId, module, function, typeArguments, arguments));
    }

    /** Appends {@code SplitCoins(coin, amounts)} and returns one {@code NestedResult} per amount. */
    public List<Argument> splitCoins(Argument coin, List<Argument> amounts) {
        Argument result = command(new Command.SplitCoins(coin, amounts));
        int index = ((Argument.Result) result).index();
        List<Argument> parts = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            parts.add(Argument.nestedResult(index, i));
        }
        return List.copyOf(parts);
    }

    /** Adds each amount as a pure u64 input, then splits them off {@code coin}; returns the new coins. */
    public List<Argument> splitCoins(Argument coin, long... amounts) {
        List<Argument> amountArgs = new ArrayList<>(amounts.length);
        for (long amount : amounts) {
            amountArgs.add(pureU64(amount));
        }
        return splitCoins(coin, amountArgs);
    }

    /** Appends {@code MergeCoins(destination, sources)}. */
    public void mergeCoins(Argument destination, List<Argument> sources) {
        command(new Command.MergeCoins(destination, sources));
    }

    /** Appends {@code TransferObjects(objects, address)}. */
    public void transferObjects(List<Argument> objects, Argument address) {
        command(new Command.TransferObjects(objects, address));
    }

    /** Adds {@code recipient} as a pure address input, then appends {@code TransferObjects}. */
    public void transferObjects(List<Argument> objects, SuiAddress recipient) {
        transferObjects(objects, pureAddress(recipient));
    }

    // --- Walrus and coin helpers --------------------------------------------------------------------------------

    /**
     * {@code walrus::system::extend_blob(system: &mut System, blob: &mut Blob, extended_epochs: u32, payment: &mut
     * Coin<WAL>)}, paying from an owned WAL coin.
     */
    public void extendBlob(
            SuiAddress walrusPackage, SharedObjectRef system, ObjectRef blob, long extendedEpochs, ObjectRef payment) {
        Argument systemArg = sharedObject(system);
        Argument blobArg = object(blob);
        Argument epochs = pureU32(extendedEpochs);
        extendBlob(walrusPackage, systemArg, blobArg, epochs, object(payment));
    }

    /** {@code walrus::system::extend_blob}, paying from a coin made earlier in this transaction. */
    public void extendBlob(
            SuiAddress walrusPackage, SharedObjectRef system, ObjectRef blob, long extendedEpochs, Argument payment) {
        Argument systemArg = sharedObject(system);
        Argument blobArg = object(blob);
        Argument epochs = pureU32(extendedEpochs);
        extendBlob(walrusPackage, systemArg, blobArg, epochs, payment);
    }

    /**
     * {@code walrus::system::extend_blob} on arguments already in the transaction, so that many extensions
     * can share the system object, the epoch count and the coin.
     */
    public void extendBlob(
            SuiAddress walrusPackage, Argument system, Argument blob, Argument extendedEpochs, Argument payment) {
        moveCall(walrusPackage, "system", "extend_blob", List.of(), List.of(system, blob, extendedEpochs, payment));
    }

    /** {@code walrus::blob::insert_or_update_metadata_pair(blob: &mut Blob, key: String, value: String)}. */
    public void insertOrUpdateMetadataPair(SuiAddress walrusPackage, ObjectRef blob, String key, String value) {
        Argument blobArg = object(blob);
        Argument keyArg = pureString(key);
        Argument valueArg = pureString(value);
        moveCall(
                walrusPackage, "blob", "insert_or_update_metadata_pair", List.of(), List.of(blobArg, keyArg, valueArg));
    }

    /**
     * {@code walrus::blob::remove_metadata_pair(blob: &mut Blob, key: &String): (String, String)}; aborts on chain
     * if the key is absent. The returned pair may be left unused.
     */
    public Argument removeMetadataPair(SuiAddress walrusPackage, ObjectRef blob, String key) {
        Argument blobArg = object(blob);
        Argument keyArg = pureString(key);
        return moveCall(walrusPackage, "blob", "remove_metadata_pair", List.of(), List.of(blobArg, keyArg));
    }

    /**
     * {@code walrus::system::delete_blob(system: &System, blob: Blob): Storage}. The system object is used
     * immutably unless it is also used mutably elsewhere in this transaction. The returned {@code Storage} must be
     * used, for example transferred to the sender.
     */
    public Argument deleteBlob(SuiAddress walrusPackage, SharedObjectRef system, ObjectRef blob) {
        Argument systemArg = sharedObject(system);
        Argument blobArg = object(blob);
        return moveCall(walrusPackage, "system", "delete_blob", List.of(), List.of(systemArg, blobArg));
    }

    /**
     * {@code 0x2::coin::redeem_funds<coinType>(withdrawal)}: turns up to {@code amount} from the sender's address
     * balance into a {@code Coin<coinType>}, which is returned.
     */
    public Argument redeemFunds(TypeTag coinType, long amount) {
        Argument withdrawal = withdrawal(FundsWithdrawal.fromSender(amount, coinType));
        return moveCall(SuiAddress.SUI_FRAMEWORK, "coin", "redeem_funds", List.of(coinType), List.of(withdrawal));
    }

    // --- result -------------------------------------------------------------------------------------------------

    /** Returns the transaction built so far; the builder stays usable. */
    public ProgrammableTransaction build() {
        return new ProgrammableTransaction(inputs, commands);
    }

    /** Builds the complete {@link TransactionData}. */
    public TransactionData build(SuiAddress sender, GasData gasData, TransactionExpiration expiration) {
        return new TransactionData(build(), sender, gasData, expiration);
    }

    private Argument addInput(CallArg arg) {
        if (inputs.size() > 0xFFFF) {
            throw new IllegalStateException("a transaction has at most 65536 inputs");
        }
        inputs.add(arg);
        return Argument.input(inputs.size() - 1);
    }

    private Argument addObject(ObjectArg arg) {
        SuiAddress id = arg.objectId();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) instanceof CallArg.ObjectInput existing
                    && existing.arg().objectId().equals(id)) {
                if (existing.arg() instanceof ObjectArg.SharedObject old
                        && arg instanceof ObjectArg.SharedObject added
                        && added.ref().mutable()
                        && !old.ref().mutable()) {
                    SharedObjectRef r = old.ref();
                    inputs.set(
                            i,
                            new CallArg.ObjectInput(new ObjectArg.SharedObject(
                                    new SharedObjectRef(r.objectId(), r.initialSharedVersion(), true))));
                }
                return Argument.input(i);
            }
        }
        return addInput(new CallArg.ObjectInput(arg));
    }

    private void checkArguments(Command command) {
        List<Argument> args = switch (command) {
            case Command.MoveCall c -> c.arguments();
            case Command.TransferObjects t -> concat(t.objects(), t.address());
            case Command.SplitCoins s -> concat(s.amounts(), s.coin());
            case Command.MergeCoins m -> concat(m.sources(), m.destination());
            case Command.Publish p -> List.of();
            case Command.MakeMoveVec v -> v.elements();
            case Command.Upgrade u -> List.of(u.ticket());
        };
        for (Argument a : args) {
            switch (a) {
                case Argument.Input in
                when in.index() >= inputs.size() ->
                    throw new IllegalArgumentException(a + " refers to an input that does not exist");
                case Argument.Result r
                when r.index() >= commands.size() ->
                    throw new IllegalArgumentException(a + " refers to a command that does not exist yet");
                case Argument.NestedResult n
                when n.commandIndex() >= commands.size() ->
                    throw new IllegalArgumentException(a + " refers to a command that does not exist yet");
                default -> {}
            }
        }
    }

    private static List<Argument> concat(List<Argument> list, Argument extra) {
        List<Argument> all = new ArrayList<>(list);
        all.add(extra);
        return all;
    }

    @Override
    public String toString() {
        return "ProgrammableTransactionBuilder[" + inputs.size() + " input(s), " + commands.size() + " command(s): "
                + commands + "]";
    }
}
