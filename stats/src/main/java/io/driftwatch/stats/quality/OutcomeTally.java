package io.driftwatch.stats.quality;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labelled pairs of one group (a window, or one segment of it), routed by task: classification pairs to
 * a {@link ClassificationTally}, regression pairs to a {@link RegressionTally}. A group normally holds one
 * task; if a model logs both, both sets of metrics are reported and the task is the more frequent one.
 * Not thread-safe.
 */
public final class OutcomeTally {
    private @Nullable ClassificationTally classification;
    private @Nullable RegressionTally regression;

    void add(LabelledPair pair) {
        if (pair instanceof ClassifiedPair classified) {
            classification().add(classified);
        } else if (pair instanceof RegressedPair regressed) {
            regression().add(regressed.predicted(), regressed.actual());
        }
    }

    void merge(OutcomeTally other) {
        if (other.classification != null) {
            classification().merge(other.classification);
        }
        if (other.regression != null) {
            regression().merge(other.regression);
        }
    }

    ClassificationTally classification() {
        if (classification == null) {
            classification = new ClassificationTally();
        }
        return classification;
    }

    RegressionTally regression() {
        if (regression == null) {
            regression = new RegressionTally();
        }
        return regression;
    }

    @Nullable ClassificationTally classificationOrNull() {
        return classification;
    }

    @Nullable RegressionTally regressionOrNull() {
        return regression;
    }

    public long labelled() {
        return (classification == null ? 0 : classification.count()) + (regression == null ? 0 : regression.count());
    }

    public TaskKind task() {
        long classified = classification == null ? 0 : classification.count();
        long regressed = regression == null ? 0 : regression.count();
        return regressed > classified ? TaskKind.REGRESSION : TaskKind.CLASSIFICATION;
    }

    public Map<String, Double> metrics() {
        return metrics(null);
    }

    /** @param positiveClass a binary model's positive class; null to imply it ({@link ClassificationTally#binary}) */
    public Map<String, Double> metrics(@Nullable String positiveClass) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (classification != null) {
            metrics.putAll(classification.metrics(positiveClass));
        }
        if (regression != null) {
            metrics.putAll(regression.metrics());
        }
        return metrics;
    }
}
