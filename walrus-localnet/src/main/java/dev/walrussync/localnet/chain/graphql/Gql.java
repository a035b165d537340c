package dev.walrussync.localnet.chain.graphql;

import dev.walrussync.localnet.chain.ChainObject;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every resolver needs: the chain, whether the value is in "execution scope" (a mutation's response, where Sui
 * reports checkpoint, timestamp and balance fields as null because indexing has not caught up), and the object
 * versions a dry run would have written (which the chain never stored).
 *
 * @param chain the chain
 * @param executionScope whether the value belongs to an {@code executeTransaction} response
 * @param simulated object versions written by a simulation, keyed by {@code id@version}
 */
record Gql(LocalChain chain, boolean executionScope, Map<String, ChainObject> simulated) {
    Gql {
        Objects.requireNonNull(chain, "chain");
        simulated = Map.copyOf(simulated);
    }

    Gql(LocalChain chain) {
        this(chain, false, Map.of());
    }

    /** The same chain in execution scope. */
    Gql inExecutionScope() {
        return new Gql(chain, true, simulated);
    }

    /** The same chain, also resolving the versions a simulation wrote. */
    Gql withSimulated(List<ChainObject> written) {
        return new Gql(
                chain,
                executionScope,
                written.stream().collect(Collectors.toMap(o -> key(o.id(), o.version()), Function.identity())));
    }

    private static String key(SuiAddress id, long version) {
        return id + "@" + version;
    }

    /** One version of an object, from a simulation's writes or the chain. */
    Optional<ChainObject> objectAt(SuiAddress id, long version) {
        ChainObject pending = simulated.get(key(id, version));
        return pending != null ? Optional.of(pending) : chain.object(id, version);
    }
}
