package io.driftwatch.schemas.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordEncodersTest {

    @Test
    void framesAvroWithMagicByteZeroAndTheSchemaIdBigEndian() {
        byte[] bytes = RecordEncoders.confluent(Samples.inference("r"), 0x01020304);

        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void startsSingleObjectRecordsWithC301AndTheFingerprintLittleEndian() {
        long fingerprint = SchemaNormalization.parsingFingerprint64(InferenceLog.getClassSchema());

        byte[] bytes = RecordEncoders.singleObject(Samples.inference("r"));

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        for (int i = 0; i < 8; i++) {
            assertThat(bytes[2 + i]).isEqualTo((byte) (fingerprint >>> (8 * i)));
        }
    }

    @Test
    void writesJsonWithDriftwatchsFieldNamesAndEpochMillis() throws IOException {
        JsonNode json = new ObjectMapper().readTree(RecordEncoders.json(Samples.inference("r1")));

        assertThat(json.get("requestId").asText()).isEqualTo("r1");
        assertThat(json.get("eventTime").asLong()).isEqualTo(Samples.EVENT_TIME.toEpochMilli());
        assertThat(json.get("features").get("age").asLong()).isEqualTo(31);
        assertThat(json.get("features").get("referrer").isNull()).isTrue();
        assertThat(json.get("classScores").get("fraud").asDouble()).isEqualTo(0.87);
        assertThat(json.get("segments").get("channel").asText()).isEqualTo("web");
    }

    @Test
    void writesANaNFeatureAsNullAndRefusesANaNPrediction() throws IOException {
        InferenceLog log = Samples.inference("r1");
        log.getFeatures().put("income", Double.NaN);

        assertThat(new ObjectMapper().readTree(RecordEncoders.json(log)).get("features").get("income").isNull()).isTrue();
        log.setPrediction(Double.NaN);
        assertThatThrownBy(() -> RecordEncoders.json(log)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prediction is NaN; JSON has no NaN or infinity");
    }
}
