package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * Renders the decode benchmark's figures as an aligned table or as one JSON object with the keys
 * {@link DecodeBenchCommand}'s help documents. Both carry the same numbers.
 */
final class DecodeBenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecodeBenchReport() {
    }

    static String table(int records, int passes, List<DecodeTiming> timings) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "decode: %,d InferenceLog records (%d numeric + %d categorical features),"
                        + " best of %d passes after a warm-up; %s%n%n", records, BenchInferences.NUMERIC_FEATURES,
                BenchInferences.CATEGORICAL_FEATURES, passes, machine()));
        text.append(String.format(Locale.ROOT, "%-14s %9s %20s %18s %7s  %s%n", "format", "bytes/rec", "driftwatch rec/s",
                "baseline rec/s", "ratio", "baseline"));
        for (DecodeTiming timing : timings) {
            text.append(String.format(Locale.ROOT, "%-14s %9.0f %,20.0f %,18.0f %7.2f  %s%n", timing.format(),
                    timing.bytesPerRecord(), timing.driftwatchRecordsPerSecond(), timing.baselineRecordsPerSecond(),
                    timing.ratio(), timing.baseline()));
        }
        return text.toString();
    }

    static String json(int records, int passes, List<DecodeTiming> timings) {
        return jsonNode(records, passes, timings).toString() + System.lineSeparator();
    }

    static ObjectNode jsonNode(int records, int passes, List<DecodeTiming> timings) {
        ObjectNode root = JSON.createObjectNode()
                .put("records", records)
                .put("passes", passes)
                .put("java", System.getProperty("java.version"))
                .put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode formats = root.putObject("formats");
        for (DecodeTiming timing : timings) {
            formats.putObject(timing.format())
                    .put("bytes_per_record", timing.bytesPerRecord())
                    .put("driftwatch_records_per_second", timing.driftwatchRecordsPerSecond())
                    .put("baseline_records_per_second", timing.baselineRecordsPerSecond())
                    .put("ratio", timing.ratio())
                    .put("baseline", timing.baseline());
        }
        return root;
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
