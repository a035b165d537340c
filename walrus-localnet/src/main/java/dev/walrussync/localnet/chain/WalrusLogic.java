package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Walrus Move functions this chain runs natively, with the checks, abort codes and events of the Walrus
 * contracts ({@code system.move}, {@code system_state_inner.move}, {@code blob.move}, {@code metadata.move}).
 * Instruction offsets in abort locations are representative, not the real bytecode offsets.
 */
final class WalrusLogic {
    static final long BYTES_PER_UNIT_SIZE = 1024L * 1024L;
    static final int ENCODING_RS2 = 1;

    // blob.move
    static final long E_NOT_CERTIFIED = 0;
    static final long E_BLOB_NOT_DELETABLE = 1;
    static final long E_RESOURCE_BOUNDS = 2;
    static final long E_RESOURCE_SIZE = 3;
    static final long E_ALREADY_CERTIFIED = 5;
    static final long E_INVALID_BLOB_ID = 6;
    static final long E_MISSING_METADATA = 8;
    // system_state_inner.move
    static final long E_INVALID_EPOCHS_AHEAD = 2;
    static final long E_INVALID_ID_EPOCH = 3;
    // system.move
    static final long E_WRONG_VERSION = 1;
    // sui::balance, sui::vec_map
    static final long E_NOT_ENOUGH = 2;
    static final long E_KEY_DOES_NOT_EXIST = 1;

    private final ChainConfig config;
    private final ChainTypes types;

    WalrusLogic(ChainConfig config, ChainTypes types) {
        this.config = config;
        this.types = types;
    }

    ChainTypes types() {
        return types;
    }

    /** {@code ceil(size / 1 MiB)}, Walrus's {@code storage_units_from_size}. */
    static long storageUnits(long size) {
        long whole = Long.divideUnsigned(size, BYTES_PER_UNIT_SIZE);
        return Long.remainderUnsigned(size, BYTES_PER_UNIT_SIZE) == 0 ? whole : whole + 1;
    }

    private static ExecutionAbort abort(SuiAddress pkg, String module, String function, int instruction, long code) {
        return ExecutionAbort.move(new MoveAbortLocation(pkg, module, function, instruction, code));
    }

    /** Aborts as {@code system::inner}/{@code inner_mut} do when called through a package other than the current. */
    void checkVersion(SuiAddress callPackage, boolean mutable) {
        if (!callPackage.equals(config.walrusPackageId())) {
            throw abort(callPackage, "system", mutable ? "inner_mut" : "inner", 11, E_WRONG_VERSION);
        }
    }

    /** The system state field of the system object, loaded into the execution. */
    Execution.Working systemInner(Execution ex, Execution.Working system) {
        SystemData sys = (SystemData) system.data;
        SuiAddress fieldId = ObjectIds.dynamicField(
                sys.id(), ChainTypes.U64, new BcsWriter().u64(sys.version()).toByteArray());
        Execution.Working field = ex.load(fieldId);
        if (field == null) {
            throw ExecutionAbort.of("InvariantViolation", "INVARIANT VIOLATION.");
        }
        return field;
    }

    static SystemStateInner inner(Execution.Working field) {
        return ((SystemStateField) field.data).value();
    }

    /** Splits {@code amount} off a coin as {@code balance::split} does, aborting when the coin holds less. */
    static void split(Execution.Working coin, long amount) {
        CoinData data = (CoinData) coin.data;
        if (Long.compareUnsigned(data.balance(), amount) < 0) {
            throw abort(SuiAddress.SUI_FRAMEWORK, "balance", "split", 12, E_NOT_ENOUGH);
        }
        coin.data = data.withBalance(data.balance() - amount);
    }

    /** Pays {@code perEpoch} once for each of {@code epochs} epochs, as {@code process_storage_payments} does. */
    private static void payPerEpoch(Execution.Working coin, long perEpoch, long epochs) {
        for (long i = 0; i < epochs; i++) {
            split(coin, perEpoch);
        }
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw ExecutionAbort.of(
                    "MovePrimitiveRuntimeError",
                    "Move Primitive Runtime Error. Location: UNKNOWN. Arithmetic error, stack overflow, max value"
                            + " depth, etc.");
        }
    }

    /** {@code system::extend_blob(&mut System, &mut Blob, u32, &mut Coin<WAL>)}. */
    void extendBlob(
            Execution ex,
            SuiAddress callPackage,
            Execution.Working system,
            Execution.Working blob,
            long extendedEpochs,
            Execution.Working payment) {
        checkVersion(callPackage, true);
        SystemStateInner inner = inner(systemInner(ex, system));
        long epoch = inner.epoch();
        BlobData b = (BlobData) blob.data;
        if (!b.isCertified()) {
            throw abort(callPackage, "blob", "assert_certified_not_expired", 8, E_NOT_CERTIFIED);
        }
        if (epoch >= b.endEpoch()) {
            throw abort(callPackage, "blob", "assert_certified_not_expired", 17, E_RESOURCE_BOUNDS);
        }
        long startOffset = b.endEpoch() - epoch;
        long endOffset = startOffset + extendedEpochs;
        if (extendedEpochs == 0) {
            throw abort(callPackage, "system_state_inner", "extend_blob", 19, E_INVALID_EPOCHS_AHEAD);
        }
        if (endOffset > inner.maxEpochsAhead()) {
            throw abort(callPackage, "system_state_inner", "extend_blob", 27, E_INVALID_EPOCHS_AHEAD);
        }
        long perEpoch = multiply(
                inner.storagePricePerUnitSize(), storageUnits(b.storage().storageSize()));
        payPerEpoch(payment, perEpoch, extendedEpochs);
        long newEnd = b.endEpoch() + extendedEpochs;
        b = b.withStorage(b.storage().withEndEpoch(newEnd));
        blob.data = b;
        emitCertified(ex, callPackage, "system", b, true);
    }

    /** {@code system::delete_blob(&System, Blob): Storage}; returns the unwrapped storage, not yet owned. */
    Execution.Working deleteBlob(
            Execution ex, SuiAddress callPackage, Execution.Working system, Execution.Working blob) {
        checkVersion(callPackage, false);
        long epoch = inner(systemInner(ex, system)).epoch();
        Execution.Working metadata = metadataField(ex, blob);
        if (metadata != null) {
            ex.delete(metadata);
        }
        BlobData b = (BlobData) blob.data;
        if (!b.deletable()) {
            throw abort(callPackage, "blob", "delete", 21, E_BLOB_NOT_DELETABLE);
        }
        if (b.endEpoch() <= epoch) {
            throw abort(callPackage, "blob", "delete", 26, E_RESOURCE_BOUNDS);
        }
        ex.delete(blob);
        BcsWriter event = new BcsWriter().u32(epoch).u256(b.blobId().toU256()).u32(b.endEpoch());
        b.id().writeTo(event);
        event.bool(b.isCertified());
        ObjectNode json = Json.object();
        json.put("epoch", epoch);
        json.put("blob_id", b.blobId().toU256Decimal());
        json.put("end_epoch", b.endEpoch());
        json.put("object_id", b.id().toString());
        json.put("was_certified", b.isCertified());
        ex.emit(callPackage, "system", types.event("BlobDeleted"), event.toByteArray(), json);
        return ex.unwrap(types.storage(), b.storage(), new Owner.Immutable());
    }

    /** {@code blob::burn(Blob)}: drops the blob, its attributes and its storage. */
    void burnBlob(Execution ex, Execution.Working blob) {
        Execution.Working metadata = metadataField(ex, blob);
        if (metadata != null) {
            ex.delete(metadata);
        }
        ex.delete(blob);
    }

    /** The blob's metadata field if it exists, loaded into the execution. */
    Execution.Working metadataField(Execution ex, Execution.Working blob) {
        return ex.load(metadataFieldId(blob.id));
    }

    static SuiAddress metadataFieldId(SuiAddress blobId) {
        return ObjectIds.dynamicField(blobId, ChainTypes.BYTES, MetadataField.nameBcs());
    }

    /** {@code blob::insert_or_update_metadata_pair(&mut Blob, String, String)}. */
    void insertOrUpdateMetadata(Execution ex, Execution.Working blob, String key, String value) {
        Execution.Working field = metadataField(ex, blob);
        if (field == null) {
            SuiAddress id = metadataFieldId(blob.id);
            field = ex.create(
                    types.metadataFieldType(), new MetadataField(id, List.of()), new Owner.ObjectOwner(blob.id));
        }
        field.data = ((MetadataField) field.data).insertOrUpdate(key, value);
    }

    /** {@code blob::remove_metadata_pair(&mut Blob, &String): (String, String)}; returns the removed value. */
    String removeMetadata(Execution ex, SuiAddress callPackage, Execution.Working blob, String key) {
        Execution.Working field = metadataField(ex, blob);
        if (field == null) {
            throw abort(callPackage, "blob", "metadata", 9, E_MISSING_METADATA);
        }
        MetadataField metadata = (MetadataField) field.data;
        String value = metadata.get(key)
                .orElseThrow(() -> abort(SuiAddress.SUI_FRAMEWORK, "vec_map", "get_idx", 10, E_KEY_DOES_NOT_EXIST));
        field.data = metadata.remove(key);
        return value;
    }

    /** {@code blob::remove_metadata_pair_if_exists(&mut Blob, &String): Option<String>}; {@code null} if absent. */
    String removeMetadataIfExists(Execution ex, Execution.Working blob, String key) {
        Execution.Working field = metadataField(ex, blob);
        if (field == null) {
            return null;
        }
        MetadataField metadata = (MetadataField) field.data;
        String value = metadata.get(key).orElse(null);
        if (value != null) {
            field.data = metadata.remove(key);
        }
        return value;
    }

    /**
     * {@code reserve_space} followed by {@code register_blob}, paid from {@code payment}: storage for {@code
     * epochsAhead} epochs ({@code units(encodedLength) × storage price × epochs}) plus the write fee ({@code
     * units(encoded size) × write price}). Returns the new blob, owned by the sender.
     */
    Execution.Working registerBlob(
            Execution ex,
            Execution.Working system,
            Execution.Working payment,
            BlobId blobId,
            byte[] rootHash,
            long size,
            long encodedLength,
            long epochsAhead,
            boolean deletable) {
        SuiAddress pkg = config.walrusPackageId();
        SystemStateInner inner = inner(systemInner(ex, system));
        long epoch = inner.epoch();
        if (epochsAhead <= 0 || epochsAhead > inner.maxEpochsAhead()) {
            throw abort(pkg, "system_state_inner", "reserve_space", 9, E_INVALID_EPOCHS_AHEAD);
        }
        long storagePerEpoch = multiply(inner.storagePricePerUnitSize(), storageUnits(encodedLength));
        payPerEpoch(payment, storagePerEpoch, epochsAhead);
        StorageData storage = new StorageData(ex.freshId(), epoch, epoch + epochsAhead, encodedLength);
        SuiAddress blobObjectId = ex.freshId();
        long encodedSize;
        try {
            encodedSize = EncodingConfig.forShards(inner.nShards()).encodedLength(size);
        } catch (RuntimeException e) {
            throw abort(pkg, "redstuff", "encoded_blob_length", 30, 0);
        }
        if (Long.compareUnsigned(encodedSize, encodedLength) > 0) {
            throw abort(pkg, "blob", "new", 35, E_RESOURCE_SIZE);
        }
        if (rootHash.length != 32 || !BlobId.derive(size, rootHash).equals(blobId)) {
            throw abort(pkg, "blob", "new", 47, E_INVALID_BLOB_ID);
        }
        BcsWriter event = new BcsWriter()
                .u32(epoch)
                .u256(blobId.toU256())
                .u64(size)
                .u8(ENCODING_RS2)
                .u32(storage.endEpoch())
                .bool(deletable);
        blobObjectId.writeTo(event);
        ObjectNode json = Json.object();
        json.put("epoch", epoch);
        json.put("blob_id", blobId.toU256Decimal());
        json.put("size", Json.u64(size));
        json.put("encoding_type", ENCODING_RS2);
        json.put("end_epoch", storage.endEpoch());
        json.put("deletable", deletable);
        json.put("object_id", blobObjectId.toString());
        ex.emit(pkg, "system", types.event("BlobRegistered"), event.toByteArray(), json);
        split(payment, multiply(inner.writePricePerUnitSize(), storageUnits(encodedSize)));
        BlobData blob =
                new BlobData(blobObjectId, epoch, blobId, size, ENCODING_RS2, OptionalLong.empty(), storage, deletable);
        return ex.create(types.blob(), blob, new Owner.AddressOwner(ex.sender()));
    }

    /** {@code certify_blob} without the BLS check: the caller has verified a quorum of confirmations. */
    void certifyBlob(Execution ex, Execution.Working system, Execution.Working blob, long certificateEpoch) {
        SuiAddress pkg = config.walrusPackageId();
        long epoch = inner(systemInner(ex, system)).epoch();
        if (certificateEpoch != epoch) {
            throw abort(pkg, "system_state_inner", "certify_blob", 14, E_INVALID_ID_EPOCH);
        }
        BlobData b = (BlobData) blob.data;
        if (b.isCertified()) {
            throw abort(pkg, "blob", "certify_with_certified_msg", 18, E_ALREADY_CERTIFIED);
        }
        if (epoch >= b.endEpoch()) {
            throw abort(pkg, "blob", "certify_with_certified_msg", 25, E_RESOURCE_BOUNDS);
        }
        b = b.withCertifiedEpoch(epoch);
        blob.data = b;
        emitCertified(ex, pkg, "system", b, false);
    }

    private void emitCertified(Execution ex, SuiAddress pkg, String module, BlobData b, boolean extension) {
        long certified = b.certifiedEpoch().orElseThrow();
        BcsWriter event = new BcsWriter()
                .u32(certified)
                .u256(b.blobId().toU256())
                .u32(b.endEpoch())
                .bool(b.deletable());
        b.id().writeTo(event);
        event.bool(extension);
        ObjectNode json = Json.object();
        json.put("epoch", certified);
        json.put("blob_id", b.blobId().toU256Decimal());
        json.put("end_epoch", b.endEpoch());
        json.put("deletable", b.deletable());
        json.put("object_id", b.id().toString());
        json.put("is_extension", extension);
        ex.emit(pkg, module, types.event("BlobCertified"), event.toByteArray(), json);
    }
}
