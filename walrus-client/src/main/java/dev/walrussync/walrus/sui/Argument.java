package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;

/** A command argument in a programmable transaction: the gas coin, an input, or a result of an earlier command. */
public sealed interface Argument {
    /** The gas coin ({@code Argument::GasCoin}, variant 0). */
    Argument GAS_COIN = new GasCoin();

    /** The gas coin, variant 0. */
    record GasCoin() implements Argument {}

    /**
     * Input number {@code index} (u16), variant 1.
     *
     * @param index the input index
     */
    record Input(int index) implements Argument {
        public Input {
            checkU16(index, "input index");
        }
    }

    /**
     * The single result of command {@code index} (u16), variant 2.
     *
     * @param index the command index
     */
    record Result(int index) implements Argument {
        public Result {
            checkU16(index, "result index");
        }
    }

    /**
     * Result {@code resultIndex} of command {@code commandIndex} (both u16), variant 3.
     *
     * @param commandIndex the command index
     * @param resultIndex the index among that command's results
     */
    record NestedResult(int commandIndex, int resultIndex) implements Argument {
        public NestedResult {
            checkU16(commandIndex, "command index");
            checkU16(resultIndex, "nested result index");
        }
    }

    static Argument input(int index) {
        return new Input(index);
    }

    static Argument result(int index) {
        return new Result(index);
    }

    static Argument nestedResult(int commandIndex, int resultIndex) {
        return new NestedResult(commandIndex, resultIndex);
    }

    default void writeTo(BcsWriter writer) {
        switch (this) {
            case GasCoin g -> writer.variant(0);
            case Input i -> writer.variant(1).u16(i.index());
            case Result r -> writer.variant(2).u16(r.index());
            case NestedResult n -> writer.variant(3).u16(n.commandIndex()).u16(n.resultIndex());
        }
    }

    static Argument readFrom(BcsReader reader) {
        int variant = reader.variant("Argument", 4);
        return switch (variant) {
            case 0 -> GAS_COIN;
            case 1 -> new Input(reader.u16());
            case 2 -> new Result(reader.u16());
            default -> new NestedResult(reader.u16(), reader.u16());
        };
    }

    private static void checkU16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " must fit in u16: " + value);
        }
    }
}
