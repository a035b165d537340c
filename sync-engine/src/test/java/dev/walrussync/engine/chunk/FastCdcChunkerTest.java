package dev.walrussync.engine.chunk;

import static dev.walrussync.engine.chunk.ChunkTestSupport.GOLDEN_KEY;
import static dev.walrussync.engine.chunk.ChunkTestSupport.chunker;
import static dev.walrussync.engine.chunk.ChunkTestSupport.cutLengths;
import static dev.walrussync.engine.chunk.ChunkTestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boundaries of {@link FastCdcChunker#cutPoint}: limits, determinism, keying and shift resistance. */
class FastCdcChunkerTest {
    private static final ChunkerParams SMALL = new ChunkerParams(1024, 4096, 16384);
    private static final FastCdcChunker DEFAULT_CHUNKER = chunker(GOLDEN_KEY, ChunkerParams.DEFAULT);
    private static final FastCdcChunker SMALL_CHUNKER = chunker(GOLDEN_KEY, SMALL);

    @Test
    void cutPointReturnsTheWholeRemainderWhenItIsAtMostTheMinimum() {
        byte[] data = randomBytes(1, 2000);
        assertThat(SMALL_CHUNKER.cutPoint(data, 0, 0)).isZero();
        assertThat(SMALL_CHUNKER.cutPoint(data, 5, 1)).isEqualTo(1);
        assertThat(SMALL_CHUNKER.cutPoint(data, 5, 1023)).isEqualTo(1023);
        assertThat(SMALL_CHUNKER.cutPoint(data, 5, 1024)).isEqualTo(1024);
    }

    @Test
    void cutPointNeverExceedsTheMaximumEvenWhenMoreIsAvailable() {
        // Zero bytes never satisfy a mask with this key, so every chunk is cut at the maximum.
        byte[] zeros = new byte[100_000];
        assertThat(cutLengths(SMALL_CHUNKER, zeros)).startsWith(16384, 16384).allMatch(n -> n <= 16384);
    }

    @Test
    void cutPointReturnsTheRemainderAtEndOfStreamWithoutABoundary() {
        byte[] zeros = new byte[10_000];
        assertThat(SMALL_CHUNKER.cutPoint(zeros, 0, zeros.length)).isEqualTo(10_000);
    }

    @Test
    void cutPointDependsOnlyOnTheBytesFromTheOffset() {
        byte[] data = randomBytes(2, 50_000);
        byte[] shifted = new byte[data.length + 333];
        System.arraycopy(data, 0, shifted, 333, data.length);
        for (int off = 0; off < data.length; ) {
            int length = SMALL_CHUNKER.cutPoint(data, off, data.length - off);
            assertThat(SMALL_CHUNKER.cutPoint(shifted, off + 333, data.length - off))
                    .isEqualTo(length);
            off += length;
        }
    }

    @Test
    void cutPointRejectsARangeOutsideTheArray() {
        byte[] data = new byte[10];
        assertThatThrownBy(() -> SMALL_CHUNKER.cutPoint(data, 5, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SMALL_CHUNKER.cutPoint(data, -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void sameKeyAndInputAlwaysGiveTheSameChunks() {
        byte[] data = randomBytes(3, 6 << 20);
        FastCdcChunker again = chunker(GOLDEN_KEY.clone(), ChunkerParams.DEFAULT);
        List<Integer> first = cutLengths(DEFAULT_CHUNKER, data);
        assertThat(first.size()).isGreaterThan(2);
        assertThat(cutLengths(DEFAULT_CHUNKER, data)).isEqualTo(first);
        assertThat(cutLengths(again, data)).isEqualTo(first);
    }

    @Test
    void differentKeysGiveDifferentBoundaries() {
        byte[] data = randomBytes(4, 8 << 20);
        List<Integer> a = cutLengths(DEFAULT_CHUNKER, data);
        List<Integer> b = cutLengths(chunker(ChunkTestSupport.sequentialKey(100), ChunkerParams.DEFAULT), data);
        assertThat(b).isNotEqualTo(a);
        // Not merely shifted: the first boundary already differs.
        assertThat(b.get(0)).isNotEqualTo(a.get(0));

        byte[] small = randomBytes(5, 1 << 20);
        List<Integer> c = cutLengths(SMALL_CHUNKER, small);
        List<Integer> d = cutLengths(chunker(ChunkTestSupport.sequentialKey(100), SMALL), small);
        assertThat(boundaries(d)).doesNotContainAnyElementsOf(boundaries(c).subList(0, 5));
    }

    @Test
    void insertingBytesNearTheStartChangesOnlyTheFirstChunks() {
        byte[] original = randomBytes(6, 20 << 20);
        for (int insertAt : new int[] {0, 1000, 600_000}) {
            byte[] inserted = randomBytes(insertAt, 100);
            byte[] edited = new byte[original.length + inserted.length];
            System.arraycopy(original, 0, edited, 0, insertAt);
            System.arraycopy(inserted, 0, edited, insertAt, inserted.length);
            System.arraycopy(original, insertAt, edited, insertAt + inserted.length, original.length - insertAt);

            List<Integer> before = cutLengths(DEFAULT_CHUNKER, original);
            List<Integer> after = cutLengths(DEFAULT_CHUNKER, edited);
            int common = commonSuffix(before, after);
            assertThat(before.size() - common)
                    .as("changed chunks before, insert at %d", insertAt)
                    .isBetween(1, 2);
            assertThat(after.size() - common)
                    .as("changed chunks after, insert at %d", insertAt)
                    .isBetween(1, 2);
            assertThat(common).isGreaterThan(10);
        }
    }

    @Test
    void deletingBytesNearTheStartChangesOnlyTheFirstChunks() {
        byte[] original = randomBytes(7, 20 << 20);
        byte[] edited = new byte[original.length - 5000];
        System.arraycopy(original, 0, edited, 0, 3000);
        System.arraycopy(original, 8000, edited, 3000, original.length - 8000);

        List<Integer> before = cutLengths(DEFAULT_CHUNKER, original);
        List<Integer> after = cutLengths(DEFAULT_CHUNKER, edited);
        int common = commonSuffix(before, after);
        assertThat(before.size() - common).isBetween(1, 2);
        assertThat(after.size() - common).isBetween(1, 2);
    }

    /** The number of trailing chunks with equal lengths; equal content follows from equal tails. */
    private static int commonSuffix(List<Integer> a, List<Integer> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        return n;
    }

    private static List<Long> boundaries(List<Integer> lengths) {
        long[] offsets = new long[lengths.size()];
        long off = 0;
        for (int i = 0; i < offsets.length; i++) {
            off += lengths.get(i);
            offsets[i] = off;
        }
        return Arrays.stream(offsets).boxed().toList();
    }
}
