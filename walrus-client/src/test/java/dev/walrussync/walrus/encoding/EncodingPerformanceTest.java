package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Encodes and decodes large blobs and reports the times; run with {@code -Pslow}. */
@Tag("slow")
class EncodingPerformanceTest {
    private static final int MIB = 1 << 20;

    private static byte[] randomBlob(int size) {
        byte[] blob = new byte[size];
        new Random(size).nextBytes(blob);
        return blob;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static void report(String what, long startNanos, long startCpuNanos) {
        System.out.printf(
                "%s: %d ms wall, %d ms CPU (all threads, system load average %.1f)%n",
                what,
                (System.nanoTime() - startNanos) / 1_000_000,
                (processCpuNanos() - startCpuNanos) / 1_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void encodeAndDecode(byte[] blob, int n, String label) throws Exception {
        BlobEncoder encoder = new BlobEncoder();
        encoder.encode(randomBlob(MIB / 4), n); // warm up the JIT
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        EncodedBlob encoded = encoder.encode(blob, n);
        report("encode " + label, start, cpu);

        int k = encoded.config().sliversForReconstruction();
        List<Sliver> last = new ArrayList<>(encoded.primarySlivers().subList(n - k, n));
        cpu = processCpuNanos();
        start = System.nanoTime();
        byte[] decoded = new BlobDecoder().decode(encoded.metadata(), last);
        report("decode " + label + " from the last " + k + " primary slivers", start, cpu);
        assertThat(decoded).isEqualTo(blob);
    }

    @Test
    void thirtyTwoMebibytesEncodeAndDecodeAtOneThousandShards() throws Exception {
        encodeAndDecode(randomBlob(32 * MIB), 1000, "32 MiB, n=1000");
    }

    @Test
    void theLargestBlobEncodesAndDecodesAtTenShards() throws Exception {
        int max = (int) EncodingConfig.forShards(10).maxBlobSize();
        assertThatThrownBy(() -> new BlobEncoder().encode(new byte[32 * MIB], 10))
                .isInstanceOf(BlobTooLargeException.class);

        encodeAndDecode(randomBlob(max), 10, max + " B (the maximum), n=10");
    }
}
