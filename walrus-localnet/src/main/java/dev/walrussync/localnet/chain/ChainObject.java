package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.Blake2b256;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.StructTag;
import dev.walrussync.walrus.sui.SuiAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One version of one object: ID, version, digest, owner, Move type and contents, the transaction that wrote it and
 * the storage rebate it carries. Immutable; every change makes a new version.
 *
 * @param id the object ID
 * @param version the Lamport version
 * @param digest the object digest (computed by {@link #computeDigest}, or seeded at genesis)
 * @param owner the owner
 * @param type the Move type, or {@code null} for a package
 * @param data the contents
 * @param previousTransaction the digest of the transaction that wrote this version
 * @param storageRebate the MIST refunded when this version is mutated or deleted
 */
public record ChainObject(
        SuiAddress id,
        long version,
        Digest digest,
        Owner owner,
        StructTag type,
        ObjectData data,
        Digest previousTransaction,
        long storageRebate) {
    private static final byte[] DIGEST_PREFIX = "Object::".getBytes(StandardCharsets.US_ASCII);

    public ChainObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(previousTransaction, "previousTransaction");
        if (!data.id().equals(id)) {
            throw new IllegalArgumentException("contents ID " + data.id() + " differs from object ID " + id);
        }
        if ((type == null) != (data instanceof PackageData)) {
            throw new IllegalArgumentException("only packages have no Move type");
        }
    }

    /**
     * Builds a version whose digest is computed from its contents.
     *
     * @param type the Move type, or {@code null} for a package
     */
    public static ChainObject create(
            long version, Owner owner, StructTag type, ObjectData data, Digest previousTransaction, long rebate) {
        Digest digest = computeDigest(version, owner, type, data, previousTransaction, rebate);
        return new ChainObject(data.id(), version, digest, owner, type, data, previousTransaction, rebate);
    }

    /** Whether this is a package. */
    public boolean isPackage() {
        return data instanceof PackageData;
    }

    /** The reference transactions use for it. */
    public ObjectRef ref() {
        return new ObjectRef(id, version, digest);
    }

    /** The Move contents in BCS (empty for packages). */
    public byte[] contentsBcs() {
        return data.toBcs();
    }

    /** Whether {@code TransferObjects} may move it: coins, blobs and storage resources have {@code key + store}. */
    public boolean hasPublicTransfer() {
        return data instanceof CoinData || data instanceof BlobData || data instanceof StorageData;
    }

    /** The BCS of Sui's {@code Object}: data (Move object or package), owner, previous transaction, rebate. */
    public byte[] objectBcs() {
        return objectBcs(version, owner, type, data, previousTransaction, storageRebate);
    }

    /**
     * The BCS of Sui's {@code MoveObject} (type, public-transfer flag, version, contents), or an empty array for a
     * package.
     */
    public byte[] moveObjectBcs() {
        if (isPackage()) {
            return new byte[0];
        }
        byte[] full = objectBcs();
        BcsWriter tail = new BcsWriter();
        owner.writeTo(tail);
        previousTransaction.writeTo(tail);
        tail.u64(storageRebate);
        return Arrays.copyOfRange(full, 1, full.length - tail.size());
    }

    /** Size in bytes used for storage charges: the object's BCS. */
    public int storageSize() {
        return objectBcs().length;
    }

    /** Blake2b-256 of {@code "Object::"} and {@link #objectBcs()}, as Sui computes object digests. */
    public static Digest computeDigest(
            long version, Owner owner, StructTag type, ObjectData data, Digest previousTransaction, long rebate) {
        return Digest.fromBytes(
                Blake2b256.hash(DIGEST_PREFIX, objectBcs(version, owner, type, data, previousTransaction, rebate)));
    }

    private static byte[] objectBcs(
            long version, Owner owner, StructTag type, ObjectData data, Digest previousTransaction, long rebate) {
        BcsWriter writer = new BcsWriter();
        if (data instanceof PackageData p) {
            writer.variant(1); // Data::Package
            p.id().writeTo(writer);
            writer.u64(version);
            writer.uleb128(0).uleb128(0).uleb128(0); // module map, type origins, linkage: empty
        } else {
            writer.variant(0); // Data::Move
            if (ChainTypes.isCoin(type) && ChainTypes.coinTypeOf(type).equals(ChainTypes.SUI)) {
                writer.variant(1); // MoveObjectType::GasCoin
            } else if (ChainTypes.isCoin(type)) {
                writer.variant(3); // MoveObjectType::Coin(T)
                ChainTypes.coinTypeOf(type).writeTo(writer);
            } else {
                writer.variant(0); // MoveObjectType::Other(StructTag)
                type.writeTo(writer);
            }
            writer.bool(data instanceof CoinData || data instanceof BlobData || data instanceof StorageData);
            writer.u64(version);
            writer.bytes(data.toBcs());
        }
        owner.writeTo(writer);
        previousTransaction.writeTo(writer);
        writer.u64(rebate);
        return writer.toByteArray();
    }
}
