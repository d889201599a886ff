package io.driftwatch.stats.calibration;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.compare.TestOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests a model's policy holds to a calibrated threshold, by column, each with the options it runs with:
 * what {@code baseline} calibrates and stores beside the default test's calibration, and what {@code check}
 * calibrates on its reference file, through the same {@link #calibrate} with the same plan, so the two agree.
 * Immutable.
 *
 * @param testsByColumn the tests and their options by column; {@value #EVERY_COLUMN} for every column without an
 *                      entry of its own (an entry with no tests keeps a column from {@value #EVERY_COLUMN}'s)
 */
public record CalibrationTargets(Map<String, Map<String, TestOptions>> testsByColumn) {
    /** The key whose tests every column without its own entry calibrates. */
    public static final String EVERY_COLUMN = "*";
    /** No test beyond what the baseline calibrates by default. */
    public static final CalibrationTargets NONE = new CalibrationTargets(Map.of());

    /**
     * @throws IllegalArgumentException naming a test that is not known
     */
    public CalibrationTargets {
        Map<String, Map<String, TestOptions>> copy = new LinkedHashMap<>();
        testsByColumn.forEach((column, byTest) -> {
            byTest.keySet().forEach(TestCatalog::requireKnown);
            copy.put(column, Collections.unmodifiableMap(new LinkedHashMap<>(byTest)));
        });
        testsByColumn = Collections.unmodifiableMap(copy);
    }

    /** The tests to calibrate on {@code column}, with their options, in the order the policy lists them. */
    public Map<String, TestOptions> testsFor(String column) {
        Map<String, TestOptions> own = testsByColumn.get(column);
        return own != null ? own : testsByColumn.getOrDefault(EVERY_COLUMN, Map.of());
    }

    public boolean isEmpty() {
        return testsByColumn.values().stream().allMatch(Map::isEmpty);
    }

    /**
     * Calibrates each of {@code column}'s tests on its training values with {@code plan}, as the comparison runs the
     * test: on a categorical column as categories, on a numeric one as numbers where the test compares numbers.
     */
    public List<Calibration> calibrate(String name, ColumnData column, CalibrationPlan plan) {
        List<Calibration> calibrations = new ArrayList<>();
        boolean asCategories = column.type() == ColumnType.CATEGORICAL;
        testsFor(name).forEach((test, options) ->
                calibrations.add(new ThresholdCalibrator(plan, options).calibrate(test, column, asCategories)));
        return calibrations;
    }
}
