package io.driftwatch.policy;

import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.OutcomeChoices;
import io.driftwatch.stats.quality.QualityMetric;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDocumentTest {
    private static final String EVERY_KEY = "every-key.yaml";

    @Test
    void aPolicyWithEveryKeyParsesIntoItsTypedValues() throws PolicyException {
        ModelPolicy policy = PolicyFiles.document(EVERY_KEY).policy();

        assertThat(policy.model()).isEqualTo("credit");
        assertThat(policy.versions()).containsExactly("2024-06", "2024-07");
        assertThat(policy.window()).isEqualTo(new WindowPolicy(Optional.of(Duration.ofDays(1)),
                Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofHours(6))));
        FeaturesPolicy features = policy.features();
        assertThat(features.exclude()).containsExactlyInAnyOrder("request_id", "received_at");
        assertThat(features.tests().orElseThrow()).containsOnlyKeys("psi", "ks", "jensen_shannon");
        assertThat(features.inform()).contains(List.of("ks", "psi"));
        assertThat(features.columns()).containsOnlyKeys("income", "region", "age");
        assertThat(features.columns().get("age").tests().orElseThrow().get("ks")).isEqualTo(new TestSpec(
                Optional.of(new ThresholdSpec.Level(0.01)), Optional.empty(), Optional.empty(), Optional.of(KsMethod.EXACT),
                Optional.of(true)));
        assertThat(features.columns().get("age").tests().orElseThrow().get("wasserstein").threshold())
                .contains(new ThresholdSpec.Calibrated());
    }

    @Test
    void expectationsKeepEveryConstraintTheOwnerWrote() throws PolicyException {
        FeaturesPolicy features = PolicyFiles.document(EVERY_KEY).policy().features();

        assertThat(features.columns().get("income").expect().orElseThrow()).isEqualTo(new Expectation(Optional.empty(),
                Optional.of(true), OptionalDouble.of(0), OptionalDouble.of(1.0e7), Optional.empty(), Optional.empty(),
                OptionalDouble.of(0.02), Optional.of(Severity.WARNING)));
        ColumnPolicy region = features.columns().get("region");
        assertThat(region.type()).contains(ColumnType.CATEGORICAL);
        assertThat(region.expect().orElseThrow().allowedValues()).contains(List.of("north", "south", "east", "west"));
        assertThat(region.expect().orElseThrow().unseen()).contains(UnseenValues.ERROR);
    }

    @Test
    void predictionTriggersAndAlertsParse() throws PolicyException {
        ModelPolicy policy = PolicyFiles.document(EVERY_KEY).policy();

        TestSpec jensenShannon = policy.prediction().orElseThrow().tests().orElseThrow().get("jensen_shannon");
        assertThat(jensenShannon.options().logBase()).isEqualTo(LogBase.TWO);
        assertThat(jensenShannon.options().binning()).isEqualTo(Binning.DOANE);
        assertThat(policy.triggers().datasetDrift())
                .contains(new TriggersPolicy.DatasetDrift(true, OptionalDouble.of(0.5), OptionalInt.of(2)));
        assertThat(policy.triggers().schema()).contains(new TriggersPolicy.SchemaRule(true, Optional.of(Severity.ERROR)));
        assertThat(policy.triggers().quality()).contains(new TriggersPolicy.Quality(true, Optional.of(QualityMetric.MACRO_F1),
                OptionalDouble.of(0.8), OptionalDouble.of(0.05), OptionalLong.of(200)));
        assertThat(policy.triggers().multivariateDrift()).contains(new TriggersPolicy.MultivariateDrift(true, OptionalInt.of(2)));
        assertThat(policy.triggers().cooldown()).contains(Duration.ofHours(6));
        assertThat(policy.alerts()).isEqualTo(new AlertsPolicy(Optional.of(List.of("credit-ml@example.com")),
                Optional.of(Severity.WARNING), OptionalInt.of(4),
                Optional.of(new AlertsPolicy.Ranking(true, Optional.of("correlation"), OptionalInt.of(12),
                        Optional.of("macro_f1"), Optional.of("estimated")))));
    }

    @Test
    void theOutcomeGivesThePositiveClassAndTheBusinessValueMatrixAsNannyMlLaysItOut() throws PolicyException {
        assertThat(PolicyFiles.document(EVERY_KEY).policy().outcome()).isEqualTo(new OutcomePolicy(Optional.of("1"),
                Optional.of(new BusinessValueMatrix(0, -5, -50, 100))));

        ModelPolicy fraud = PolicyDocument.parse("fraud.yaml", """
                model: fraud
                outcome: {positive_class: fraud, business_value: [[0, -5.5], [-50, 1e2]]}
                triggers: {quality: {metric: business_value, worse_than: 0, min_labels: 100}}
                """).policy();

        assertThat(fraud.outcome().choices()).isEqualTo(new OutcomeChoices("fraud", new BusinessValueMatrix(0, -5.5, -50, 100)));
        assertThat(fraud.triggers().quality()).contains(new TriggersPolicy.Quality(true,
                Optional.of(QualityMetric.BUSINESS_VALUE), OptionalDouble.of(0), OptionalDouble.empty(), OptionalLong.of(100)));
    }

    @Test
    void aPolicySilentOnTheOutcomeLeavesThePositiveClassImpliedAndNoBusinessValue() throws PolicyException {
        ModelPolicy policy = PolicyDocument.parse("fraud.yaml", "model: fraud\n").policy();

        assertThat(policy.outcome().choices()).isEqualTo(OutcomeChoices.IMPLIED);
    }

    @Test
    void aQualityRuleMayWatchABinaryModelsPositiveClassFigures() throws PolicyException {
        ModelPolicy policy = PolicyDocument.parse("fraud.yaml", """
                model: fraud
                triggers: {quality: {metric: average_precision, worse_than: 0.6, min_labels: 100}}
                """).policy();

        assertThat(policy.triggers().quality()).contains(new TriggersPolicy.Quality(true,
                Optional.of(QualityMetric.AVERAGE_PRECISION), OptionalDouble.of(0.6), OptionalDouble.empty(), OptionalLong.of(100)));
    }

    @Test
    void offTurnsATriggerOffAndSilenceLeavesItToTheLayersBelow() throws PolicyException {
        ModelPolicy policy = PolicyDocument.parse("fraud.yaml", """
                model: fraud
                triggers: {dataset_drift: off, quality: off}
                """).policy();

        assertThat(policy.triggers().datasetDrift().orElseThrow().enabled()).isFalse();
        assertThat(policy.triggers().quality().orElseThrow().enabled()).isFalse();
        assertThat(policy.triggers().schema()).isEmpty();
        assertThat(policy.versions()).isEmpty();
        assertThat(policy.window().size()).isEmpty();
        assertThat(policy.features().exclude()).isEqualTo(Set.of());
    }

    @Test
    void isoDurationsAndShortOnesMeanTheSame() throws PolicyException {
        ModelPolicy policy = PolicyDocument.parse("fraud.yaml", """
                model: fraud
                window: {size: PT6H, grace: 500ms}
                """).policy();

        assertThat(policy.window().size()).contains(Duration.ofHours(6));
        assertThat(policy.window().grace()).contains(Duration.ofMillis(500));
    }
}
