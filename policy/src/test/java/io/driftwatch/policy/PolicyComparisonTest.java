package io.driftwatch.policy;

import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.expect.UnseenValues;
import io.driftwatch.stats.profile.FeatureProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyComparisonTest {
    private static final PolicyLayer NO_DEFAULTS = PolicyLayer.builder("defaults").build();

    private static EffectivePolicy everyKey() throws PolicyException {
        return PolicySet.of(List.of(PolicyFiles.document("every-key.yaml")))
                .effective("credit", Optional.of("2024-06"), NO_DEFAULTS);
    }

    private static EffectivePolicy parsed(String yaml) throws PolicyException {
        return PolicySet.of(List.of(PolicyDocument.parse("credit.yaml", yaml))).effective("credit", Optional.empty(), NO_DEFAULTS);
    }

    @Test
    void aPolicySilentOnEverythingLeavesTheBaseSettingsAsTheyAre() throws PolicyException {
        assertThat(PolicyComparison.settings(parsed("model: credit\n"), ComparisonSettings.DEFAULT))
                .isEqualTo(ComparisonSettings.DEFAULT);
        assertThat(PolicyComparison.calibrationTargets(parsed("model: credit\n")).isEmpty()).isTrue();
    }

    @Test
    void eachTestRunsWithTheOptionsItsEntryGivesOnItsColumn() throws PolicyException {
        ComparisonSettings settings = PolicyComparison.settings(everyKey(), ComparisonSettings.DEFAULT);

        assertThat(settings.optionsFor("unlisted", "psi")).isEqualTo(new TestOptions(Binning.STURGES, LogBase.E, KsMethod.AUTO));
        assertThat(settings.optionsFor("income", "psi")).isEqualTo(TestOptions.DEFAULT);
        assertThat(settings.optionsFor("age", "ks")).isEqualTo(new TestOptions(Binning.QUANTILE, LogBase.E, KsMethod.EXACT, true));
        assertThat(settings.optionsFor("unlisted", "ks").ksMethod()).isEqualTo(KsMethod.ASYMPTOTIC);
        assertThat(settings.optionsFor("unlisted", "wasserstein")).isEqualTo(TestOptions.DEFAULT);
        assertThat(settings.thresholdFor("age", "ks").value()).isEqualTo(0.01);
    }

    @Test
    void thePredictionSectionAppliesToThePredictionColumn() throws PolicyException {
        ComparisonSettings settings = PolicyComparison.settings(everyKey(), ComparisonSettings.DEFAULT);

        assertThat(settings.testsFor(FeatureProfiles.PREDICTION)).containsExactly("jensen_shannon");
        assertThat(settings.thresholdFor(FeatureProfiles.PREDICTION, "jensen_shannon").value()).isEqualTo(0.1);
        assertThat(settings.optionsFor(FeatureProfiles.PREDICTION, "jensen_shannon"))
                .isEqualTo(new TestOptions(Binning.DOANE, LogBase.TWO, KsMethod.AUTO));
        assertThat(settings.expectations().get(FeatureProfiles.PREDICTION).max()).isEqualTo(1.0);
        assertThat(PolicyComparison.declaredTypes(everyKey()))
                .isEqualTo(Map.of("region", ColumnType.CATEGORICAL, FeatureProfiles.PREDICTION, ColumnType.NUMERIC));
    }

    @Test
    void expectationsCarryEveryFieldTheirPolicyStates() throws PolicyException {
        Map<String, ColumnExpectation> expectations =
                PolicyComparison.settings(everyKey(), ComparisonSettings.DEFAULT).expectations();

        assertThat(expectations.get("income")).isEqualTo(ColumnExpectation.of("income").withRequired(true).withMin(0)
                .withMax(1.0e7).withMaxMissingShare(0.02).withSeverity(SchemaFinding.Severity.WARNING));
        assertThat(expectations.get("region")).isEqualTo(ColumnExpectation.of("region").withType(ColumnType.CATEGORICAL)
                .withValues(Set.of("north", "south", "east", "west"), UnseenValues.ERROR));
        assertThat(expectations.keySet()).containsExactly("income", "region", FeatureProfiles.PREDICTION);
    }

    @Test
    void informListsEachTestForTheKindsOfColumnItHasAFormFor() throws PolicyException {
        assertThat(PolicyComparison.settings(parsed("model: credit\nfeatures: {inform: [ks, psi, chi_square]}\n"),
                ComparisonSettings.DEFAULT).informingTests())
                .isEqualTo(new InformingTests(List.of("ks", "psi"), List.of("psi", "chi_square")));
        assertThat(PolicyComparison.settings(parsed("model: credit\nfeatures: {inform: []}\n"),
                ComparisonSettings.DEFAULT).informingTests()).isEqualTo(InformingTests.NONE);
        assertThat(PolicyComparison.settings(everyKey(), ComparisonSettings.DEFAULT).informingTests())
                .isEqualTo(InformingTests.DEFAULT);
        assertThatIllegalArgumentException().isThrownBy(() -> PolicyComparison.informingTests(Optional.of(List.of("t_test")),
                InformingTests.DEFAULT)).withMessageContaining("t_test");
    }

    @Test
    void calibratedTestsAreTargetsWithTheirOptionsAndAColumnsOwnTestsKeepItFromTheFeaturesTests() throws PolicyException {
        CalibrationTargets targets = PolicyComparison.calibrationTargets(parsed("""
                model: credit
                features:
                  tests: {psi: {threshold: calibrated, binning: doane}, ks: {}}
                  columns:
                    age: {tests: {wasserstein: {threshold: calibrated}, ks: {threshold: 0.01}}}
                    income: {tests: {ks: {}}}
                """));

        assertThat(targets.testsFor("unlisted")).isEqualTo(Map.of("psi", new TestOptions(Binning.DOANE, LogBase.E, KsMethod.AUTO)));
        assertThat(targets.testsFor("age")).isEqualTo(Map.of("wasserstein", TestOptions.DEFAULT));
        assertThat(targets.testsFor("income")).isEmpty();
    }
}
