package io.driftwatch.app.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoExpectationsTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 3, 150, Duration.ofMinutes(20), 7L);

    @Test
    void namesEveryMissingOutputWhenDriftwatchProducedNothing() {
        DemoObservation nothing = new DemoObservation(Map.of(), Map.of(), List.of());

        List<String> missing = new DemoExpectations(SCENARIO).missing(nothing, List.of());

        assertThat(missing).containsExactly(
                "drift reports for 6 windows (got 0)",
                "final quality reports for 6 windows (got 0)",
                "a dataset_drift trigger from window 4 (2026-11-21T07:30:00Z)",
                "a quality_threshold trigger for window 4 (2026-11-21T07:30:00Z)",
                "an alert email about credit v1 saying retraining triggered");
    }

    @Test
    void anEmailAboutAnotherModelOrWithoutATriggerDoesNotCount() {
        List<CaughtEmail> emails = List.of(
                new CaughtEmail("[driftwatch CRITICAL] fraud v3: age drifted; retraining triggered", Path.of("a.eml"), Path.of("a.html")),
                new CaughtEmail("[driftwatch WARNING] credit v1: age drifted", Path.of("b.eml"), Path.of("b.html")));

        assertThat(DemoExpectations.triggerEmail(emails)).isEmpty();
    }
}
