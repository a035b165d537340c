package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Encodes and decodes large blobs and reports the times, and measures the heap encoding needs; run with {@code
 * -Pslow}. Figures are printed, never asserted.
 */
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

    /**
     * Whether {@link EncodingMemoryProbe} encodes a random blob of {@code size} bytes at {@code n} shards within a
     * heap of {@code heapMib} MiB (a fresh JVM with the default garbage collector); empty if it does not.
     */
    private static Optional<Long> retainedWithin(int heapMib, String mode, int n, int size) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx" + heapMib + "m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EncodingMemoryProbe.class.getName(),
                        mode,
                        Integer.toString(n),
                        Integer.toString(size))
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return Optional.empty();
        }
        if (process.exitValue() != 0) {
            assertThat(output).contains("OutOfMemoryError");
            return Optional.empty();
        }
        Matcher m = Pattern.compile("retained (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /**
     * Finds, to 2 MiB, the smallest heap in which a blob of {@code size} bytes encodes at {@code n} shards, and
     * prints it and the heap the result keeps, both relative to the blob size.
     */
    private static void reportMemory(String mode, int n, int size) throws Exception {
        int low = size / MIB; // the input alone needs this much: fails
        int high = 8 * size / MIB + 64;
        Optional<Long> retained = retainedWithin(high, mode, n, size);
        assertThat(retained)
                .as("%s of %d B at n=%d within %d MiB", mode, size, n, high)
                .isPresent();
        while (high - low > 2) {
            int mid = (low + high) / 2;
            Optional<Long> r = retainedWithin(mid, mode, n, size);
            if (r.isPresent()) {
                high = mid;
                retained = r;
            } else {
                low = mid;
            }
        }
        System.out.printf(
                "memory, %s of %d MiB at n=%d: smallest heap %d MiB = %.2f× the blob (input included); the result"
                        + " keeps %.2f× the blob%n",
                mode, size / MIB, n, high, (double) high * MIB / size, (double) retained.orElseThrow() / size);
    }

    @Test
    void memoryToEncodeThirtyTwoAndSixtyFourMebibytesAtOneThousandShards() throws Exception {
        for (int size : new int[] {32 * MIB, 64 * MIB}) {
            reportMemory("encode", 1000, size);
            reportMemory("metadata", 1000, size);
        }
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
