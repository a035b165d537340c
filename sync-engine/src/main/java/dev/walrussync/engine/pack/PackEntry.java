package dev.walrussync.engine.pack;

import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;

/**
 * Where one encrypted chunk sits in a pack.
 *
 * @param offset of the encrypted chunk from the start of the pack
 * @param length of the encrypted chunk (nonce, ciphertext and tag)
 * @param plainLength of the chunk's plaintext
 * @param compression 0 for raw, 1 for zstd
 */
public record PackEntry(ChunkType type, int compression, ChunkId id, long offset, int length, int plainLength) {}
