/**
 * A local Sui stand-in with Walrus deployed on it. {@link dev.walrussync.localnet.chain.LocalChain} keeps objects
 * with Lamport versions and digests, executes signed programmable transactions with Sui's checks (Ed25519
 * signatures over the intent message, object versions, digests and owners, shared-object versions, packages, gas)
 * and the Walrus Move functions a backup client calls ({@code system::extend_blob}, {@code system::delete_blob},
 * {@code blob::insert_or_update_metadata_pair}, {@code blob::remove_metadata_pair[_if_exists]}, {@code blob::burn},
 * {@code 0x2::coin::redeem_funds}, {@code 0x2::transfer::public_transfer}, plus {@code SplitCoins}, {@code
 * MergeCoins} and {@code TransferObjects}), advances epochs on a clock or on demand, offers in-process calls for the
 * local publisher ({@code registerBlob}, {@code certifyBlob}, {@code transferObject}, {@code fund}) and storage
 * nodes ({@code blobStatus}, {@code activeBlobs}, epoch and transaction listeners), and logs every commit so the
 * state survives restarts. {@link dev.walrussync.localnet.chain.graphql} serves it over Sui GraphQL.
 *
 * <p>Known differences from Sui and Walrus:
 *
 * <ul>
 *   <li>Gas is a fixed computation charge (1,000 units at the gas price) plus 7,600 MIST per byte of object written,
 *       minus a 99% rebate of the old versions' fees; real Sui meters Move bytecode. As on Sui, the budget must
 *       cover computation plus storage net of that rebate.
 *   <li>Move code is native Java for the functions listed; any other function of a known package fails with {@code
 *       FunctionNotFound} (gas charged, as Sui does for a missing function); an unknown package is refused as
 *       {@code DependentPackageNotFound}. Publish, Upgrade, MakeMoveVec, Receiving arguments and withdrawals from a
 *       sponsor or allowance are refused. Only Ed25519 signatures are verified.
 *   <li>Abort codes, modules and functions are Walrus's; instruction offsets are representative.
 *   <li>Calling {@code system::*} through the original Walrus package aborts with {@code EWrongVersion}, as an old
 *       package version does; {@code blob::*} works through either.
 *   <li>The Sui epoch and the Walrus epoch are one number; each transaction is its own checkpoint, indexed at once.
 *   <li>{@code certifyBlob} takes no BLS certificate; {@code extend_blob} does not track the future-accounting ring
 *       buffer or capacity, and WAL paid for storage leaves the coin without being credited anywhere.
 *   <li>There is no {@code Staking} object: epoch timing and the committee's names, URLs and shards are local fields
 *       at the end of the system inner state ({@code epoch_duration_ms}, {@code epoch_start_timestamp_ms}, {@code
 *       nodes}).
 *   <li>Digests of objects this chain writes are Blake2b-256 over {@code "Object::"} and a Sui-like object BCS;
 *       seeded objects keep the digests they were given.
 *   <li>Re-submitting an executed transaction returns its first effects (Sui's idempotence); nothing runs twice.
 * </ul>
 */
package dev.walrussync.localnet.chain;
