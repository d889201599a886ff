package io.driftwatch.stats.compare;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import java.util.List;

/**
 * One side of a golden case as both comparators take it: the raw column {@code check} reads, and the
 * profile a window would hold, with the same missing values (nulls, NaNs and wrong types for numbers,
 * nulls and wrong types for categories).
 */
record GoldenColumns(ColumnData column, ColumnProfile profile) {

    static GoldenColumns reference(GoldenCase golden, NumericProfileConfig numbers, CategoricalProfileConfig categories,
                                   int nulls, int nonFinite, int wrongType) {
        return golden.isNumeric() ? numeric(golden.referenceValues(), numbers, nulls, nonFinite, wrongType)
                : categorical(golden.referenceLines(), categories, nulls, wrongType);
    }

    static GoldenColumns current(GoldenCase golden, NumericProfileConfig numbers, CategoricalProfileConfig categories,
                                 int nulls, int nonFinite, int wrongType) {
        return golden.isNumeric() ? numeric(golden.currentValues(), numbers, nulls, nonFinite, wrongType)
                : categorical(golden.currentLines(), categories, nulls, wrongType);
    }

    static GoldenColumns numeric(double[] values, NumericProfileConfig config, int nulls, int nonFinite, int wrongType) {
        NumericProfile profile = NumericProfile.of(config, values);
        for (int i = 0; i < nulls; i++) {
            profile.updateNull();
        }
        for (int i = 0; i < nonFinite; i++) {
            profile.update(i % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < wrongType; i++) {
            profile.updateWrongType();
        }
        return new GoldenColumns(new ColumnData.Numeric(SortedSample.of(values), nulls + nonFinite + wrongType), profile);
    }

    static GoldenColumns categorical(List<String> values, CategoricalProfileConfig config, int nulls, int wrongType) {
        CategoricalProfile profile = CategoricalProfile.of(config, values);
        for (int i = 0; i < nulls; i++) {
            profile.updateNull();
        }
        for (int i = 0; i < wrongType; i++) {
            profile.updateWrongType();
        }
        return new GoldenColumns(new ColumnData.Categorical(CategoryCounts.ofValues(values), nulls + wrongType), profile);
    }
}
