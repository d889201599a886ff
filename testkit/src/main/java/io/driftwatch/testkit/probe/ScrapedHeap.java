package io.driftwatch.testkit.probe;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The heap a driftwatch process reports on its Prometheus endpoint ({@code jvm_memory_used_bytes{area="heap"}},
 * summed over the heap's pools), sampled from outside the process and kept at its peak: how a check that a
 * process stays within its {@code -Xmx} sees memory, as an operator's dashboard does. Not thread-safe: one
 * thread samples.
 */
public final class ScrapedHeap {
    private final int port;
    private long peakBytes;
    private int samples;

    /** Samples the endpoint of a process on this machine serving {@code /metrics} on {@code port}. */
    public ScrapedHeap(int port) {
        this.port = port;
    }

    /**
     * Takes one sample.
     *
     * @return the heap used in bytes, or empty when the endpoint does not answer (the process is starting, or gone)
     */
    public OptionalLong sample() throws InterruptedException {
        try {
            long heapBytes = (long) Scrape.fetchLocal(port).find("jvm_memory_used_bytes", Map.of("area", "heap")).stream()
                    .mapToDouble(Scrape.Sample::value).sum();
            peakBytes = Math.max(peakBytes, heapBytes);
            samples++;
            return OptionalLong.of(heapBytes);
        } catch (IOException notServing) {
            return OptionalLong.empty();
        }
    }

    /** The largest heap sampled so far, in bytes; 0 before the first answered sample. */
    public long peakBytes() {
        return peakBytes;
    }

    /** How many samples were answered. */
    public int samples() {
        return samples;
    }
}
