package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A programmable-transaction input: pure BCS bytes, an object, or a withdrawal from an address balance. */
public sealed interface CallArg {
    /**
     * An already BCS-encoded value, variant 0; in the transaction it gets one more length prefix.
     *
     * @param bytes the BCS encoding of the value
     */
    record Pure(byte[] bytes) implements CallArg {
        public Pure {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pure other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Pure[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /**
     * An object input, variant 1.
     *
     * @param arg how the object is used
     */
    record ObjectInput(ObjectArg arg) implements CallArg {
        public ObjectInput {
            Objects.requireNonNull(arg, "arg");
        }
    }

    /**
     * A withdrawal from an address balance, variant 2.
     *
     * @param withdrawal what to withdraw and from whom
     */
    record Withdrawal(FundsWithdrawal withdrawal) implements CallArg {
        public Withdrawal {
            Objects.requireNonNull(withdrawal, "withdrawal");
        }
    }

    default void writeTo(BcsWriter writer) {
        switch (this) {
            case Pure p -> writer.variant(0).bytes(p.bytes);
            case ObjectInput o -> {
                writer.variant(1);
                o.arg().writeTo(writer);
            }
            case Withdrawal w -> {
                writer.variant(2);
                w.withdrawal().writeTo(writer);
            }
        }
    }

    static CallArg readFrom(BcsReader reader) {
        int variant = reader.variant("CallArg", 3);
        return switch (variant) {
            case 0 -> new Pure(reader.bytes());
            case 1 -> new ObjectInput(ObjectArg.readFrom(reader));
            default -> new Withdrawal(FundsWithdrawal.readFrom(reader));
        };
    }
}
