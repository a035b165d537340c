package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One command of a programmable transaction, with its BCS variant index. */
public sealed interface Command {
    /**
     * Calls {@code package::module::function<typeArguments>(arguments)}, variant 0.
     *
     * @param packageId the package to call
     * @param module the module name
     * @param function the function name
     * @param typeArguments the type arguments
     * @param arguments the arguments
     */
    record MoveCall(
            SuiAddress packageId, String module, String function, List<TypeTag> typeArguments, List<Argument> arguments)
            implements Command {
        public MoveCall {
            Objects.requireNonNull(packageId, "packageId");
            MoveIdentifiers.require(module, "module");
            MoveIdentifiers.require(function, "function");
            typeArguments = List.copyOf(typeArguments);
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Sends {@code objects} to the address in {@code address}, variant 1.
     *
     * @param objects the objects to send
     * @param address the recipient, usually a pure address input
     */
    record TransferObjects(List<Argument> objects, Argument address) implements Command {
        public TransferObjects {
            objects = List.copyOf(objects);
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Splits new coins with the given amounts off {@code coin}, variant 2.
     *
     * @param coin the coin to split
     * @param amounts the amounts, usually pure u64 inputs
     */
    record SplitCoins(Argument coin, List<Argument> amounts) implements Command {
        public SplitCoins {
            Objects.requireNonNull(coin, "coin");
            amounts = List.copyOf(amounts);
        }
    }

    /**
     * Merges {@code sources} into {@code destination}, variant 3.
     *
     * @param destination the coin that remains
     * @param sources the coins merged into it
     */
    record MergeCoins(Argument destination, List<Argument> sources) implements Command {
        public MergeCoins {
            Objects.requireNonNull(destination, "destination");
            sources = List.copyOf(sources);
        }
    }

    /**
     * Publishes a package, variant 4.
     *
     * @param modules the compiled modules
     * @param dependencies the IDs of the packages it depends on
     */
    record Publish(List<byte[]> modules, List<SuiAddress> dependencies) implements Command {
        public Publish {
            modules = copyModules(modules);
            dependencies = List.copyOf(dependencies);
        }

        @Override
        public List<byte[]> modules() {
            return copyModules(modules);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Publish other
                    && modulesEqual(modules, other.modules)
                    && dependencies.equals(other.dependencies);
        }

        @Override
        public int hashCode() {
            return 31 * modulesHash(modules) + dependencies.hashCode();
        }

        @Override
        public String toString() {
            return "Publish[" + modules.size() + " module(s), dependencies=" + dependencies + "]";
        }
    }

    /**
     * Builds a {@code vector<type>} from {@code elements}, variant 5.
     *
     * @param type the element type, or empty to let the chain infer it
     * @param elements the elements
     */
    record MakeMoveVec(Optional<TypeTag> type, List<Argument> elements) implements Command {
        public MakeMoveVec {
            Objects.requireNonNull(type, "type");
            elements = List.copyOf(elements);
        }
    }

    /**
     * Upgrades {@code packageId} using {@code ticket}, variant 6.
     *
     * @param modules the compiled modules
     * @param dependencies the IDs of the packages it depends on
     * @param packageId the package being upgraded
     * @param ticket the upgrade ticket
     */
    record Upgrade(List<byte[]> modules, List<SuiAddress> dependencies, SuiAddress packageId, Argument ticket)
            implements Command {
        public Upgrade {
            modules = copyModules(modules);
            dependencies = List.copyOf(dependencies);
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(ticket, "ticket");
        }

        @Override
        public List<byte[]> modules() {
            return copyModules(modules);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Upgrade other
                    && modulesEqual(modules, other.modules)
                    && dependencies.equals(other.dependencies)
                    && packageId.equals(other.packageId)
                    && ticket.equals(other.ticket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modulesHash(modules), dependencies, packageId, ticket);
        }

        @Override
        public String toString() {
            return "Upgrade[" + modules.size() + " module(s), dependencies=" + dependencies + ", package=" + packageId
                    + ", ticket=" + ticket + "]";
        }
    }

    default void writeTo(BcsWriter writer) {
        switch (this) {
            case MoveCall c -> {
                writer.variant(0);
                c.packageId().writeTo(writer);
                writer.string(c.module()).string(c.function());
                writer.vector(c.typeArguments(), (w, t) -> t.writeTo(w));
                writer.vector(c.arguments(), (w, a) -> a.writeTo(w));
            }
            case TransferObjects t -> {
                writer.variant(1);
                writer.vector(t.objects(), (w, a) -> a.writeTo(w));
                t.address().writeTo(writer);
            }
            case SplitCoins s -> {
                writer.variant(2);
                s.coin().writeTo(writer);
                writer.vector(s.amounts(), (w, a) -> a.writeTo(w));
            }
            case MergeCoins m -> {
                writer.variant(3);
                m.destination().writeTo(writer);
                writer.vector(m.sources(), (w, a) -> a.writeTo(w));
            }
            case Publish p -> {
                writer.variant(4);
                writer.vector(p.modules, BcsWriter::bytes);
                writer.vector(p.dependencies(), (w, d) -> d.writeTo(w));
            }
            case MakeMoveVec v -> {
                writer.variant(5);
                writer.option(v.type(), (w, t) -> t.writeTo(w));
                writer.vector(v.elements(), (w, a) -> a.writeTo(w));
            }
            case Upgrade u -> {
                writer.variant(6);
                writer.vector(u.modules, BcsWriter::bytes);
                writer.vector(u.dependencies(), (w, d) -> d.writeTo(w));
                u.packageId().writeTo(writer);
                u.ticket().writeTo(writer);
            }
        }
    }

    static Command readFrom(BcsReader reader) {
        int variant = reader.variant("Command", 7);
        return switch (variant) {
            case 0 -> {
                SuiAddress pkg = SuiAddress.readFrom(reader);
                String module = MoveIdentifiers.read(reader, "module");
                String function = MoveIdentifiers.read(reader, "function");
                List<TypeTag> typeArguments = reader.vector(TypeTag::readFrom);
                yield new MoveCall(pkg, module, function, typeArguments, reader.vector(Argument::readFrom));
            }
            case 1 -> {
                List<Argument> objects = reader.vector(Argument::readFrom);
                yield new TransferObjects(objects, Argument.readFrom(reader));
            }
            case 2 -> {
                Argument coin = Argument.readFrom(reader);
                yield new SplitCoins(coin, reader.vector(Argument::readFrom));
            }
            case 3 -> {
                Argument destination = Argument.readFrom(reader);
                yield new MergeCoins(destination, reader.vector(Argument::readFrom));
            }
            case 4 -> {
                List<byte[]> modules = reader.vector(BcsReader::bytes);
                yield new Publish(modules, reader.vector(SuiAddress::readFrom));
            }
            case 5 -> {
                Optional<TypeTag> type = reader.option(TypeTag::readFrom);
                yield new MakeMoveVec(type, reader.vector(Argument::readFrom));
            }
            default -> {
                List<byte[]> modules = reader.vector(BcsReader::bytes);
                List<SuiAddress> dependencies = reader.vector(SuiAddress::readFrom);
                SuiAddress pkg = SuiAddress.readFrom(reader);
                yield new Upgrade(modules, dependencies, pkg, Argument.readFrom(reader));
            }
        };
    }

    private static List<byte[]> copyModules(List<byte[]> modules) {
        List<byte[]> copy = new ArrayList<>(modules.size());
        for (byte[] module : modules) {
            copy.add(module.clone());
        }
        return List.copyOf(copy);
    }

    private static boolean modulesEqual(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int modulesHash(List<byte[]> modules) {
        int h = 1;
        for (byte[] module : modules) {
            h = 31 * h + Arrays.hashCode(module);
        }
        return h;
    }
}
