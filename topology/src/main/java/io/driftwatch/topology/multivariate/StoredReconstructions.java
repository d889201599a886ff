package io.driftwatch.topology.multivariate;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The reconstruction fits of the baselines in the global baselines store, by model key, each read once and kept until
 * the caller {@link #refresh}es it: every inference is scored with its model version's fit, and reading a baseline
 * from the store decodes the whole record (its profiles can take megabytes), so the aggregation stage reads a model's
 * baseline again only when one of its windows opens. A baseline published in between scores from the next window on.
 * Not thread-safe: one per processor.
 */
public final class StoredReconstructions {
    private static final Logger LOG = LoggerFactory.getLogger(StoredReconstructions.class);

    private final TimestampedKeyValueStore<String, Baseline> store;
    private final Map<String, Optional<Scoring>> byModelKey = new HashMap<>();

    public StoredReconstructions(TimestampedKeyValueStore<String, Baseline> store) {
        this.store = requireNonNull(store, "store");
    }

    /** The fit of the model version's baseline; empty when it has no baseline or its baseline has no fit. */
    public Optional<Scoring> of(String modelKey) {
        Optional<Scoring> known = byModelKey.get(modelKey);
        if (known == null) {
            known = read(modelKey);
            byModelKey.put(modelKey, known);
        }
        return known;
    }

    /** Forgets the model version's fit, so the next lookup sees the baseline the store holds now. */
    public void refresh(String modelKey) {
        byModelKey.remove(modelKey);
    }

    private Optional<Scoring> read(String modelKey) {
        ValueAndTimestamp<Baseline> stored = store.get(modelKey);
        if (stored == null || stored.value() == null) {
            return Optional.empty();
        }
        Baseline baseline = stored.value();
        BaselineReconstruction fit = baseline.getMultivariate();
        if (fit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Scoring(baseline.getBaselineId(), BaselineReconstructions.fromRecord(fit)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Baseline {} holds a multivariate fit this build cannot read ({}); its windows get no multivariate"
                    + " drift until a readable baseline is published", baseline.getBaselineId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A baseline's fit, with the id the window keeps its errors under.
     *
     * @param baselineId the baseline it came from
     * @param reference  the fit and its reference chunks
     */
    public record Scoring(String baselineId, ReconstructionReference reference) {
        public Scoring {
            requireNonNull(baselineId, "baselineId");
            requireNonNull(reference, "reference");
        }
    }
}
