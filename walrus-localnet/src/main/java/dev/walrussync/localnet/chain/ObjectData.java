package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.sui.SuiAddress;

/**
 * The Move contents of an object this chain knows how to interpret: coins, Walrus blobs, storage resources, the
 * Walrus system object and its dynamic fields, and packages (which have no Move contents).
 */
public sealed interface ObjectData
        permits CoinData, StorageData, BlobData, SystemData, SystemStateField, MetadataField, PackageData {
    /** The object's ID (its {@code UID}). */
    SuiAddress id();

    /** The BCS bytes of the Move struct, the {@code contents} Sui GraphQL returns as {@code bcs}. */
    byte[] toBcs();

    /** The Move value as Sui GraphQL renders it in {@code json}. */
    ObjectNode toJson();
}
