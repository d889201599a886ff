package io.driftwatch.topology.policy;

import io.driftwatch.policy.AlertsPolicy;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.policy.Severity;
import io.driftwatch.policy.TriggersPolicy;
import io.driftwatch.policy.WindowPolicy;
import io.driftwatch.policy.layer.LayerMerge;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.PolicyDefaults;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.driftwatch.topology.window.WindowShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The rules of a model version from the YAML policies on the policies topic ({@code docs/policies.md}), on top of the
 * {@code driftwatch.*} settings: what {@code driftwatch run} judges by. A model without a policy, in a deployment
 * without any, gets exactly the settings' rules, under the id of the policy they amount to. Thread-safe.
 */
public final class PolicyModelRules implements ModelRulesSource {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyModelRules.class);
    private static final List<String> WINDOW_POINTERS = List.of("/window/size", "/window/grace", "/window/offset");

    private final PublishedPolicies published = new PublishedPolicies();
    private final PolicyLayer defaults;
    private final ModelRules settings;

    /** Rules over the engine's settings alone: a report's id is then not the one {@code policy show} prints. */
    public PolicyModelRules(DriftwatchConfig config) {
        this(PolicyDefaults.layer(requireNonNull(config, "config")), config);
    }

    /**
     * @param alertsDefaults the alerts' recipients and rate limit as a layer ({@code AlertsPolicyDefaults}): the part
     *                       of the defaults under every policy that is not the engine's, so the id each report names
     *                       is the one {@code driftwatch policy show} prints for the same configuration file
     */
    public PolicyModelRules(DriftwatchConfig config, PolicyLayer alertsDefaults) {
        this(LayerMerge.merge("defaults", List.of(PolicyDefaults.layer(requireNonNull(config, "config")),
                requireNonNull(alertsDefaults, "alertsDefaults"))), config);
    }

    private PolicyModelRules(PolicyLayer defaults, DriftwatchConfig config) {
        this.defaults = defaults;
        this.settings = new ConfigModelRules(config).defaults();
    }

    @Override
    public void check(String key, String text) throws RejectedPolicyException {
        try {
            published.accept(key, text);
        } catch (PolicyException e) {
            PolicyProblem first = e.problems().get(0);
            String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more problems)" : "";
            throw new RejectedPolicyException(kindOf(e), first + more);
        } catch (RuntimeException e) {
            throw new RejectedPolicyException(RejectedPolicyException.Kind.UNREADABLE,
                    key + ": cannot be read as a policy (" + e + ")");
        }
    }

    @Override
    public ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies) {
        try {
            return rules(model, version, acceptedPolicies);
        } catch (RuntimeException e) {
            // Every policy passed check alone; should their combination still fail to convert, the window is judged
            // by the settings (its report names their id) rather than the stream thread failing on every retry.
            LOG.error("model {} version {}: its policies cannot be applied together ({}); judging it by the driftwatch.*"
                    + " settings until they are fixed", model, version, e.toString());
            return rules(model, version, Map.of());
        }
    }

    private ModelRules rules(String model, String version, Map<String, String> acceptedPolicies) {
        EffectivePolicy policy = published.set(acceptedPolicies).effective(model, Optional.of(version), defaults);
        return new ModelRules(policy.id().shortForm(), policy.comparisonSettings(settings.comparison()),
                triggers(policy.policy().triggers(), settings.triggers()),
                quality(policy.policy().triggers(), settings.quality()),
                estimated(policy.policy().triggers(), settings.estimated()), policy.policy().outcome().choices(),
                policy.excludedColumns(),
                window(policy.policy().window(), settings.window()), windowPolicies(policy, acceptedPolicies),
                ranking(policy.policy().alerts(), settings.ranking()));
    }

    private static RankingRule ranking(AlertsPolicy alerts, RankingRule settings) {
        return alerts.ranking().map(rule -> new RankingRule(rule.enabled(), rule.windows().orElse(settings.windows()),
                rule.method().map(RankingRule.Method::of).orElse(settings.method()), rule.metric().orElse(settings.metric()),
                rule.performance().map(RankingRule.Performance::of).orElse(settings.performance()))).orElse(settings);
    }

    private static WindowShape window(WindowPolicy window, WindowShape settings) {
        return new WindowShape(window.size().orElse(settings.size()), window.grace().orElse(settings.grace()),
                window.offset().orElse(settings.offset()));
    }

    /** The topic keys the window's values came from: a value's source is its layer's name (the key) and line. */
    private static Set<String> windowPolicies(EffectivePolicy policy, Map<String, String> acceptedPolicies) {
        Set<String> keys = new TreeSet<>();
        for (String pointer : WINDOW_POINTERS) {
            policy.sourceOf(pointer).map(source -> source.contains(":") ? source.substring(0, source.lastIndexOf(':')) : source)
                    .filter(acceptedPolicies::containsKey).ifPresent(keys::add);
        }
        return keys;
    }

    private static RejectedPolicyException.Kind kindOf(PolicyException e) {
        return switch (e.kind()) {
            case UNREADABLE -> RejectedPolicyException.Kind.UNREADABLE;
            case INVALID -> RejectedPolicyException.Kind.INVALID;
            case MISKEYED -> RejectedPolicyException.Kind.MISKEYED;
        };
    }

    private static TriggerPolicy triggers(TriggersPolicy rules, TriggerPolicy settings) {
        Optional<TriggersPolicy.DatasetDrift> drift = rules.datasetDrift();
        boolean driftOn = drift.map(TriggersPolicy.DatasetDrift::enabled).orElse(settings.datasetDriftEnabled());
        int consecutive = drift.flatMap(rule -> rule.consecutive().isPresent()
                ? Optional.of(rule.consecutive().getAsInt()) : Optional.empty()).orElse(settings.consecutiveDriftWindows());
        TriggerPolicy.SchemaRule schema = rules.schema().map(rule -> !rule.enabled() ? TriggerPolicy.SchemaRule.OFF
                : rule.minSeverity().orElse(Severity.ERROR) == Severity.WARNING ? TriggerPolicy.SchemaRule.WARNINGS
                : TriggerPolicy.SchemaRule.ERRORS).orElse(settings.schemaRule());
        int multivariate = rules.multivariateDrift().map(rule -> !rule.enabled() ? 0 : rule.consecutive().orElse(1))
                .orElse(settings.consecutiveMultivariateWindows());
        return new TriggerPolicy(consecutive, driftOn, schema, multivariate, rules.cooldown().orElse(settings.coolDown()));
    }

    private static QualityTriggerPolicy quality(TriggersPolicy rules, QualityTriggerPolicy settings) {
        Duration coolDown = rules.cooldown().orElse(settings.coolDown());
        Optional<TriggersPolicy.Quality> quality = rules.quality();
        if (quality.isEmpty()) {
            return new QualityTriggerPolicy(settings.metric(), settings.threshold(), settings.maxDrop(), settings.minLabels(),
                    coolDown);
        }
        TriggersPolicy.Quality rule = quality.get();
        if (!rule.enabled()) {
            return new QualityTriggerPolicy(rule.metric().orElse(settings.metric()), OptionalDouble.empty(),
                    OptionalDouble.empty(), settings.minLabels(), coolDown);
        }
        return new QualityTriggerPolicy(rule.metric().orElse(settings.metric()),
                rule.worseThan().isPresent() ? rule.worseThan() : settings.threshold(),
                rule.maxDrop().isPresent() ? rule.maxDrop() : settings.maxDrop(),
                rule.minLabels().isPresent() ? rule.minLabels().getAsLong() : settings.minLabels(), coolDown);
    }

    private static EstimatedTriggerPolicy estimated(TriggersPolicy rules, EstimatedTriggerPolicy settings) {
        Duration coolDown = rules.cooldown().orElse(settings.coolDown());
        Optional<TriggersPolicy.EstimatedQuality> estimated = rules.estimatedQuality();
        if (estimated.isEmpty()) {
            return new EstimatedTriggerPolicy(settings.metric(), settings.worseThan(), settings.onAlert(),
                    settings.minPredictions(), coolDown);
        }
        TriggersPolicy.EstimatedQuality rule = estimated.get();
        EstimatedMetric metric = rule.metric().orElse(settings.metric());
        if (!rule.enabled()) {
            return new EstimatedTriggerPolicy(metric, OptionalDouble.empty(), false, settings.minPredictions(), coolDown);
        }
        return new EstimatedTriggerPolicy(metric, rule.worseThan(), rule.onAlert().orElse(true),
                rule.minPredictions().isPresent() ? rule.minPredictions().getAsLong() : settings.minPredictions(), coolDown);
    }
}
