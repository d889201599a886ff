package io.driftwatch.policy;

import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EffectivePolicyTest {
    private static EffectivePolicy credit() throws PolicyException {
        return PolicySet.of(List.of(PolicyFiles.document("every-key.yaml")))
                .effective("credit", Optional.of("2024-06"), PolicyLayer.builder("defaults").build());
    }

    @Test
    void comparisonSettingsHoldThePoliciesTestsThresholdsAndShare() throws PolicyException {
        ComparisonSettings settings = credit().comparisonSettings(ComparisonSettings.DEFAULT);

        assertThat(settings.tests()).containsExactly("psi", "ks", "jensen_shannon");
        assertThat(settings.testsFor("age")).containsExactly("ks", "wasserstein");
        assertThat(settings.testsFor("unlisted")).containsExactly("psi", "ks", "jensen_shannon");
        assertThat(settings.thresholdFor("unlisted", "psi").value()).isEqualTo(0.2);
        assertThat(settings.thresholdFor("age", "ks").value()).isEqualTo(0.01);
        assertThat(settings.datasetDriftShare()).isEqualTo(0.5);
        assertThat(settings.minCurrentRecords()).isEqualTo(ComparisonSettings.DEFAULT.minCurrentRecords());
    }

    @Test
    void calibratedThresholdsStayApartFromFixedLevels() throws PolicyException {
        EffectivePolicy effective = credit();

        assertThat(effective.calibratedTests()).isEqualTo(Map.of("age", Set.of("wasserstein")));
        assertThat(effective.thresholdsByColumn().get("age")).containsOnlyKeys("ks");
    }

    @Test
    void eachColumnsTestsRunWithTheirOwnOptionsAndTheDefaultsForTheRest() throws PolicyException {
        Map<String, Map<String, TestOptions>> options = credit().testOptionsByColumn();

        assertThat(options.get("*").get("psi")).isEqualTo(new TestOptions(Binning.STURGES, LogBase.E, KsMethod.AUTO));
        assertThat(options.get("*").get("jensen_shannon").logBase()).isEqualTo(LogBase.TWO);
        assertThat(options.get("age").get("ks")).isEqualTo(new TestOptions(Binning.QUANTILE, LogBase.E, KsMethod.EXACT, true));
        assertThat(credit().excludedColumns()).containsExactlyInAnyOrder("request_id", "received_at");
    }
}
