package io.driftwatch.stats.multivariate;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One record's features by name, the unit the stream scores as it arrives. A feature absent from its map, or a
 * number that is NaN, is missing and gets the fit's imputed value; a feature the fit does not use is ignored.
 *
 * @param numbers    continuous features' values
 * @param categories categorical features' values
 */
public record FeatureRow(Map<String, Double> numbers, Map<String, String> categories) {
    public FeatureRow {
        numbers = Map.copyOf(requireNonNull(numbers, "numbers"));
        categories = Map.copyOf(requireNonNull(categories, "categories"));
    }
}
