package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderFactoryTest {
    private static final String RECORD = "{\"requestId\": \"%s\", \"modelName\": \"fraud\", \"modelVersion\": \"v3\","
            + " \"eventTime\": 1763596800000, \"features\": {\"age\": 31, \"geo\": %s},"
            + " \"prediction\": 0.5}";

    @Test
    void deadLettersARecordOverEachConfiguredLimitAndReadsItUnderTheDefaults() {
        Map<String, String> bad = Map.of(
                DriftwatchConfig.RECORD_STRING_MAX_BYTES_CONFIG, RECORD.formatted("r".repeat(41), "{\"a\": 1}"),
                DriftwatchConfig.RECORD_ITEMS_MAX_CONFIG, RECORD.formatted("r1", "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7, \"h\": 8, \"i\": 9}"),
                DriftwatchConfig.RECORD_NESTING_MAX_CONFIG, RECORD.formatted("r1", "{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}}"));
        RecordDecoder<InferenceLog> defaults = new DecoderFactory(config(Map.of())).inferences();
        RecordDecoder<InferenceLog> limited = new DecoderFactory(config(Map.of(DriftwatchConfig.RECORD_STRING_MAX_BYTES_CONFIG, "40",
                DriftwatchConfig.RECORD_ITEMS_MAX_CONFIG, "8", DriftwatchConfig.RECORD_NESTING_MAX_CONFIG, "5"))).inferences();

        bad.forEach((limit, json) -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(defaults.decode("inferences", bytes, Instant.EPOCH)).as(limit + ": " + json).isInstanceOf(DecodeResult.Decoded.class);
            DecodeResult<InferenceLog> result = limited.decode("inferences", bytes, Instant.EPOCH);
            assertThat(result).as(limit + ": " + json).isInstanceOf(DecodeResult.Failed.class);
            assertThat(((DecodeResult.Failed<InferenceLog>) result).code()).as(limit).isEqualTo(DeadLetterReason.TOO_LARGE);
        });
    }

    private static DriftwatchConfig config(Map<String, String> limits) {
        Map<String, Object> settings = new HashMap<>(limits);
        settings.put("bootstrap.servers", "localhost:9092");
        return new DriftwatchConfig(settings);
    }
}
