package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * Renders the stream benchmark's figures as an aligned table or as JSON with the keys
 * {@link StreamBenchCommand}'s help documents. Both carry the same numbers.
 */
final class StreamBenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024.0 * 1024.0;

    private StreamBenchReport() {
    }

    static String table(int records, int partitions, List<StreamTiming> timings) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "stream: %,d inference records (%d numeric + %d categorical features), %d input"
                        + " partitions, exactly_once_v2, broker embedded in this JVM; %s%n%n", records,
                BenchInferences.NUMERIC_FEATURES, BenchInferences.CATEGORICAL_FEATURES, partitions, DecodeBenchReport.machine()));
        text.append(String.format(Locale.ROOT, "%-12s %7s %9s %12s %13s %11s %16s %6s %20s %12s %8s %8s %10s %10s%n", "format",
                "threads", "bytes/rec", "plain rec/s", "plain@t rec/s", "bare rec/s", "driftwatch rec/s", "ratio", "cpu us/rec p|b|d",
                "cpu d/b d/p", "windows", "start s", "heap held", "peak heap"));
        for (StreamTiming timing : timings) {
            text.append(String.format(Locale.ROOT, "%-12s %7d %9.0f %,12.0f %,13.0f %,11.0f %,16.0f %6.2f %6.1f|%6.1f|%-6.1f %5.2f"
                            + " %5.2f %8d %8.1f %6.1f MiB %6.0f MiB%n",
                    timing.format(), timing.threads(), timing.bytesPerRecord(), timing.plainRecordsPerSecond(),
                    timing.plainAtThreadsRecordsPerSecond(), timing.bareRecordsPerSecond(), timing.driftwatchRecordsPerSecond(), timing.ratio(),
                    timing.plainCpuMicrosPerRecord(), timing.bareCpuMicrosPerRecord(), timing.driftwatchCpuMicrosPerRecord(),
                    timing.cpuOverBare(), timing.cpuOverPlain(), timing.closed().windows(), timing.driftwatchStartSeconds(),
                    timing.heapHeldBytes() / MIB, timing.peakHeapBytes() / MIB));
        }
        if (!timings.isEmpty()) {
            ClosedWindows closed = timings.get(0).closed();
            text.append(String.format(Locale.ROOT, "%nstate per feature and open window (serialized profile, mean): numeric %.1f KiB,"
                    + " categorical %.1f KiB%n", closed.numericProfileBytes() / 1024, closed.categoricalProfileBytes() / 1024));
        }
        text.append(String.format(Locale.ROOT, "plain: a KafkaConsumer (read_committed) decoding every value with the cheapest"
                + " decoder of its format; plain@t: as many plain consumers as driftwatch has stream threads, side by side, each"
                + " with its share of the partitions.%nbare: a Kafka Streams topology with driftwatch's exactly-once settings, one thread, that"
                + " reads and decodes every value with driftwatch's decoder and does nothing else: the floor any Streams-based"
                + " monitor pays.%ndriftwatch: the full topology, timed from RUNNING until every input offset was committed"
                + " (bare too); 'start s' is the time to RUNNING, not in the rate.%ncpu us/rec: CPU time per record of the"
                + " plain consumer's thread | the bare topology's stream thread | driftwatch's stream threads (the broker and"
                + " producer threads are not counted); cpu d/b and d/p: driftwatch's over the bare topology's and the plain"
                + " consumer's.%n"));
        return text.toString();
    }

    static ObjectNode json(int records, int partitions, List<StreamTiming> timings) {
        ObjectNode root = JSON.createObjectNode()
                .put("records", records)
                .put("partitions", partitions)
                .put("java", System.getProperty("java.version"))
                .put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode runs = root.putArray("runs");
        for (StreamTiming timing : timings) {
            runs.addObject()
                    .put("format", timing.format())
                    .put("threads", timing.threads())
                    .put("bytes_per_record", timing.bytesPerRecord())
                    .put("plain_records_per_second", timing.plainRecordsPerSecond())
                    .put("plain_at_threads_records_per_second", timing.plainAtThreadsRecordsPerSecond())
                    .put("bare_records_per_second", timing.bareRecordsPerSecond())
                    .put("driftwatch_records_per_second", timing.driftwatchRecordsPerSecond())
                    .put("ratio", timing.ratio())
                    .put("plain_cpu_micros_per_record", timing.plainCpuMicrosPerRecord())
                    .put("bare_cpu_micros_per_record", timing.bareCpuMicrosPerRecord())
                    .put("driftwatch_cpu_micros_per_record", timing.driftwatchCpuMicrosPerRecord())
                    .put("cpu_over_bare", timing.cpuOverBare())
                    .put("cpu_over_plain", timing.cpuOverPlain())
                    .put("driftwatch_start_seconds", timing.driftwatchStartSeconds())
                    .put("windows_closed", timing.closed().windows())
                    .put("records_in_closed_windows", timing.closed().records())
                    .put("numeric_profile_bytes", timing.closed().numericProfileBytes())
                    .put("categorical_profile_bytes", timing.closed().categoricalProfileBytes())
                    .put("heap_held_bytes", timing.heapHeldBytes())
                    .put("peak_heap_bytes", timing.peakHeapBytes())
                    .put("baseline", timing.baseline());
        }
        return root;
    }
}
