package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * A {@code 0x2::coin::Coin<T>}: {@code {id: UID, balance: Balance<T>}}; the coin type lives in the object's type.
 *
 * @param id the coin's ID
 * @param balance the balance in the coin's smallest unit (MIST, FROST), unsigned
 */
public record CoinData(SuiAddress id, long balance) implements ObjectData {
    public CoinData {
        Objects.requireNonNull(id, "id");
    }

    /** This coin with another balance. */
    public CoinData withBalance(long newBalance) {
        return new CoinData(id, newBalance);
    }

    @Override
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        id.writeTo(writer);
        writer.u64(balance);
        return writer.toByteArray();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("balance", Json.u64(balance));
        return json;
    }

    static CoinData fromBcs(byte[] bcs) {
        return BcsReader.decode(bcs, r -> new CoinData(SuiAddress.readFrom(r), r.u64()));
    }
}
