package io.driftwatch.stats.calibration;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.sample.CategoryCounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * Calibrates a distance test's threshold on one training column: the column is cut into chunks
 * ({@link CalibrationPlan}), each chunk is compared with the rest of the column (leave-one-out: chunk i's
 * reference holds every value except chunk i's), and the threshold is the mean of those statistics plus
 * {@value CalibrationPlan#SIGMAS} sample standard deviations. A window as large as a chunk, drawn from the
 * training distribution, then stays below the threshold nearly always (at least 9 times in 10 by Cantelli's
 * inequality whatever the statistic's distribution, were its mean and spread known exactly; about 99.9% if it
 * were normal), while the threshold follows each feature's own noise. The spread of ten statistics is
 * itself a rough estimate: on normal training columns with windows of 1,000, 2.6% of fresh windows reached
 * the threshold on average over 20 calibrations, and 15% after the unluckiest one.
 *
 * <p>Only distance tests (drift when the statistic is at least the threshold) are calibrated. A p-value
 * test already holds its false-alarm rate when nothing drifted, which is what its p-value means; a
 * threshold on its statistic would replace that with a weaker, empirical guarantee, so such tests get a
 * {@link Calibration.NotCalibrated} and keep their default p-value threshold.
 *
 * <p>The tests are the exact ones of {@code TestCatalog} with the given {@link TestOptions}: a threshold
 * holds for the binning and logarithm it was calibrated with. A numeric column compared as categories, or
 * a test that only compares categories, is calibrated on the numbers as labels, as the comparison runs it.
 * Deterministic for a given plan. Stateless and thread-safe.
 */
public final class ThresholdCalibrator {
    private final CalibrationPlan plan;
    private final TestOptions options;

    public ThresholdCalibrator(CalibrationPlan plan, TestOptions options) {
        this.plan = requireNonNull(plan, "plan");
        this.options = requireNonNull(options, "options");
    }

    /**
     * @param asCategories whether a numeric column is compared as categories (see {@code DriftDefaults})
     * @throws IllegalArgumentException if {@code test} is not a known test name
     */
    public Calibration calibrate(String test, ColumnData column, boolean asCategories) {
        requireNonNull(column, "column");
        if (DriftDefaults.threshold(TestCatalog.requireKnown(test)).rule().onPValue()) {
            return new Calibration.NotCalibrated(test, test + " decides on its p-value, which already holds its"
                    + " false-alarm rate when nothing drifted; its default threshold applies");
        }
        if (column.validCount() > Integer.MAX_VALUE) {
            return new Calibration.NotCalibrated(test, "more than " + Integer.MAX_VALUE + " values");
        }
        int values = (int) column.validCount();
        int chunks = plan.equalSplit() ? plan.chunks() : Math.min(plan.chunks(), values / plan.chunkRows());
        int chunkRows = plan.equalSplit() ? values / plan.chunks() : plan.chunkRows();
        if (chunks < CalibrationPlan.MIN_CHUNKS || chunkRows < CalibrationPlan.MIN_CHUNK_ROWS) {
            return new Calibration.NotCalibrated(test, tooFewValues(values));
        }
        ChunkAssignment assignment = ChunkAssignment.shuffled(values, chunks, plan.chunkRows(), plan.seed());
        double[] statistics;
        try {
            Optional<double[]> computed = statistics(test, column, asCategories, assignment);
            if (computed.isEmpty()) {
                return new Calibration.NotCalibrated(test, test + " needs numbers; this column holds categories");
            }
            statistics = computed.get();
        } catch (IllegalArgumentException e) {
            return new Calibration.NotCalibrated(test, requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
        return fromStatistics(test, statistics, assignment.smallestSize());
    }

    private Optional<double[]> statistics(String test, ColumnData column, boolean asCategories,
                                          ChunkAssignment assignment) {
        if (column instanceof ColumnData.Numeric numeric) {
            Optional<NumericDriftTest> numericTest = TestCatalog.numeric(test, options);
            if (!asCategories && numericTest.isPresent()) {
                return Optional.of(new NumericChunks(numeric.values(), assignment).statistics(numericTest.get()));
            }
            return categorical(test).map(t -> new CategoricalChunks(CategoryCounts.ofNumbers(numeric.values()),
                    assignment).statistics(t));
        }
        CategoryCounts counts = ((ColumnData.Categorical) column).counts();
        return categorical(test).map(t -> new CategoricalChunks(counts, assignment).statistics(t));
    }

    private Optional<CategoricalDriftTest> categorical(String test) {
        return TestCatalog.categorical(test, options);
    }

    private static Calibration fromStatistics(String test, double[] statistics, int chunkRows) {
        double sum = 0;
        for (double statistic : statistics) {
            if (!Double.isFinite(statistic)) {
                return new Calibration.NotCalibrated(test, "a chunk's statistic was " + statistic);
            }
            sum += statistic;
        }
        double mean = sum / statistics.length;
        double squares = 0;
        for (double statistic : statistics) {
            squares += (statistic - mean) * (statistic - mean);
        }
        double standardDeviation = Math.sqrt(squares / (statistics.length - 1));
        if (!(standardDeviation > 0)) {
            // A zero spread (a constant column, one category) would make every later window drift, itself included.
            return new Calibration.NotCalibrated(test, String.format(Locale.ROOT,
                    "every chunk gave the same statistic %s, so there is no spread to calibrate on", statistics[0]));
        }
        return new Calibration.Calibrated(test, mean + CalibrationPlan.SIGMAS * standardDeviation, mean,
                standardDeviation, chunkRows, Arrays.stream(statistics).boxed().toList());
    }

    private String tooFewValues(int values) {
        if (plan.equalSplit()) {
            return values + " valid values are too few for " + plan.chunks() + " chunks of at least "
                    + CalibrationPlan.MIN_CHUNK_ROWS + "; use fewer chunks or more training data";
        }
        return values + " valid values are too few for " + CalibrationPlan.MIN_CHUNKS + " chunks of "
                + plan.chunkRows() + "; use smaller chunks or more training data";
    }
}
