package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.topology.window.ModelKeys;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Baselines from the global store that mirrors the compacted baselines topic (every instance holds all
 * of them; there are few). A baseline's profiles are decoded once and reused for every window until a new
 * baseline for the model version replaces it; only the latest of each model version stays decoded, since a
 * baseline holding its raw values can take tens of megabytes. Not thread-safe: one per processor.
 */
final class StoredBaselines implements BaselineLookup {
    private final TimestampedKeyValueStore<String, Baseline> store;
    private final Map<String, Reference> decodedByModelKey = new HashMap<>();

    StoredBaselines(TimestampedKeyValueStore<String, Baseline> store) {
        this.store = requireNonNull(store, "store");
    }

    @Override
    public Optional<Reference> find(String model, String version) {
        ValueAndTimestamp<Baseline> stored = store.get(ModelKeys.of(model, version));
        if (stored == null || stored.value() == null) {
            return Optional.empty();
        }
        Baseline baseline = stored.value();
        String modelKey = ModelKeys.of(model, version);
        Reference decoded = decodedByModelKey.get(modelKey);
        if (decoded == null || !decoded.baselineId().equals(baseline.getBaselineId())) {
            decoded = Reference.of(baseline);
            decodedByModelKey.put(modelKey, decoded);
        }
        return Optional.of(decoded);
    }
}
