package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a committed transaction did: status, Lamport version, gas, object changes (sorted by ID, as Sui sorts
 * them) and events.
 *
 * @param transactionDigest the transaction digest
 * @param failure why it failed, or {@code null} on success
 * @param lamportVersion the version given to every object it wrote
 * @param epoch the epoch it executed in
 * @param gas the gas charges
 * @param gasObject the gas coin (after smashing), or {@code null} when no gas was paid
 * @param changes the object changes
 * @param events the events, empty on failure
 */
public record TransactionEffects(
        Digest transactionDigest,
        ExecutionFailure failure,
        long lamportVersion,
        long epoch,
        GasSummary gas,
        SuiAddress gasObject,
        List<ObjectChange> changes,
        List<ChainEvent> events) {
    public TransactionEffects {
        Objects.requireNonNull(transactionDigest, "transactionDigest");
        Objects.requireNonNull(gas, "gas");
        changes = List.copyOf(changes);
        events = List.copyOf(events);
    }

    public boolean isSuccess() {
        return failure == null;
    }
}
