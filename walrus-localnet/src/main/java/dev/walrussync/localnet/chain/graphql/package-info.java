/**
 * Sui GraphQL RPC for the local chain: {@link dev.walrussync.localnet.chain.graphql.ChainServer} serves {@code POST
 * /graphql} (the schema subset in {@code schema.graphqls}, built with graphql-java) and a faucet at {@code POST
 * /v2/gas} on 127.0.0.1.
 *
 * <p>Served: {@code address} (balance, balances, multiGetBalances, objects with type filter and paging, dynamic
 * fields), {@code object} (any version; owner union; {@code asMoveObject.contents}; {@code dynamicField}), {@code
 * multiGetObjects}, {@code epoch}, {@code chainIdentifier}, {@code checkpoint}, {@code protocolConfigs}, {@code
 * serviceConfig}, {@code transaction}, {@code transactionEffects}, {@code simulateTransaction} (BCS input only)
 * and the {@code executeTransaction} mutation. Rejected transactions come back as top-level errors; Move failures
 * as {@code status: FAILURE} with {@code executionError}. {@code effectsBcs} is a local encoding of the effects, not
 * Sui's {@code TransactionEffects} BCS.
 */
package dev.walrussync.localnet.chain.graphql;
