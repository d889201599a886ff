package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.InferenceLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CreditTrafficTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 3, 150, Duration.ofMinutes(20), 7L);

    @TempDir
    Path directory;

    @Test
    void sendsOnePredictionAndOneLateLabelPerRequestInEventTimeOrder() throws Exception {
        CreditTraffic traffic = CreditTraffic.from(BundledData.copy(BundledData.REFERENCE, directory), SCENARIO);

        List<DemoRecord> records = traffic.records();

        List<DemoRecord> inferences = records.stream().filter(r -> r.topic().equals(DemoTopics.INFERENCES)).toList();
        List<DemoRecord> labels = records.stream().filter(r -> r.topic().equals(DemoTopics.LABELS)).toList();
        assertThat(inferences).hasSize(6 * 150);
        assertThat(labels).hasSize(6 * 150);
        assertThat(records).isSortedAccordingTo((a, b) -> a.eventTime().compareTo(b.eventTime()));
        for (DemoRecord label : labels) {
            DemoRecord prediction = inferences.stream().filter(i -> i.key().equals(label.key())).findFirst().orElseThrow();
            assertThat(Duration.between(prediction.eventTime(), label.eventTime())).isPositive()
                    .isLessThanOrEqualTo(SCENARIO.labelDelayMax());
        }
        assertThat(inferences.get(0).value()).startsWith((byte) 0xC3, (byte) 0x01);
        assertThat(new String(labels.get(0).value(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"requestId\"");
    }

    @Test
    void logsItsProbabilityOfEachClassAndFromTheDriftWindowItsScoresCrowdTowardsOneHalfAndItIsRightHalfTheTime() throws Exception {
        List<DemoRecord> records = CreditTraffic.from(BundledData.copy(BundledData.REFERENCE, directory), SCENARIO).records();

        Map<String, InferenceLog> predictions = records.stream().filter(r -> r.topic().equals(DemoTopics.INFERENCES))
                .map(CreditTrafficTest::decode).collect(Collectors.toMap(InferenceLog::getRequestId, log -> log));
        assertThat(predictions.values()).allSatisfy(log -> {
            double approve = log.getClassScores().get(CreditModel.APPROVE);
            assertThat(log.getClassScores().get(CreditModel.DECLINE)).isEqualTo(1 - approve);
            assertThat(log.getPrediction()).isEqualTo(approve >= 0.5 ? CreditModel.APPROVE : CreditModel.DECLINE);
        });
        Map<Boolean, List<InferenceLog>> byDrift = predictions.values().stream()
                .collect(Collectors.partitioningBy(log -> SCENARIO.windowOf(log.getEventTime()) >= SCENARIO.driftFromWindow()));
        assertThat(confidence(byDrift.get(true))).isLessThan(0.65);
        assertThat(confidence(byDrift.get(false))).isGreaterThan(0.85);
        Map<String, String> labels = records.stream().filter(r -> r.topic().equals(DemoTopics.LABELS))
                .collect(Collectors.toMap(DemoRecord::key, r -> new String(r.value(), StandardCharsets.UTF_8)));
        assertThat(right(byDrift.get(false), labels)).isBetween(0.83, 0.95);
        assertThat(right(byDrift.get(true), labels)).isBetween(0.4, 0.6);
    }

    /** What a calibrated model expects to get right: the mean of its larger class probability. */
    private static double confidence(List<InferenceLog> logs) {
        return logs.stream().mapToDouble(log -> Math.max(log.getClassScores().get(CreditModel.APPROVE),
                log.getClassScores().get(CreditModel.DECLINE))).average().orElseThrow();
    }

    private static double right(List<InferenceLog> logs, Map<String, String> labelJson) {
        return logs.stream().filter(log -> labelJson.get(log.getRequestId()).contains("\"label\":\"" + log.getPrediction() + "\""))
                .count() / (double) logs.size();
    }

    private static InferenceLog decode(DemoRecord record) {
        try {
            return InferenceLog.fromByteBuffer(ByteBuffer.wrap(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
