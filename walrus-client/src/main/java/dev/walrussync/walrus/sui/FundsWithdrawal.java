package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/**
 * A withdrawal of up to {@code maxAmount} of {@code Balance<balanceType>} from an address balance (Sui's funds
 * accumulator). BCS: {@code Reservation::MaxAmountU64(u64)}, {@code WithdrawalType::Balance(TypeTag)}, then
 * {@link WithdrawFrom}; the first two enums have only variant 0.
 *
 * @param maxAmount the most that may be withdrawn, an unsigned 64-bit number
 * @param balanceType the coin type {@code T}, not {@code Balance<T>}
 * @param withdrawFrom whose balance pays
 */
public record FundsWithdrawal(long maxAmount, TypeTag balanceType, WithdrawFrom withdrawFrom) {
    public FundsWithdrawal {
        Objects.requireNonNull(balanceType, "balanceType");
        Objects.requireNonNull(withdrawFrom, "withdrawFrom");
    }

    /** Withdraws up to {@code maxAmount} of {@code coinType} from the sender's address balance. */
    public static FundsWithdrawal fromSender(long maxAmount, TypeTag coinType) {
        return new FundsWithdrawal(maxAmount, coinType, WithdrawFrom.SENDER);
    }

    public void writeTo(BcsWriter writer) {
        writer.variant(0).u64(maxAmount);
        writer.variant(0);
        balanceType.writeTo(writer);
        withdrawFrom.writeTo(writer);
    }

    public static FundsWithdrawal readFrom(BcsReader reader) {
        reader.variant("Reservation", 1);
        long amount = reader.u64();
        reader.variant("WithdrawalType", 1);
        TypeTag type = TypeTag.readFrom(reader);
        return new FundsWithdrawal(amount, type, WithdrawFrom.readFrom(reader));
    }

    @Override
    public String toString() {
        return "FundsWithdrawal[maxAmount=" + Long.toUnsignedString(maxAmount) + ", balanceType=" + balanceType
                + ", withdrawFrom=" + withdrawFrom + "]";
    }
}
