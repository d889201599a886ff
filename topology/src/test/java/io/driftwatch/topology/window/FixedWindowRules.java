package io.driftwatch.topology.window;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.quality.OutcomeChoices;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.topology.policy.AcceptedPolicies;
import io.driftwatch.topology.policy.ModelRules;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Every model windowed alike, as the settings would window it: for tests of the windowing stages alone. */
final class FixedWindowRules implements ModelRulesSource {
    private final ModelRules rules;

    private FixedWindowRules(WindowShape shape) {
        this.rules = new ModelRules("test", ComparisonSettings.DEFAULT, TriggerPolicy.DEFAULT,
                new QualityTriggerPolicy(QualityMetric.of("accuracy"), OptionalDouble.empty(), OptionalDouble.empty(), 1,
                        Duration.ofHours(6)), EstimatedTriggerPolicy.off(Duration.ofHours(6)), OutcomeChoices.IMPLIED, Set.of(), shape, Set.of());
    }

    /** Rules that cut every model's windows with {@code shape}, for a processor driven on its own. */
    static FixedWindowRules of(WindowShape shape) {
        return new FixedWindowRules(shape);
    }

    /** A window topology over {@code windows}, its policies store added to {@code builder}. */
    static WindowTopology topology(StreamsBuilder builder, WindowSpec windows, int partitions, MeterRegistry meters) {
        FixedWindowRules rules = new FixedWindowRules(windows.shape());
        PolicyMetrics policyMetrics = new PolicyMetrics(meters);
        AcceptedPolicies.addTo(builder, "policies", rules, policyMetrics);
        return new WindowTopology(windows, NumericProfileConfig.defaults(),
                CategoricalProfileConfig.defaults(), partitions, rules, policyMetrics,
                new WindowMetrics(meters));
    }

    @Override
    public void check(String key, String text) {
    }

    @Override
    public ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies) {
        return rules;
    }
}
