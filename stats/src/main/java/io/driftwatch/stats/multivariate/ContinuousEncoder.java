package io.driftwatch.stats.multivariate;

import static java.util.Objects.requireNonNull;

/**
 * A numeric feature as scikit-learn's {@code SimpleImputer(strategy="mean")} leaves it: a missing value becomes the
 * reference mean, any other value passes through.
 *
 * @param name         the feature
 * @param imputedValue the mean of the reference's non-missing values
 */
public record ContinuousEncoder(String name, double imputedValue) implements ColumnEncoder {
    public ContinuousEncoder {
        requireNonNull(name, "name");
        if (!Double.isFinite(imputedValue)) {
            throw new IllegalArgumentException("column " + name + "'s imputed value must be finite, got " + imputedValue);
        }
    }

    /**
     * Fits the imputation on the reference column.
     *
     * @throws IllegalArgumentException when every reference value is missing
     */
    public static ContinuousEncoder fit(ContinuousColumn reference) {
        double sum = 0;
        int present = 0;
        for (int row = 0; row < reference.size(); row++) {
            if (!Double.isNaN(reference.value(row))) {
                sum += reference.value(row);
                present++;
            }
        }
        if (present == 0) {
            throw new IllegalArgumentException("column " + reference.name()
                    + " has no value in the reference; drop it from the multivariate features or supply reference values");
        }
        return new ContinuousEncoder(reference.name(), sum / present);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CONTINUOUS;
    }

    @Override
    public double encode(FeatureRow row) {
        Double value = row.numbers().get(name);
        return value == null || Double.isNaN(value) ? imputedValue : value;
    }
}
