package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.topology.window.ModelKeys;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.nio.ByteBuffer;
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
            decoded = decode(baseline);
            decodedByModelKey.put(modelKey, decoded);
        }
        return Optional.of(decoded);
    }

    private static Reference decode(Baseline baseline) {
        Map<String, ColumnProfile> profiles = new HashMap<>();
        Map<String, Map<String, Double>> thresholds = new HashMap<>();
        Map<String, DriftDefaults.TestChoice> chosenTests = new HashMap<>();
        for (BaselineColumn column : baseline.getColumns()) {
            if (column.getDefaultTest() != null && TestCatalog.NAMES.contains(column.getDefaultTest())) {
                chosenTests.put(column.getName(), new DriftDefaults.TestChoice(column.getDefaultTest(),
                        column.getComparedAsCategories() || column.getColumnType() == ColumnKind.CATEGORICAL));
            }
            ByteBuffer bytes = column.getProfile().duplicate();
            byte[] profile = new byte[bytes.remaining()];
            bytes.get(profile);
            profiles.put(column.getName(), ProfileCodec.fromBytes(profile));
            if (!column.getThresholds().isEmpty()) {
                thresholds.put(column.getName(), Map.copyOf(column.getThresholds()));
            }
        }
        return new Reference(baseline.getBaselineId(), profiles, thresholds, chosenTests);
    }
}
