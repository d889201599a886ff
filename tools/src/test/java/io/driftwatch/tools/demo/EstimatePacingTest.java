package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.QualityReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EstimatePacingTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 4, 150, Duration.ofMinutes(20), 7L);
    private static final EstimatePacing PACING = new EstimatePacing(SCENARIO);
    private static final Instant DRIFT_END = SCENARIO.windowStart(5);

    @Test
    void holdsBackRecordsPastTheDriftWindowsEndAndGraceUntilItsEstimateIsJudged() {
        DemoObservation nothingJudged = new DemoObservation(Map.of(), Map.of(), Map.of(), List.of());

        assertThat(PACING.maySend(DRIFT_END.plusSeconds(74), nothingJudged)).isTrue();
        assertThat(PACING.maySend(DRIFT_END.plusSeconds(75), nothingJudged)).isFalse();
        assertThat(PACING.maySend(SCENARIO.end().plus(Duration.ofMinutes(20)), nothingJudged)).isFalse();
    }

    @Test
    void letsEverythingGoOnceTheDriftWindowsEstimateIsJudgedWhateverTheOtherWindows() {
        QualityReport judged = QualityReport.newBuilder().setReportId("q").setModelName("credit").setModelVersion("v1")
                .setWindowStart(SCENARIO.windowStart(4)).setWindowEnd(DRIFT_END).setIsFinal(false).setTask(ModelTask.CLASSIFICATION)
                .setPredictions(150).setLabelled(45).setLabelCoverage(0.3).setMetrics(Map.of()).build();
        DemoObservation driftJudged = new DemoObservation(Map.of(), Map.of(), Map.of(SCENARIO.windowStart(4), judged), List.of());

        assertThat(PACING.maySend(SCENARIO.end().plus(Duration.ofMinutes(20)), driftJudged)).isTrue();
    }
}
