package io.driftwatch.stats.quality;

import static java.util.Objects.requireNonNull;

/**
 * Precision, recall and F1 of one class, as scikit-learn defines them with {@code zero_division=0}: a class
 * never predicted has precision 0, a class that never occurred recall 0; F1 is 2 tp / (2 tp + fp + fn). Quality
 * reports carry it as the Avro record {@code ClassQuality}.
 *
 * @param support how often the class was the true label
 */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
    public ClassMetrics {
        requireNonNull(label, "label");
    }
}
