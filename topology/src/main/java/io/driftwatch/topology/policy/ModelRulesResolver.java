package io.driftwatch.topology.policy;

import io.driftwatch.topology.window.ModelKeys;
import io.driftwatch.topology.window.WindowShape;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The rules a model version is windowed and judged by now, for a processor that cuts or judges windows: reads the
 * accepted policies when asked and resolves through the {@link ModelRulesSource} only when they changed since the last time, so a window
 * close costs one read of a small store, not a parse of every policy. A policy accepted before a window closes
 * judges that window, with no restart. One per processor instance (one task, one thread): not thread-safe.
 */
public final class ModelRulesResolver {
    private final ModelRulesSource source;
    private final PolicyMetrics metrics;
    private final Map<String, ModelRules> rulesByModelKey = new HashMap<>();
    private @Nullable KeyValueStore<String, AcceptedPolicy> store;
    private @Nullable Map<String, AcceptedPolicy> resolvedFrom;
    private Map<String, String> resolvedTexts = Map.of();

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
        ModelRules rules = resolved(model, version);
        metrics.inForce(model, version, rules.policyId());
        return rules;
    }

    /**
     * How the model version's windows are cut under the policies accepted now, and when the latest policy that shaped
     * them was published (Long.MIN_VALUE when only the settings do).
     */
    public ModelWindow windowOf(String model, String version) {
        ModelRules rules = resolved(model, version);
        long publishedMillis = Long.MIN_VALUE;
        for (String key : rules.windowPolicies()) {
            AcceptedPolicy policy = requireNonNull(resolvedFrom).get(key);
            if (policy != null) {
                publishedMillis = Math.max(publishedMillis, policy.publishedMillis());
            }
        }
        return new ModelWindow(rules.window(), publishedMillis);
    }

    /** The columns the model version's policy says are not features, under the policies accepted now. */
    public Set<String> excludedColumnsOf(String model, String version) {
        return resolved(model, version).excludedColumns();
    }

    private ModelRules resolved(String model, String version) {
        Map<String, AcceptedPolicy> accepted = acceptedPolicies();
        if (!accepted.equals(resolvedFrom)) {
            rulesByModelKey.clear();
            resolvedFrom = accepted;
            Map<String, String> texts = new TreeMap<>();
            accepted.forEach((key, policy) -> texts.put(key, policy.text()));
            resolvedTexts = Collections.unmodifiableMap(texts);
        }
        Map<String, String> texts = resolvedTexts;
        return rulesByModelKey.computeIfAbsent(ModelKeys.of(model, version),
                key -> requireNonNull(source.resolve(model, version, texts), "ModelRulesSource.resolve answers every model version"));
    }

    private Map<String, AcceptedPolicy> acceptedPolicies() {
        if (store == null) {
            throw new IllegalStateException("init(context) comes before rulesOf: the processor's init calls it");
        }
        Map<String, AcceptedPolicy> accepted = new TreeMap<>();
        try (KeyValueIterator<String, AcceptedPolicy> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, AcceptedPolicy> policy = all.next();
                accepted.put(policy.key, policy.value);
            }
        }
        return accepted;
    }

    /** A model version's window shape and when the policy that gave it was published (Long.MIN_VALUE: the settings'). */
    public record ModelWindow(WindowShape shape, long publishedMillis) {
        public ModelWindow {
            requireNonNull(shape, "shape");
        }
    }
}
