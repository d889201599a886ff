package io.driftwatch.topology.policy;

import io.driftwatch.topology.window.ModelKeys;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The rules a model version is judged by now, for a processor that judges windows: reads the accepted policies when
 * asked and resolves through the {@link ModelRulesSource} only when they changed since the last time, so a window
 * close costs one read of a small store, not a parse of every policy. A policy accepted before a window closes
 * judges that window, with no restart. One per processor instance (one task, one thread): not thread-safe.
 */
public final class ModelRulesResolver {
    private final ModelRulesSource source;
    private final PolicyMetrics metrics;
    private final Map<String, ModelRules> rulesByModelKey = new HashMap<>();
    private @Nullable KeyValueStore<String, String> store;
    private @Nullable Map<String, String> resolvedFrom;

    public ModelRulesResolver(ModelRulesSource source, PolicyMetrics metrics) {
        this.source = requireNonNull(source, "source");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    /** Call from the processor's {@code init}: the topology holds {@link AcceptedPolicies#STORE}. */
    public void init(ProcessorContext<?, ?> context) {
        this.store = context.getStateStore(AcceptedPolicies.STORE);
    }

    /** The rules of the model version under the policies accepted now; counted as in force for it. */
    public ModelRules rulesOf(String model, String version) {
        Map<String, String> accepted = acceptedPolicies();
        if (!accepted.equals(resolvedFrom)) {
            rulesByModelKey.clear();
            resolvedFrom = accepted;
        }
        ModelRules rules = rulesByModelKey.computeIfAbsent(ModelKeys.of(model, version),
                key -> requireNonNull(source.resolve(model, version, accepted), "ModelRulesSource.resolve answers every model version"));
        metrics.inForce(model, version, rules.policyId());
        return rules;
    }

    private Map<String, String> acceptedPolicies() {
        if (store == null) {
            throw new IllegalStateException("init(context) comes before rulesOf: the processor's init calls it");
        }
        Map<String, String> accepted = new TreeMap<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> policy = all.next();
                accepted.put(policy.key, policy.value);
            }
        }
        return Collections.unmodifiableMap(accepted);
    }
}
