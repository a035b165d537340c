package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/** Whose address balance a {@link FundsWithdrawal} draws from. */
public sealed interface WithdrawFrom {
    /** The transaction sender, variant 0. */
    WithdrawFrom SENDER = new Sender();
    /** The gas sponsor, variant 1. */
    WithdrawFrom SPONSOR = new Sponsor();

    /** The transaction sender, variant 0. */
    record Sender() implements WithdrawFrom {}

    /** The gas sponsor, variant 1. */
    record Sponsor() implements WithdrawFrom {}

    /**
     * A funder's balance, through an allowance object, variant 2.
     *
     * @param funder the address whose balance is drawn
     * @param allowance the allowance object ID
     */
    record SenderAllowance(SuiAddress funder, SuiAddress allowance) implements WithdrawFrom {
        public SenderAllowance {
            Objects.requireNonNull(funder, "funder");
            Objects.requireNonNull(allowance, "allowance");
        }
    }

    default void writeTo(BcsWriter writer) {
        switch (this) {
            case Sender s -> writer.variant(0);
            case Sponsor s -> writer.variant(1);
            case SenderAllowance a -> {
                writer.variant(2);
                a.funder().writeTo(writer);
                a.allowance().writeTo(writer);
            }
        }
    }

    static WithdrawFrom readFrom(BcsReader reader) {
        int variant = reader.variant("WithdrawFrom", 3);
        return switch (variant) {
            case 0 -> SENDER;
            case 1 -> SPONSOR;
            default -> new SenderAllowance(SuiAddress.readFrom(reader), SuiAddress.readFrom(reader));
        };
    }
}
