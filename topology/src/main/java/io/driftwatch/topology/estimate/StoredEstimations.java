package io.driftwatch.topology.estimate;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The CBPE fits of the baselines in the global baselines store, by model key, read once and kept until {@link
 * #refresh()}: every prediction is estimated with its model version's fit, and reading a baseline from the store
 * decodes the whole record (its profiles can take megabytes), so a fit is looked up per prediction here and the
 * store is read again only when the caller refreshes, once per update interval. A baseline published in between is
 * used from the next interval on. Not thread-safe: one per processor.
 */
public final class StoredEstimations {
    private static final Logger LOG = LoggerFactory.getLogger(StoredEstimations.class);

    private final TimestampedKeyValueStore<String, Baseline> store;
    private final Map<String, Optional<Estimation>> byModelKey = new HashMap<>();

    public StoredEstimations(TimestampedKeyValueStore<String, Baseline> store) {
        this.store = requireNonNull(store, "store");
    }

    /** The fit of the model version's baseline; empty when it has no baseline or its baseline has no fit. */
    public Optional<Estimation> of(String modelKey) {
        Optional<Estimation> known = byModelKey.get(modelKey);
        if (known == null) {
            known = read(modelKey);
            byModelKey.put(modelKey, known);
        }
        return known;
    }

    /** Forgets what was read, so the next lookups see the baselines the store holds now. */
    public void refresh() {
        byModelKey.clear();
    }

    private Optional<Estimation> read(String modelKey) {
        ValueAndTimestamp<Baseline> stored = store.get(modelKey);
        if (stored == null || stored.value() == null || stored.value().getPerformanceEstimation() == null) {
            return Optional.empty();
        }
        Baseline baseline = stored.value();
        BaselineEstimation fit = requireNonNull(baseline.getPerformanceEstimation(), "estimation");
        try {
            Optional<MulticlassCbpeReference> multiclass = MulticlassBaselineEstimations.fromRecord(fit);
            return Optional.of(multiclass.isPresent()
                    ? new Multiclass(baseline.getBaselineId(), multiclass.get())
                    : new Binary(baseline.getBaselineId(), BaselineEstimations.fromRecord(fit)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Baseline {} holds a performance estimation this build cannot read ({}); its windows are not"
                    + " estimated until a readable baseline is published", baseline.getBaselineId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A baseline's fit, binary or multiclass. */
    public sealed interface Estimation permits Binary, Multiclass {
        /** The baseline it came from, which a report names. */
        String baselineId();
    }

    /**
     * A binary model's fit.
     *
     * @param baselineId the baseline it came from
     * @param reference  the fit
     */
    public record Binary(String baselineId, CbpeReference reference) implements Estimation {
        public Binary {
            requireNonNull(baselineId, "baselineId");
            requireNonNull(reference, "reference");
        }
    }

    /**
     * A multiclass model's fit.
     *
     * @param baselineId the baseline it came from
     * @param reference  the fit
     */
    public record Multiclass(String baselineId, MulticlassCbpeReference reference) implements Estimation {
        public Multiclass {
            requireNonNull(baselineId, "baselineId");
            requireNonNull(reference, "reference");
        }
    }
}
