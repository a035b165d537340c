package dev.walrussync.engine.store;

/**
 * What a store is and how large its blobs should be.
 *
 * @param kind a short name such as {@code dir} or {@code memory}
 * @param location where it is, for people (a path or a URL)
 * @param targetPackSize the pack size the engine should aim for, in bytes
 */
public record StoreInfo(String kind, String location, long targetPackSize) {}
