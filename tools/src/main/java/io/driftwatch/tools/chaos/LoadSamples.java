package io.driftwatch.tools.chaos;

import io.driftwatch.testkit.probe.ScrapedHeap;
import org.apache.kafka.clients.admin.Admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A service in a child JVM watched from outside under load, one sample at a time: its consumer group's lag on the input topic, the
 * heap it reports on {@code /metrics}, and whether its process is alive. What a scenario under load checks, and
 * prints, so a failure shows how the lag moved.
 */
final class LoadSamples {
    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final ScrapedHeap heap;
    private final ChildJvm child;
    private final List<Long> lags = new ArrayList<>();
    private boolean aliveThroughout = true;

    LoadSamples(Admin admin, String groupId, String topic, ScrapedHeap heap, ChildJvm child) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
        this.heap = heap;
        this.child = child;
    }

    /** Takes one sample of each; returns the lag, in records of the input topic not yet committed. */
    long sample() throws ExecutionException, InterruptedException {
        aliveThroughout &= child.alive();
        heap.sample();
        long lag = CommittedRecords.lag(admin, groupId, topic);
        lags.add(lag);
        return lag;
    }

    /** The largest lag sampled so far. */
    long peakLag() {
        return lags.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Every lag sampled, in order. */
    List<Long> lags() {
        return List.copyOf(lags);
    }

    /** Whether the process was alive at every sample. */
    boolean aliveThroughout() {
        return aliveThroughout;
    }

    ScrapedHeap heap() {
        return heap;
    }
}
