package io.driftwatch.stats.compare;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineChoicesTest {
    private static final Map<String, Map<String, Double>> CALIBRATED = Map.of(
            "income", Map.of("psi", 0.18, "wasserstein", 0.07), "age", Map.of("wasserstein", 0.05));

    @Test
    void aBaselinesCalibratedThresholdsApplyWhereTheSettingsFixNoLevelForTheColumn() {
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withBaselineChoices(CALIBRATED, Map.of());

        assertThat(settings.thresholdFor("income", "psi").value()).isEqualTo(0.18);
        assertThat(settings.thresholdFor("age", "wasserstein").value()).isEqualTo(0.05);
        assertThat(settings.thresholdFor("age", "psi").value()).isEqualTo(DriftDefaults.threshold("psi").value());
    }

    @Test
    void aLevelAPolicyFixesForAColumnWinsOverTheBaselinesCalibrationOfThatTestOnly() {
        ComparisonSettings policy = new ComparisonSettings(TestOptions.DEFAULT, List.of(), Map.of(), Map.of(),
                Map.of("income", Map.of("psi", 0.25)), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);

        ComparisonSettings settings = policy.withBaselineChoices(CALIBRATED, Map.of());

        assertThat(settings.thresholdFor("income", "psi").value()).isEqualTo(0.25);
        assertThat(settings.thresholdFor("income", "wasserstein").value()).isEqualTo(0.07);
    }
}
