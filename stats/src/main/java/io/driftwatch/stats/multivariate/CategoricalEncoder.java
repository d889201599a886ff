package io.driftwatch.stats.multivariate;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A categorical feature as NannyML encodes it: a missing value becomes the reference's most frequent category
 * (scikit-learn's {@code SimpleImputer(strategy="most_frequent")}, the smallest on a tie), then each category becomes
 * its share of the imputed reference rows (category_encoders' {@code CountEncoder(normalize=True)}). A category the
 * reference never saw encodes as 0: CountEncoder's default {@code handle_unknown='value'} replaces the unmapped NaN by
 * 0 ({@code category_encoders/count.py}, {@code X[col] = X[col].replace(np.nan, 0)}).
 *
 * @param name            the feature
 * @param imputedCategory the category a missing value takes
 * @param shares          each reference category's share of the reference rows, missing ones counted as imputed
 */
public record CategoricalEncoder(String name, String imputedCategory, Map<String, Double> shares)
        implements ColumnEncoder {
    public CategoricalEncoder {
        requireNonNull(name, "name");
        requireNonNull(imputedCategory, "imputedCategory");
        shares = Map.copyOf(requireNonNull(shares, "shares"));
        if (!shares.containsKey(imputedCategory)) {
            throw new IllegalArgumentException("column " + name + "'s imputed category " + imputedCategory
                    + " has no share; it must be one of the reference's categories " + shares.keySet());
        }
    }

    /**
     * Fits the imputation and the shares on the reference column.
     *
     * @throws IllegalArgumentException when every reference value is missing
     */
    public static CategoricalEncoder fit(CategoricalColumn reference) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (int row = 0; row < reference.size(); row++) {
            String category = reference.value(row);
            if (category == null) {
                missing++;
            } else {
                counts.merge(category, 1, Integer::sum);
            }
        }
        String mostFrequent = counts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow(() -> new IllegalArgumentException("column " + reference.name()
                        + " has no value in the reference; drop it from the multivariate features or supply reference values"))
                .getKey();
        counts.merge(mostFrequent, missing, Integer::sum);
        Map<String, Double> shares = new HashMap<>();
        counts.forEach((category, count) -> shares.put(category, (double) count / reference.size()));
        return new CategoricalEncoder(reference.name(), mostFrequent, shares);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CATEGORICAL;
    }

    @Override
    public double encode(FeatureRow row) {
        String category = row.categories().get(name);
        return shares.getOrDefault(category == null ? imputedCategory : category, 0.0);
    }
}
