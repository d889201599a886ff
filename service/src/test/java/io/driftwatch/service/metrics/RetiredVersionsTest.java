package io.driftwatch.service.metrics;

import io.driftwatch.testkit.probe.Scrape;
import io.driftwatch.topology.gauge.LatestValueGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetiredVersionsTest {
    private static final Duration RETIRE_AFTER = Duration.ofHours(24);
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final Tags V3 = Tags.of("model", "fraud", "version", "v3");
    private static final Tags V4 = Tags.of("model", "fraud", "version", "v4");

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LatestValueGauges gauges = new LatestValueGauges(meters);
    private final RetiredVersions retired = new RetiredVersions(meters, RETIRE_AFTER);

    private void read(Tags version, int records) {
        Counter.builder("driftwatch.records.read").tags(version).tag("outcome", "ok").register(meters).increment(records);
    }

    private void report(Tags version, double windowEnd, double drifted) {
        gauges.set("driftwatch.window.end", "end", version, windowEnd);
        gauges.set("driftwatch.dataset.drift.detected", "flag", version, drifted);
    }

    private Scrape scrape() {
        return Scrape.parse(meters.scrape());
    }

    @Test
    void aVersionSilentForTheRetireTimeLosesItsMetersWhileOneThatKeepsSendingAndProcessMetersStay() {
        Counter.builder("driftwatch.records.dead.letter").tags("topic", "inferences", "reason", "invalid_json").register(meters).increment();
        read(V3, 100);
        report(V3, 600, 1);
        read(V4, 100);
        report(V4, 600, 0);
        assertThat(retired.sweep(T0)).isEmpty();
        for (int hour = 1; hour <= 24; hour++) {
            read(V4, 10);
            assertThat(retired.sweep(T0.plus(Duration.ofHours(hour)))).as("hour " + hour)
                    .isEqualTo(hour < 24 ? List.of() : List.of("fraud/v3"));
        }
        Scrape scrape = scrape();
        assertThat(scrape.find("driftwatch_dataset_drift_detected", Map.of("version", "v3"))).as("the retired version's drift flag").isEmpty();
        assertThat(scrape.find("driftwatch_records_read_total", Map.of("version", "v3"))).isEmpty();
        assertThat(scrape.value("driftwatch_records_read_total", Map.of("version", "v4"))).isEqualTo(340.0);
        assertThat(scrape.value("driftwatch_dataset_drift_detected", Map.of("version", "v4"))).isZero();
        assertThat(scrape.value("driftwatch_records_dead_letter_total", Map.of("reason", "invalid_json"))).isEqualTo(1.0);
    }

    @Test
    void aNewWindowIsASignOfLifeAndARetiredVersionThatComesBackIsServedAgain() {
        read(V3, 100);
        report(V3, 600, 1);
        retired.sweep(T0);
        report(V3, 1200, 1);
        assertThat(retired.sweep(T0.plus(Duration.ofHours(20)))).as("a window closed meanwhile").isEmpty();
        assertThat(retired.sweep(T0.plus(Duration.ofHours(43)))).isEmpty();
        assertThat(retired.sweep(T0.plus(Duration.ofHours(44)))).containsExactly("fraud/v3");
        assertThat(scrape().find("driftwatch_window_end", Map.of("version", "v3"))).isEmpty();

        read(V3, 5);
        report(V3, 99_000, 0);
        Scrape scrape = scrape();
        assertThat(scrape.value("driftwatch_window_end", Map.of("version", "v3"))).isEqualTo(99_000.0);
        assertThat(scrape.value("driftwatch_dataset_drift_detected", Map.of("version", "v3"))).isZero();
        assertThat(scrape.value("driftwatch_records_read_total", Map.of("version", "v3"))).as("counted from zero").isEqualTo(5.0);
    }

    @Test
    void sweepsWithinAQuarterOfTheRetireTimeButAtMostOnceASecondAndAtLeastOnceAMinute() {
        assertThat(retired.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new RetiredVersions(meters, Duration.ofMinutes(2)).sweepInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new RetiredVersions(meters, Duration.ofMillis(200)).sweepInterval()).isEqualTo(Duration.ofSeconds(1));
    }
}
