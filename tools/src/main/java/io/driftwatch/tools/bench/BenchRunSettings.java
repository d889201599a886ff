package io.driftwatch.tools.bench;

import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driftwatch settings of one benchmark run: its own application id and its own output topics, named
 * after the run, so runs on one broker never read each other's records or state.
 */
final class BenchRunSettings {
    private static final List<String> OUTPUT_TOPICS = List.of(DriftwatchConfig.LABELS_TOPIC_CONFIG,
            DriftwatchConfig.PROFILES_TOPIC_CONFIG, DriftwatchConfig.BASELINES_TOPIC_CONFIG,
            DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG, DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG,
            DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, DriftwatchConfig.ALERTS_TOPIC_CONFIG,
            DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG);

    private BenchRunSettings() {
    }

    /** A mutable map, so a benchmark can add its window and trigger settings. */
    static Map<String, Object> of(String run, String bootstrapServers, InputFormat format, String inferencesTopic,
                                  int partitions) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, run);
        settings.put(DriftwatchConfig.INPUT_FORMAT_CONFIG, format.label());
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(partitions));
        settings.put(DriftwatchConfig.INFERENCES_TOPIC_CONFIG, inferencesTopic);
        for (String output : OUTPUT_TOPICS) {
            settings.put(output, run + output.substring("driftwatch.topic".length()));
        }
        return settings;
    }
}
