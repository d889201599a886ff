package io.driftwatch.topology.policy;

import io.driftwatch.topology.gauge.LatestValueGauges;
import io.driftwatch.topology.window.ModelKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Which policy judges each model version, and how many published policies were refused: what an operator checks
 * after publishing one. {@code driftwatch.policy.info} is 1, tagged with model, version and {@code policy_id}, one
 * series per model version: when its policy changes, the old series is removed, not left beside the new one
 * (a window that closes under the new policy replaces it, so the series follows the windows, not the topic).
 * {@code driftwatch.policies.rejected} counts refused policy records by {@link RejectedPolicyException.Kind},
 * every kind registered at zero so an alert on its increase works from the start; at-least-once, since a restart
 * re-reads the topic and counts a still-published rejected policy again. Thread-safe: the global thread counts,
 * the stream threads set the gauge.
 */
public final class PolicyMetrics {
    public static final String INFO = "driftwatch.policy.info";
    public static final String REJECTED = "driftwatch.policies.rejected";
    private static final String INFO_DESCRIPTION = "1 for the policy (policy_id) the last closed window of a model version was judged by";

    private final MeterRegistry meters;
    private final LatestValueGauges gauges;
    private final Map<RejectedPolicyException.Kind, Counter> rejections = new ConcurrentHashMap<>();
    private final Map<String, String> policyIdByModelKey = new ConcurrentHashMap<>();

    public PolicyMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
        this.gauges = new LatestValueGauges(meters);
        for (RejectedPolicyException.Kind kind : RejectedPolicyException.Kind.values()) {
            rejections.put(kind, Counter.builder(REJECTED).description("Policy records on the policies topic that were not applied, by reason")
                    .tag("reason", kind.tag()).register(meters));
        }
    }

    void rejected(RejectedPolicyException.Kind kind) {
        rejections.computeIfAbsent(kind, missing -> Counter.builder(REJECTED).tag("reason", missing.tag()).register(meters)).increment();
    }

    /** Notes that {@code policyId} judged a window of the model version. */
    void inForce(String model, String version, String policyId) {
        Tags modelTags = Tags.of("model", model, "version", version);
        String previous = policyIdByModelKey.put(ModelKeys.of(model, version), policyId);
        if (previous != null && !previous.equals(policyId)) {
            Meter replaced = meters.find(INFO).tags(modelTags.and("policy_id", previous)).meter();
            if (replaced != null) {
                meters.remove(replaced);
            }
        }
        gauges.set(INFO, INFO_DESCRIPTION, modelTags.and("policy_id", policyId), 1);
    }
}
