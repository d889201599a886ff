package io.driftwatch.topology.gauge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class LatestValueGaugesTest {
    private static final String WINDOW_RECORDS = "driftwatch.window.records";
    private static final Tags CREDIT_V1 = Tags.of("model", "credit", "version", "v1");
    private static final String DOUBLE_REGISTRATION = "has been already registered";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LatestValueGauges gauges = new LatestValueGauges(meters);

    private double windowRecords() {
        return meters.get(WINDOW_RECORDS).tags(CREDIT_V1).gauge().value();
    }

    @Test
    void aGaugeSetForEveryWindowIsRegisteredOnceSoMicrometerLogsNoDoubleRegistration() {
        String log = standardErrorDuring(() -> {
            for (int window = 0; window < 3; window++) {
                gauges.set(WINDOW_RECORDS, "records", CREDIT_V1, 300 + window);
            }
        });

        assertThat(log).doesNotContain(DOUBLE_REGISTRATION);
        assertThat(windowRecords()).isEqualTo(302);
        assertThat(meters.getMeters()).hasSize(1);
        assertThat(standardErrorDuring(() -> Gauge.builder(WINDOW_RECORDS, () -> 0).tags(CREDIT_V1).register(meters)))
                .as("what this test would have seen: Micrometer's line for a second registration").contains(DOUBLE_REGISTRATION);
    }

    @Test
    void aGaugeTheRegistryRemovedIsRegisteredAgainWithItsNextValue() {
        gauges.set(WINDOW_RECORDS, "records", CREDIT_V1, 300);
        meters.remove(meters.get(WINDOW_RECORDS).tags(CREDIT_V1).gauge());
        assertThat(meters.find(WINDOW_RECORDS).gauge()).as("retired").isNull();

        gauges.set(WINDOW_RECORDS, "records", CREDIT_V1, 120);

        assertThat(windowRecords()).isEqualTo(120);
    }

    @Test
    void aGaugeAMeterFilterDeniedIsOfferedAgainWithItsNextValue() {
        AtomicBoolean capReached = new AtomicBoolean(true);
        meters.config().meterFilter(MeterFilter.deny(id -> capReached.get()));
        gauges.set(WINDOW_RECORDS, "records", CREDIT_V1, 300);
        assertThat(meters.find(WINDOW_RECORDS).gauge()).as("denied").isNull();

        capReached.set(false);
        gauges.set(WINDOW_RECORDS, "records", CREDIT_V1, 301);

        assertThat(windowRecords()).isEqualTo(301);
    }

    private static String standardErrorDuring(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
