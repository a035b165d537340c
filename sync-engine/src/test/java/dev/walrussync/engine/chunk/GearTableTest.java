package dev.walrussync.engine.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Derivation of the keyed {@link GearTable}. */
class GearTableTest {
    /** Expected values computed independently with Python's hmac module. */
    @Test
    void entriesAreLittleEndianPrefixesOfHmacOverGearAndIndex() {
        GearTable table = GearTable.derive(ChunkTestSupport.GOLDEN_KEY);
        assertThat(table.entry(0)).isEqualTo(0x0c368bc3806228ddL);
        assertThat(table.entry(1)).isEqualTo(0xe85a7a313e051f91L);
        assertThat(table.entry(255)).isEqualTo(0x9e0d82ef82e3dd6eL);
        assertThat(GearTable.derive(new byte[32]).entry(0)).isEqualTo(0xd6a5465c01d4d9d7L);
    }

    @Test
    void everyEntryMatchesItsDefinition() throws Exception {
        byte[] key = ChunkTestSupport.sequentialKey(7);
        GearTable table = GearTable.derive(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (int i = 0; i < GearTable.SIZE; i++) {
            mac.update("gear".getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) i);
            byte[] digest = mac.doFinal();
            long expected = 0;
            for (int b = 0; b < 8; b++) {
                expected |= (digest[b] & 0xFFL) << (8 * b);
            }
            assertThat(table.entry(i)).as("entry %d", i).isEqualTo(expected);
        }
    }

    @Test
    void entriesAreDistinctAndDependOnTheKey() {
        GearTable a = GearTable.derive(ChunkTestSupport.sequentialKey(0));
        GearTable b = GearTable.derive(ChunkTestSupport.sequentialKey(1));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < GearTable.SIZE; i++) {
            seen.add(a.entry(i));
            assertThat(a.entry(i)).isNotEqualTo(b.entry(i));
        }
        assertThat(seen).hasSize(GearTable.SIZE);
    }

    @Test
    void entriesCopyCannotChangeTheTable() {
        GearTable table = GearTable.derive(ChunkTestSupport.GOLDEN_KEY);
        long[] copy = table.entries();
        copy[0] = 42;
        assertThat(table.entry(0)).isEqualTo(0x0c368bc3806228ddL);
    }

    @Test
    void rejectsAnEmptyKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> GearTable.derive(new byte[0]));
    }
}
