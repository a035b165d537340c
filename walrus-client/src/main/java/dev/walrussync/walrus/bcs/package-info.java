/**
 * Binary Canonical Serialization (BCS), the wire format of Sui and Move: a writer and a strict reader.
 *
 * <p>Integers are little-endian, lengths and enum tags are canonical ULEB128, and a reader rejects truncated,
 * over-long and trailing input. Depends on nothing else in this module.
 */
@NullMarked
package dev.walrussync.walrus.bcs;

import org.jspecify.annotations.NullMarked;
