package io.driftwatch.topology.policy;

import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.policy.layer.LayerMerge;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.PolicyDefaults;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyModelRulesTest {
    private static final String CREDIT = """
            model: credit
            features:
              exclude: [request_id]
              inform: []
              columns:
                income: {tests: {psi: {threshold: 0.2}}}
            triggers:
              dataset_drift: {consecutive: 1}
              schema: {min_severity: warning}
              quality: {metric: macro_f1, worse_than: 0.8, min_labels: 200}
              cooldown: 30m
            """;
    private static final String FRAUD = """
            model: fraud
            triggers:
              dataset_drift: off
              schema: off
            """;

    private final DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
            DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, "3"));
    private final PolicyModelRules rules = new PolicyModelRules(config);
    private final ModelRules settings = new ConfigModelRules(config).defaults();

    private static Map<String, String> published(String... keysAndTexts) {
        Map<String, String> records = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            records.put(keysAndTexts[i], keysAndTexts[i + 1]);
        }
        return records;
    }

    @Test
    void withoutAnyPolicyAModelIsJudgedExactlyByTheSettings() {
        ModelRules judged = rules.resolve("credit", "1", Map.of());

        assertThat(judged.comparison()).isEqualTo(settings.comparison());
        assertThat(judged.triggers()).isEqualTo(settings.triggers());
        assertThat(judged.triggers().consecutiveDriftWindows()).isEqualTo(3);
        assertThat(judged.quality()).isEqualTo(settings.quality());
        assertThat(judged.policyId()).hasSize(12).matches("[0-9a-f]+");
    }

    @Test
    void twoModelsAreJudgedEachByItsOwnPolicyAndAModelWithoutOneByTheSettings() {
        Map<String, String> records = published("credit/*", CREDIT, "fraud/*", FRAUD);

        ModelRules credit = rules.resolve("credit", "1", records);
        ModelRules fraud = rules.resolve("fraud", "7", records);
        ModelRules churn = rules.resolve("churn", "1", records);

        assertThat(credit.triggers()).isEqualTo(new TriggerPolicy(1, true, TriggerPolicy.SchemaRule.WARNINGS,
                Duration.ofMinutes(30)));
        assertThat(credit.quality().threshold()).hasValue(0.8);
        assertThat(credit.quality().minLabels()).isEqualTo(200);
        assertThat(credit.quality().coolDown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(credit.comparison().testsFor("income")).containsExactly("psi");
        assertThat(credit.excludedColumns()).containsExactly("request_id");
        assertThat(fraud.excludedColumns()).isEmpty();
        assertThat(credit.comparison().thresholdFor("income", "psi").value()).isEqualTo(0.2);
        assertThat(credit.comparison().informingTests()).isEqualTo(InformingTests.NONE);
        assertThat(fraud.triggers().datasetDriftEnabled()).isFalse();
        assertThat(fraud.triggers().schemaRule()).isEqualTo(TriggerPolicy.SchemaRule.OFF);
        assertThat(churn.triggers()).isEqualTo(settings.triggers());
        assertThat(churn.policyId()).isEqualTo(rules.resolve("churn", "1", Map.of()).policyId());
        assertThat(credit.policyId()).isNotEqualTo(fraud.policyId()).isNotEqualTo(churn.policyId());
    }

    @Test
    void aModelsEstimatedQualityRuleComesFromItsPolicyWithItsDefaultsAndItsCoolDownAndIsOffWithout() {
        Map<String, String> records = published(
                "churn/*", """
                        model: churn
                        triggers:
                          estimated_quality: {metric: accuracy, worse_than: 0.8}
                          cooldown: 2h
                        """,
                "loans/*", """
                        model: loans
                        triggers: {estimated_quality: {min_predictions: 500, on_alert: false, worse_than: 0.7}}
                        """,
                "fraud/*", """
                        model: fraud
                        triggers: {estimated_quality: off}
                        """);

        EstimatedTriggerPolicy churn = rules.resolve("churn", "1", records).estimated();
        EstimatedTriggerPolicy loans = rules.resolve("loans", "1", records).estimated();

        assertThat(churn).isEqualTo(new EstimatedTriggerPolicy(EstimatedMetric.ACCURACY, OptionalDouble.of(0.8), true,
                EstimatedTriggerPolicy.DEFAULT_MIN_PREDICTIONS, Duration.ofHours(2)));
        assertThat(loans.metric()).isEqualTo(EstimatedTriggerPolicy.DEFAULT_METRIC);
        assertThat(loans.onAlert()).isFalse();
        assertThat(loans.minPredictions()).isEqualTo(500);
        assertThat(rules.resolve("fraud", "1", records).estimated().enabled()).isFalse();
        assertThat(rules.resolve("credit", "1", records).estimated().enabled()).as("no policy: off").isFalse();
        assertThat(settings.estimated().enabled()).isFalse();
    }

    @Test
    void multivariateDriftTriggersOnlyForAModelWhosePolicyAsksWithItsConsecutiveWindows() {
        Map<String, String> records = published(
                "churn/*", """
                        model: churn
                        triggers: {multivariate_drift: {consecutive: 3}}
                        """,
                "loans/*", """
                        model: loans
                        triggers: {multivariate_drift: {}}
                        """,
                "fraud/*", """
                        model: fraud
                        triggers: {multivariate_drift: off}
                        """);

        assertThat(rules.resolve("churn", "1", records).triggers().consecutiveMultivariateWindows()).isEqualTo(3);
        assertThat(rules.resolve("loans", "1", records).triggers().consecutiveMultivariateWindows()).isEqualTo(1);
        assertThat(rules.resolve("fraud", "1", records).triggers().multivariateDriftEnabled()).isFalse();
        assertThat(rules.resolve("credit", "1", records).triggers().multivariateDriftEnabled()).as("no policy: off").isFalse();
    }

    @Test
    void aModelsRankingFollowsItsPolicysMethodMetricAndPerformanceAndTheFleetsWhereItIsSilent() {
        Map<String, String> records = published(
                "*/*", """
                        model: '*'
                        alerts: {ranking: {method: correlation, windows: 20}}
                        """,
                "loans/*", """
                        model: loans
                        alerts: {ranking: {metric: roc_auc, performance: estimated}}
                        """,
                "cards/*", """
                        model: cards
                        alerts: {ranking: {method: alert_count}}
                        """);

        assertThat(rules.resolve("loans", "1", records).ranking()).isEqualTo(new RankingRule(true, 20,
                RankingRule.Method.CORRELATION, "roc_auc", RankingRule.Performance.ESTIMATED));
        assertThat(rules.resolve("churn", "1", records).ranking()).isEqualTo(new RankingRule(true, 20,
                RankingRule.Method.CORRELATION, null, RankingRule.Performance.REALIZED));
        assertThat(rules.resolve("cards", "1", records).ranking().method()).isEqualTo(RankingRule.Method.ALERT_COUNT);
        assertThat(rules.resolve("fraud", "1", Map.of()).ranking()).as("no policy: alert count over 10 windows")
                .isEqualTo(RankingRule.DEFAULT);
    }

    @Test
    void aModelsExcludedColumnsAreItsRulesAndNoOtherModels() {
        Map<String, String> records = published("credit/*", CREDIT, "fraud/*", FRAUD);

        assertThat(rules.resolve("credit", "1", records).excludedColumns()).containsExactly("request_id");
        assertThat(rules.resolve("fraud", "1", records).excludedColumns()).isEmpty();
        assertThat(rules.resolve("churn", "1", records).excludedColumns()).isEmpty();
    }

    @Test
    void withTheAlertsDefaultsAModelsIdIsTheIdOfItsPolicyOverBothDefaultLayers() {
        PolicyLayer alertsDefaults = PolicyLayer.builder("alerts defaults").put("alerts.rate_per_hour", 6, "rate").build();
        PolicyModelRules withAlerts = new PolicyModelRules(config, alertsDefaults);
        Map<String, String> records = published("credit/*", CREDIT);
        PolicyLayer bothDefaults = LayerMerge.merge("defaults", List.of(PolicyDefaults.layer(config), alertsDefaults));

        String expected = new PublishedPolicies().set(records).effective("credit", Optional.of("1"), bothDefaults).id().shortForm();

        assertThat(withAlerts.resolve("credit", "1", records).policyId()).isEqualTo(expected)
                .isNotEqualTo(rules.resolve("credit", "1", records).policyId());
    }

    @Test
    void theFleetPolicyAppliesWhereAModelsPolicyIsSilent() {
        ModelRules credit = rules.resolve("credit", "1", published("*/*", "model: '*'\ntriggers: {cooldown: 2h}\n",
                "credit/*", CREDIT));
        ModelRules churn = rules.resolve("churn", "1", published("*/*", "model: '*'\ntriggers: {cooldown: 2h}\n"));

        assertThat(credit.triggers().coolDown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(churn.triggers().coolDown()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void policiesValidAloneThatContradictEachOtherWhenMergedLeaveTheModelJudgedByTheSettingsNotAFailingStream() {
        Map<String, String> records = published(
                "*/*", "model: '*'\nfeatures: {columns: {region: {expect: {min: 0, max: 5}}}}\n",
                "credit/*", "model: credit\nfeatures: {columns: {region: {expect: {type: categorical}}}}\n");

        ModelRules credit = rules.resolve("credit", "1", records);

        assertThat(credit.policyId()).isEqualTo(rules.resolve("credit", "1", Map.of()).policyId());
        assertThat(credit.triggers()).isEqualTo(settings.triggers());
    }

    @Test
    void anInvalidPolicyIsRejectedWithItsLineAndColumnAndKind() {
        assertThatThrownBy(() -> rules.check("credit/*", "model: credit\ntriggers: {cooldwn: 1h}\n"))
                .isInstanceOfSatisfying(RejectedPolicyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedPolicyException.Kind.INVALID);
                    assertThat(e.getMessage()).startsWith("credit/*:2:").contains("unknown key 'cooldwn'");
                });
    }

    @Test
    void aPolicyUnderAnotherModelsKeyIsRejectedAsMiskeyed() {
        assertThatThrownBy(() -> rules.check("fraud/*", CREDIT)).isInstanceOfSatisfying(RejectedPolicyException.class,
                e -> assertThat(e.kind()).isEqualTo(RejectedPolicyException.Kind.MISKEYED));
    }

    @Test
    void textThatIsNoYamlAtAllIsRejectedAsUnreadable() {
        assertThatThrownBy(() -> rules.check("credit/*", "{{{ not: [yaml")).isInstanceOfSatisfying(
                RejectedPolicyException.class, e -> assertThat(e.kind()).isEqualTo(RejectedPolicyException.Kind.UNREADABLE));
    }
}
