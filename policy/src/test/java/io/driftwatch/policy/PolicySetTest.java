package io.driftwatch.policy;

import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.policy.layer.SourcedYaml;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.OutcomeChoices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PolicySetTest {
    private static final PolicyLayer DEFAULTS = PolicyLayer.builder("defaults")
            .put("window.size", "1h", "driftwatch.window.size.ms")
            .put("window.grace", "5m", "driftwatch.window.grace.ms")
            .put("triggers.cooldown", "1h", "driftwatch.trigger.cooldown.ms")
            .put("triggers.dataset_drift.share", 0.5, "DriftDefaults.DATASET_DRIFT_SHARE")
            .put("alerts.rate_per_hour", 10, "driftwatch.alerts.rate.limit.per.hour")
            .build();

    private static PolicySet set(String... sourcesAndTexts) throws PolicyException {
        List<PolicyDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < sourcesAndTexts.length; i += 2) {
            documents.add(PolicyDocument.parse(sourcesAndTexts[i], sourcesAndTexts[i + 1]));
        }
        return PolicySet.of(documents);
    }

    private static PolicySet fleetModelAndVersion() throws PolicyException {
        return set("fleet.yaml", """
                model: "*"
                window: {size: 2h, grace: 10m}
                triggers: {cooldown: 3h}
                """, "credit.yaml", """
                model: credit
                window:
                  size: 1d
                features: {columns: {income: {tests: {psi: {threshold: 0.2}}}}}
                """, "credit-v2.yaml", """
                model: credit
                versions: [v2]
                window: {grace: 30m}
                features: {columns: {income: {expect: {min: 0}}}}
                """);
    }

    @Test
    void laterLayersWinKeyByKeyAndEachValueKnowsItsSource() throws PolicyException {
        EffectivePolicy effective = fleetModelAndVersion().effective("credit", Optional.of("v2"), DEFAULTS);

        assertThat(effective.policy().window().size()).contains(Duration.ofDays(1));
        assertThat(effective.sourceOf("/window/size")).contains("credit.yaml:3");
        assertThat(effective.policy().window().grace()).contains(Duration.ofMinutes(30));
        assertThat(effective.sourceOf("/window/grace")).contains("credit-v2.yaml:3");
        assertThat(effective.policy().triggers().cooldown()).contains(Duration.ofHours(3));
        assertThat(effective.sourceOf("/triggers/cooldown")).contains("fleet.yaml:3");
        assertThat(effective.datasetDriftShare()).isEqualTo(0.5);
        assertThat(effective.sourceOf("/triggers/dataset_drift/share")).contains("DriftDefaults.DATASET_DRIFT_SHARE");
        assertThat(effective.sourceOf("/alerts/rate_per_hour")).contains("driftwatch.alerts.rate.limit.per.hour");
    }

    @Test
    void theOutcomeMergesKeyByKeyAndPolicyShowNamesTheFileOfEach() throws PolicyException {
        EffectivePolicy effective = set("fleet.yaml", """
                model: "*"
                outcome: {business_value: [[0, -1], [-10, 10]]}
                """, "fraud.yaml", """
                model: fraud
                outcome:
                  positive_class: fraud
                """, "fraud-v2.yaml", """
                model: fraud
                versions: [v2]
                outcome:
                  business_value: [[0, -5], [-50, 100]]
                """).effective("fraud", Optional.of("v2"), DEFAULTS);

        assertThat(effective.policy().outcome().choices())
                .isEqualTo(new OutcomeChoices("fraud", new BusinessValueMatrix(0, -5, -50, 100)));
        assertThat(effective.sourceOf("/outcome/positive_class")).contains("fraud.yaml:3");
        assertThat(effective.sourceOf("/outcome/business_value")).contains("fraud-v2.yaml:4");
        assertThat(SourcedYaml.render(effective.merged())).contains("""
                outcome:
                  business_value: [[0, -5], [-50, 100]]  # fraud-v2.yaml:4
                  positive_class: fraud  # fraud.yaml:3
                """);
    }

    @Test
    void aColumnMergesAcrossTheModelsAndTheVersionsPolicies() throws PolicyException {
        EffectivePolicy effective = fleetModelAndVersion().effective("credit", Optional.of("v2"), DEFAULTS);

        ColumnPolicy income = effective.policy().features().columns().get("income");
        assertThat(income.tests().orElseThrow()).containsOnlyKeys("psi");
        assertThat(income.expect().orElseThrow().min()).hasValue(0);
        assertThat(effective.thresholdsByColumn()).containsEntry("income", java.util.Map.of("psi", 0.2));
        assertThat(effective.sourceOf("/features/columns/income/expect/min")).contains("credit-v2.yaml:4");
    }

    @Test
    void anotherVersionGetsTheModelsPolicyWithoutTheVersionsOwn() throws PolicyException {
        EffectivePolicy effective = fleetModelAndVersion().effective("credit", Optional.of("v1"), DEFAULTS);

        assertThat(effective.policy().window().grace()).contains(Duration.ofMinutes(10));
        assertThat(effective.sourceOf("/window/grace")).contains("fleet.yaml:2");
    }

    @Test
    void aModelWithNoPolicyGetsTheFleetPolicyOverTheDefaults() throws PolicyException {
        EffectivePolicy effective = fleetModelAndVersion().effective("fraud", Optional.empty(), DEFAULTS);

        assertThat(effective.policy().model()).isEqualTo("fraud");
        assertThat(effective.policy().window().size()).contains(Duration.ofHours(2));
        assertThat(effective.sourceOf("/window/size")).contains("fleet.yaml:2");
        assertThat(effective.policy().features().columns()).isEmpty();
    }

    @Test
    void withNoPolicyAtAllTheDefaultsLayerIsTheEffectivePolicy() throws PolicyException {
        EffectivePolicy effective = PolicySet.of(List.of()).effective("credit", Optional.empty(), DEFAULTS);

        assertThat(effective.policy().window().size()).contains(Duration.ofHours(1));
        assertThat(effective.sourceOf("/window/size")).contains("driftwatch.window.size.ms");
    }

    @Test
    void aModelsTestsReplaceTheFleetsRatherThanAddingToThem() throws PolicyException {
        PolicySet policies = set("fleet.yaml", """
                model: "*"
                features: {tests: {ks: {}}}
                """, "credit.yaml", """
                model: credit
                features: {tests: {psi: {}}}
                """);

        assertThat(policies.effective("credit", Optional.empty(), DEFAULTS).tests()).containsExactly("psi");
    }

    @Test
    void twoPoliciesForTheSameModelAndVersionAreAnErrorNamingBoth() {
        assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> set("credit.yaml", "model: credit\n",
                        "credit-copy.yaml", "versions: \"*\"\nmodel: credit\n"))
                .satisfies(e -> assertThat(e.problems()).map(PolicyProblem::toString).containsExactly(
                        "credit-copy.yaml:2:1: model credit, version * already has a policy in credit.yaml; keep one of the two"));
    }

    @Test
    void theEffectivePolicysIdChangesWithAnyLayer() throws PolicyException {
        PolicySet policies = fleetModelAndVersion();
        PolicyLayer otherDefaults = PolicyLayer.builder("defaults").put("alerts.rate_per_hour", 3, "x").build();

        assertThat(policies.effective("credit", Optional.of("v2"), DEFAULTS).id())
                .isNotEqualTo(policies.effective("credit", Optional.of("v1"), DEFAULTS).id())
                .isNotEqualTo(policies.effective("credit", Optional.of("v2"), otherDefaults).id())
                .isEqualTo(fleetModelAndVersion().effective("credit", Optional.of("v2"), DEFAULTS).id());
    }
}
