package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/**
 * Who pays for gas and how: the SUI coins, their owner, the gas price and the budget (MIST).
 *
 * @param payment the gas coins; may be empty when paying from the address balance
 * @param owner the gas owner (the sender, or a sponsor)
 * @param price the gas price in MIST per unit, an unsigned 64-bit number
 * @param budget the most MIST the transaction may spend, an unsigned 64-bit number
 */
public record GasData(List<ObjectRef> payment, SuiAddress owner, long price, long budget) {
    public GasData {
        payment = List.copyOf(payment);
        Objects.requireNonNull(owner, "owner");
    }

    public void writeTo(BcsWriter writer) {
        writer.vector(payment, (w, r) -> r.writeTo(w));
        owner.writeTo(writer);
        writer.u64(price).u64(budget);
    }

    public static GasData readFrom(BcsReader reader) {
        List<ObjectRef> payment = reader.vector(ObjectRef::readFrom);
        SuiAddress owner = SuiAddress.readFrom(reader);
        long price = reader.u64();
        return new GasData(payment, owner, price, reader.u64());
    }

    @Override
    public String toString() {
        return "GasData[payment=" + payment + ", owner=" + owner + ", price=" + Long.toUnsignedString(price)
                + ", budget=" + Long.toUnsignedString(budget) + "]";
    }
}
