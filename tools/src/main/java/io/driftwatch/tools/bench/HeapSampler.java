package io.driftwatch.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap use of this JVM: the live heap after a collection, and the largest use seen between samples, so a
 * benchmark can say what the service holds and what it peaks at. Not thread-safe.
 */
final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long peakBytes;

    /** Heap in use after asking for a full collection: what is still reachable. */
    long liveBytes() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    void sample() {
        peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
    }

    long peakBytes() {
        return peakBytes;
    }
}
