package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Renders the trigger-latency figures as text or as JSON with the keys {@link LatencyBenchCommand}'s help documents. */
final class LatencyReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LatencyReport() {
    }

    static String table(int recordsPerSecond, int partitions, TriggerLatency latency) {
        return String.format(Locale.ROOT, "latency: window close (stream time) to its trigger readable (read_committed),"
                        + " %d records/s live over %d partitions, %d ms windows, commit interval 1 s%n"
                        + "  triggers %d of %d expected, median %d ms, p99 %d ms, max %d ms%n",
                recordsPerSecond, partitions, latency.windowMillis(), latency.triggers(), latency.expected(),
                latency.medianMillis(), latency.p99Millis(),
                latency.latenciesMillis().stream().mapToLong(Long::longValue).max().orElse(-1));
    }

    static ObjectNode json(int recordsPerSecond, int partitions, TriggerLatency latency) {
        ObjectNode root = JSON.createObjectNode()
                .put("records_per_second", recordsPerSecond)
                .put("partitions", partitions)
                .put("window_millis", latency.windowMillis())
                .put("triggers", latency.triggers())
                .put("expected_triggers", latency.expected())
                .put("median_millis", latency.medianMillis())
                .put("p99_millis", latency.p99Millis());
        latency.latenciesMillis().forEach(root.putArray("latencies_millis")::add);
        return root;
    }
}
