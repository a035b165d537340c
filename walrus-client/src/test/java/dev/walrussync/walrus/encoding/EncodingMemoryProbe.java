package dev.walrussync.walrus.encoding;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Random;

/**
 * Encodes one random blob in a fresh JVM, for {@link EncodingPerformanceTest}'s memory measurements: {@code java
 * -XmxNm EncodingMemoryProbe encode|metadata SHARDS BYTES}. Prints the heap retained by the result and exits with 0,
 * or fails with an {@link OutOfMemoryError} when the heap is too small.
 */
final class EncodingMemoryProbe {
    private EncodingMemoryProbe() {}

    public static void main(String[] args) {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        byte[] blob = new byte[size];
        new Random(size).nextBytes(blob);
        long before = usedAfterGc();
        Object result = switch (mode) {
            case "encode" -> new BlobEncoder().encode(blob, n);
            case "metadata" -> new BlobEncoder().computeMetadata(blob, n);
            default -> throw new IllegalArgumentException(mode);
        };
        long after = usedAfterGc();
        System.out.println("retained " + (after - before));
        Reference.reachabilityFence(result);
        Reference.reachabilityFence(blob);
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
