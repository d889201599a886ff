package io.driftwatch.topology.multivariate;

import io.driftwatch.stats.multivariate.ColumnEncoder;
import io.driftwatch.stats.multivariate.ColumnKind;
import io.driftwatch.stats.multivariate.FeatureRow;
import io.driftwatch.stats.multivariate.ReconstructionFit;

import java.util.HashMap;
import java.util.Map;

/**
 * An inference's features as the rows {@code check --multivariate pca} reads from a file, so a window and a chunk of
 * the same rows score alike: in a continuous feature a finite number is its value and anything else (text, a boolean,
 * null, NaN, an infinity) is missing; in a categorical one text and booleans are their text ({@code true}), a number
 * its decimal text ({@code 1.5}, {@code 2}), and null is missing. Features the fit does not use are ignored.
 */
public final class InferenceRows {
    private InferenceRows() {
    }

    public static FeatureRow of(Map<String, ?> features, ReconstructionFit fit) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        for (ColumnEncoder encoder : fit.encoders()) {
            Object value = features.get(encoder.name());
            if (value == null) {
                continue;
            }
            if (encoder.kind() == ColumnKind.CONTINUOUS) {
                if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                    numbers.put(encoder.name(), number.doubleValue());
                }
            } else if (value instanceof String || value instanceof Boolean || value instanceof Number) {
                categories.put(encoder.name(), value.toString());
            }
        }
        return new FeatureRow(numbers, categories);
    }
}
