package io.driftwatch.tools.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
}
