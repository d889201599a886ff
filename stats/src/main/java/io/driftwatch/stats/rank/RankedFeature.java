package io.driftwatch.stats.rank;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One feature's place in a ranking, with the numbers it was ranked by, as reports and alerts show them.
 *
 * @param rank        1 for the feature that matters most, then 2, 3, ... with no ties
 * @param alerts      the chunks in which the feature drifted
 * @param correlation a correlation ranking's Pearson r of the feature's statistic with the performance change, in
 *                    [-1, 1]; null for an alert-count ranking and where r is undefined (fewer than two chunks with
 *                    both values, or either constant over them). Never NaN.
 * @param pValue      the two-sided p-value of {@code correlation}, in [0, 1]; null exactly when it is
 * @param drifted     whether the feature drifted in any chunk
 */
public record RankedFeature(String feature, int rank, int alerts, @Nullable Double correlation,
                            @Nullable Double pValue, boolean drifted) {
    public RankedFeature {
        requireNonNull(feature, "feature");
        if (rank < 1) {
            throw new IllegalArgumentException("rank of " + feature + " must be 1 or more, got " + rank);
        }
        if ((correlation == null) != (pValue == null)) {
            throw new IllegalArgumentException("feature " + feature + " has a correlation and a p-value, or neither");
        }
        if (correlation != null && pValue != null && (correlation.isNaN() || pValue.isNaN())) {
            throw new IllegalArgumentException("feature " + feature + ": an undefined correlation is null, not NaN");
        }
    }
}
