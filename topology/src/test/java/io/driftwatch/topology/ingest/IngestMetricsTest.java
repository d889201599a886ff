package io.driftwatch.topology.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestMetricsTest {
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(meters);

    @Test
    void countsInferencesReadPerModelVersion() {
        metrics.inferenceRead("fraud", "v1");
        metrics.inferenceRead("fraud", "v1");
        metrics.inferenceRead("fraud", "v2");

        assertThat(readCount("fraud", "v1")).isEqualTo(2.0);
        assertThat(readCount("fraud", "v2")).isEqualTo(1.0);
    }

    @Test
    void aRetiredVersionsCounterComesBackFromZeroWithItsNextRecord() {
        metrics.inferenceRead("fraud", "v1");
        metrics.inferenceRead("fraud", "v1");
        meters.remove(meters.get("driftwatch.records.read").tags("model", "fraud", "version", "v1").counter());

        metrics.inferenceRead("fraud", "v1");

        assertThat(readCount("fraud", "v1")).isEqualTo(1.0);
    }

    private double readCount(String model, String version) {
        Counter counter = meters.find("driftwatch.records.read").tags("model", model, "version", version, "outcome", "ok")
                .counter();
        return counter == null ? Double.NaN : counter.count();
    }
}
