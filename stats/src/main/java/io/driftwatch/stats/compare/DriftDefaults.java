package io.driftwatch.stats.compare;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.driftwatch.stats.compare.Threshold.Rule.P_VALUE_AT_MOST;
import static io.driftwatch.stats.compare.Threshold.Rule.P_VALUE_BELOW;
import static io.driftwatch.stats.compare.Threshold.Rule.STATISTIC_AT_LEAST;

/**
 * The one place where driftwatch's default test selection and thresholds are written down. They follow
 * Evidently's data-drift defaults, so a team moving from Evidently gets the same verdicts on the same data;
 * the table in docs/check.md and {@code driftwatch check --list-tests} are generated from here.
 *
 * <p>Selection, as Evidently decides it: with a reference of at most {@value #SMALL_REFERENCE_MAX_ROWS} values,
 * a numeric column with more than {@value #FEW_DISTINCT_VALUES_MAX} distinct values (reference and current
 * together) gets {@code ks}; a numeric column with fewer, or a categorical column, gets {@code chi_square}, or
 * {@code z_test} when it has exactly two values. With a larger reference, numeric columns with more than
 * {@value #FEW_DISTINCT_VALUES_MAX} distinct values get {@code wasserstein}, everything else
 * {@code jensen_shannon}. Numeric columns with few distinct values are compared as categories.
 *
 * <p>Windows compared from profiles ({@link ProfileComparator}) follow the same rule, with two additions.
 * The reference size is the reference profile's count of valid values, and the distinct count is exact
 * where the profiles still hold their values or categories, else estimated: for numbers, the distinct
 * values the two KLL sketches retain (a lower bound that misses only values with less than the rank error
 * of the mass each, so a column whose mass sits on a few values is still seen as few-valued); for
 * categories, the HLL union's estimate. And a numeric column with few distinct values that only a quantile
 * sketch holds cannot be compared as categories (the sketch keeps no exact counts): the report names the
 * categorical test as not applicable and the numeric test for its reference size runs instead
 * ({@link #defaultNumericTest(long)}). No test runs on a window of fewer than {@value #MIN_CURRENT_RECORDS}
 * records by default: a window that small is noise, not evidence, and at night or after a deployment
 * windows can be nearly empty. The batch {@code check} tests the files it is given, whatever their size, and
 * withholds its verdict below {@value #MIN_CHECK_ROWS} current rows.
 */
public final class DriftDefaults {
    /** Largest reference for which the p-value tests are the default. */
    public static final long SMALL_REFERENCE_MAX_ROWS = 1_000;
    /** At most this many distinct values and a numeric column is compared as categories. */
    public static final int FEW_DISTINCT_VALUES_MAX = 5;
    /**
     * At most this many distinct values (and no more than {@link #CATEGORY_LIKE_SHARE} of the reference's values) and
     * a test that only compares categories, asked for by name, may compare a numeric column's values as categories:
     * NannyML's test for a low-cardinality numeric column. Past it the values are measurements, and a category test
     * on them (a chi-square with thousands of degrees of freedom) says nothing.
     */
    public static final int CATEGORY_LIKE_DISTINCT_MAX = 50;
    /** See {@link #CATEGORY_LIKE_DISTINCT_MAX}. */
    public static final double CATEGORY_LIKE_SHARE = 0.1;
    /** Dataset drift when at least this share of the compared columns drifted. */
    public static final double DATASET_DRIFT_SHARE = 0.5;
    /** A schema finding when the missing-value rate grew by at least this much (absolute share). */
    public static final double MISSING_RATE_JUMP = 0.1;
    /**
     * A schema finding when more than this share of current values lies outside the reference's range. Not
     * zero: of n + m values from one distribution, about 2m / (n + 1) current values fall outside the
     * reference's range by chance alone, so a single value past the training maximum is no anomaly.
     */
    public static final double OUT_OF_RANGE_SHARE = 0.01;
    /**
     * No drift test runs on a current window with fewer records (valid or missing values of its fullest
     * feature); the report says so per column and the dataset verdict counts no column. Window comparisons only.
     */
    public static final long MIN_CURRENT_RECORDS = 100;
    /**
     * {@code check} withholds its verdict on a current file with fewer rows (it still computes and prints every
     * statistic). Lower than a window's minimum: a file is a sample a person chose, not what the clock cut, and
     * the smallest reference cases of SciPy's exact tests (25 and 30 values) must stay judged.
     */
    public static final long MIN_CHECK_ROWS = 20;

    private static final Map<String, Threshold> THRESHOLDS = defaultThresholds();

    private DriftDefaults() {
    }

    private static Map<String, Threshold> defaultThresholds() {
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        thresholds.put("ks", new Threshold(P_VALUE_AT_MOST, 0.05));
        thresholds.put("psi", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("wasserstein", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("jensen_shannon", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("hellinger", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("kl_divergence", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("l_infinity", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("chi_square", new Threshold(P_VALUE_BELOW, 0.05));
        thresholds.put("chi_square_contingency", new Threshold(P_VALUE_BELOW, 0.05));
        thresholds.put("z_test", new Threshold(P_VALUE_BELOW, 0.05));
        thresholds.put("energy_distance", new Threshold(STATISTIC_AT_LEAST, 0.1));
        thresholds.put("cramer_von_mises", new Threshold(P_VALUE_AT_MOST, 0.05));
        // Scholz & Stephens' 5% critical value of the standardized two-sample statistic (SciPy's table, m = 1).
        thresholds.put("anderson_darling", new Threshold(STATISTIC_AT_LEAST, 1.961));
        thresholds.put("mann_whitney", new Threshold(P_VALUE_AT_MOST, 0.05));
        thresholds.put("t_test_welch", new Threshold(P_VALUE_AT_MOST, 0.05));
        return Map.copyOf(thresholds);
    }

    /** The default threshold of {@code test}. */
    public static Threshold threshold(String test) {
        Threshold threshold = THRESHOLDS.get(TestCatalog.requireKnown(test));
        if (threshold == null) {
            throw new IllegalStateException("no default threshold for known test " + test);
        }
        return threshold;
    }

    /**
     * Whether a numeric column's values are few enough to be compared as categories by a test asked for by name
     * ({@link #CATEGORY_LIKE_DISTINCT_MAX}).
     *
     * @param distinctValues number of distinct valid values in reference and current together
     */
    public static boolean categoryLike(long referenceRows, int distinctValues) {
        return distinctValues <= CATEGORY_LIKE_DISTINCT_MAX && distinctValues <= CATEGORY_LIKE_SHARE * referenceRows;
    }

    /**
     * The test Evidently would pick for a column.
     *
     * @param referenceRows  number of valid reference values
     * @param distinctValues number of distinct valid values in reference and current together
     */
    public static TestChoice defaultTest(ColumnType type, long referenceRows, int distinctValues) {
        boolean asCategories = type == ColumnType.CATEGORICAL || distinctValues <= FEW_DISTINCT_VALUES_MAX;
        if (referenceRows <= SMALL_REFERENCE_MAX_ROWS) {
            if (!asCategories) {
                return new TestChoice("ks", false);
            }
            return new TestChoice(distinctValues == 2 ? "z_test" : "chi_square", true);
        }
        return asCategories ? new TestChoice("jensen_shannon", true) : new TestChoice("wasserstein", false);
    }

    /**
     * The default test for numbers compared as numbers: what a numeric column with few distinct values gets
     * when only a quantile sketch holds it, since comparing its values as categories needs exact counts.
     *
     * @param referenceRows number of valid reference values
     */
    public static TestChoice defaultNumericTest(long referenceRows) {
        return defaultTest(ColumnType.NUMERIC, referenceRows, Integer.MAX_VALUE);
    }

    /**
     * A default test and whether the column is compared as categories.
     *
     * @param asCategories true when a numeric column's distinct values are treated as labels
     */
    public record TestChoice(String test, boolean asCategories) {
    }
}
