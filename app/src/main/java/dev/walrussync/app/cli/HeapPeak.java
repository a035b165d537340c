package dev.walrussync.app.cli;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/** The peak heap in use during a benchmark step, sampled every 5 ms on a daemon thread. */
final class HeapPeak implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    private HeapPeak() {
        sampler = new Thread(
                () -> {
                    var memory = ManagementFactory.getMemoryMXBean();
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling. */
    static HeapPeak start() {
        HeapPeak h = new HeapPeak();
        h.sampler.start();
        return h;
    }

    /** Starts a new measurement: collects garbage, then forgets the peak so far. */
    void reset() {
        System.gc();
        peak.set(0);
    }

    /** The peak since the last {@link #reset()}, in MiB. */
    long mib() {
        return peak.get() >> 20;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
