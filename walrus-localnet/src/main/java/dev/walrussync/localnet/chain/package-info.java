/**
 * A local Sui stand-in with Walrus deployed on it. {@link dev.walrussync.localnet.chain.LocalChain} keeps objects
 * with Lamport versions and digests, executes signed programmable transactions with Sui's checks (signatures over
 * the intent message, object versions, digests and owners, shared-object versions, gas) and the Walrus Move
 * functions a backup client calls ({@code extend_blob}, {@code delete_blob}, blob attributes,
 * {@code coin::redeem_funds}), advances epochs on a clock or on demand, offers in-process calls for the local
 * publisher ({@code registerBlob}, {@code certifyBlob}) and storage nodes ({@code blobStatus}, epoch listeners),
 * and logs every commit so the state survives restarts. {@link dev.walrussync.localnet.chain.graphql} serves it
 * over Sui GraphQL.
 *
 * <p>Known differences from Sui: gas is a fixed computation charge plus per-byte storage fees; Move code is native
 * Java for the functions listed, and any other function fails with {@code FunctionNotFound}; Publish, Upgrade,
 * MakeMoveVec and Receiving arguments are refused; the Sui epoch and the Walrus epoch are one number; each
 * transaction is its own checkpoint; certification takes no BLS certificate.
 */
package dev.walrussync.localnet.chain;
