/**
 * Sui GraphQL RPC for the local chain: {@link dev.walrussync.localnet.chain.graphql.ChainServer} serves {@code POST
 * /graphql} (the schema subset in {@code schema.graphqls}, with the real schema's type, field and argument names,
 * built with graphql-java) and a faucet at {@code POST /v2/gas} on 127.0.0.1.
 *
 * <p>Served: {@code address} (balance, balances, multiGetBalances, objects with the type filter and paging, dynamic
 * fields), {@code object} (latest or any version; owner union; {@code asMoveObject.contents}; {@code
 * dynamicField(name: {type, bcs})}; objectBcs), {@code multiGetObjects}, {@code epoch}, {@code chainIdentifier},
 * {@code checkpoint}, {@code protocolConfigs}, {@code serviceConfig}, {@code transaction}, {@code
 * transactionEffects}, {@code multiGetTransactionEffects}, {@code simulateTransaction} and the {@code
 * executeTransaction} mutation. Limits are Sui's defaults: pages of 20 (at most 50; 1024 for {@code
 * objectChanges}), 200 keys per multi-get, 5,000-byte query payloads (transaction bytes and signatures not
 * counted), depth 20 and 300 nodes.
 *
 * <p>Differences: a transaction refused before execution is a top-level error whose message wraps Sui's validator
 * error in {@code "Transaction is rejected as invalid by more than 1/3 of validators by stake (non-retriable).
 * Non-retriable errors: [...]"}, with {@code extensions.code = BAD_USER_INPUT}; Move failures are {@code status:
 * FAILURE} with {@code executionError}, as on Sui. {@code effectsBcs} is a local encoding of the effects, not Sui's
 * {@code TransactionEffects} BCS, and {@code effectsDigest} hashes it. {@code simulateTransaction} takes the BCS
 * form only and always runs the checks ({@code checksEnabled} is accepted but ignored). SuiNS names, interfaces
 * such as {@code IObject}, and fields not in the schema file are not served.
 */
package dev.walrussync.localnet.chain.graphql;
