package io.driftwatch.stats.compare;

import io.driftwatch.stats.expect.ColumnExpectation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a comparison runs and how strictly it judges: the test options, an explicit test list (empty for
 * the {@link DriftDefaults} selection), per-column test lists, and threshold overrides per test or per
 * column and test. Immutable.
 *
 * @param tests             tests for every column; empty means the default selection per column
 * @param testsByColumn     tests for the named columns, taking precedence over {@code tests}
 * @param thresholdsByTest  threshold levels replacing the defaults for a test on every column
 * @param thresholdsByColumn threshold levels for one column, by column then test; take precedence
 * @param datasetDriftShare share of drifted columns at which the data set counts as drifted
 * @param missingRateJump   absolute growth of the missing-value rate that is reported as a finding
 * @param minCurrentRecords fewest records a current window needs before any test runs on it; only
 *                          {@link ProfileComparator} applies it ({@code check} compares the files it is given)
 * @param chosenTests       the default test of a column as a baseline chose it from the training data alone,
 *                          used instead of choosing from the two sides at hand, so a window runs the test the
 *                          baseline calibrated its threshold for; empty to choose per comparison
 * @param informingTests    the tests every column reports beside the deciding ones, which never change a verdict
 * @param expectations      what a model's policy expects of the current data, by column (each key the name of
 *                          its expectation's column), in the order findings list absent required columns
 * @param optionsByColumn   the options of one test on one column, by column ({@value #EVERY_COLUMN} for every column
 *                          without its own entry) then test; {@code options} for a test neither names
 * @param notCalibrated     tests a policy holds to a calibrated threshold that could not be calibrated, by column
 *                          then test, with the reason: such a test does not run and its column says why, rather
 *                          than judging by a default threshold nobody chose
 */
public record ComparisonSettings(TestOptions options, List<String> tests, Map<String, List<String>> testsByColumn,
                                 Map<String, Double> thresholdsByTest,
                                 Map<String, Map<String, Double>> thresholdsByColumn,
                                 double datasetDriftShare, double missingRateJump, long minCurrentRecords,
                                 Map<String, DriftDefaults.TestChoice> chosenTests,
                                 InformingTests informingTests, Map<String, ColumnExpectation> expectations,
                                 Map<String, Map<String, TestOptions>> optionsByColumn,
                                 Map<String, Map<String, String>> notCalibrated) {

    /** The key of {@code optionsByColumn} whose options hold on every column without an entry of its own. */
    public static final String EVERY_COLUMN = "*";

    public static final ComparisonSettings DEFAULT = new ComparisonSettings(TestOptions.DEFAULT, List.of(), Map.of(),
            Map.of(), Map.of(), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP,
            DriftDefaults.MIN_CURRENT_RECORDS, Map.of(), InformingTests.DEFAULT, Map.of());

    public ComparisonSettings {
        requireNonNull(options, "options");
        requireNonNull(informingTests, "informingTests");
        tests = List.copyOf(tests);
        testsByColumn = Map.copyOf(testsByColumn);
        thresholdsByTest = Map.copyOf(thresholdsByTest);
        thresholdsByColumn = Map.copyOf(thresholdsByColumn);
        chosenTests = Map.copyOf(chosenTests);
        chosenTests.values().forEach(choice -> TestCatalog.requireKnown(choice.test()));
        tests.forEach(TestCatalog::requireKnown);
        testsByColumn.values().forEach(list -> list.forEach(TestCatalog::requireKnown));
        thresholdsByTest.keySet().forEach(TestCatalog::requireKnown);
        thresholdsByColumn.values().forEach(byTest -> byTest.keySet().forEach(TestCatalog::requireKnown));
        if (!(datasetDriftShare > 0 && datasetDriftShare <= 1)) {
            throw new IllegalArgumentException("dataset drift share must be in (0, 1], got " + datasetDriftShare);
        }
        if (!(missingRateJump > 0 && missingRateJump <= 1)) {
            throw new IllegalArgumentException("missing-rate jump must be in (0, 1], got " + missingRateJump);
        }
        if (minCurrentRecords < 0) {
            throw new IllegalArgumentException("minimum current records must be >= 0, got " + minCurrentRecords);
        }
        expectations = Collections.unmodifiableMap(new LinkedHashMap<>(expectations));
        expectations.forEach((column, expectation) -> {
            if (!column.equals(expectation.column())) {
                throw new IllegalArgumentException("the expectation of column '" + expectation.column()
                        + "' is filed under column '" + column + "'");
            }
        });
        optionsByColumn = copyByColumn(optionsByColumn);
        notCalibrated = copyByColumn(notCalibrated);
    }

    /** Settings with one set of test options for every column and test, every threshold calibrated as asked. */
    public ComparisonSettings(TestOptions options, List<String> tests, Map<String, List<String>> testsByColumn,
                              Map<String, Double> thresholdsByTest, Map<String, Map<String, Double>> thresholdsByColumn,
                              double datasetDriftShare, double missingRateJump, long minCurrentRecords,
                              Map<String, DriftDefaults.TestChoice> chosenTests, InformingTests informingTests,
                              Map<String, ColumnExpectation> expectations) {
        this(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn, datasetDriftShare, missingRateJump,
                minCurrentRecords, chosenTests, informingTests, expectations, Map.of(), Map.of());
    }

    /** Settings with the default minimum of {@value DriftDefaults#MIN_CURRENT_RECORDS} current records. */
    public ComparisonSettings(TestOptions options, List<String> tests, Map<String, List<String>> testsByColumn,
                              Map<String, Double> thresholdsByTest, Map<String, Map<String, Double>> thresholdsByColumn,
                              double datasetDriftShare, double missingRateJump) {
        this(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn, datasetDriftShare, missingRateJump,
                DriftDefaults.MIN_CURRENT_RECORDS, Map.of());
    }

    /** Settings with the {@link InformingTests#DEFAULT} informing tests and no expectations. */
    public ComparisonSettings(TestOptions options, List<String> tests, Map<String, List<String>> testsByColumn,
                              Map<String, Double> thresholdsByTest, Map<String, Map<String, Double>> thresholdsByColumn,
                              double datasetDriftShare, double missingRateJump, long minCurrentRecords,
                              Map<String, DriftDefaults.TestChoice> chosenTests) {
        this(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn, datasetDriftShare, missingRateJump,
                minCurrentRecords, chosenTests, InformingTests.DEFAULT, Map.of());
    }

    /** The default test a baseline chose for {@code column}, when one did. */
    public Optional<DriftDefaults.TestChoice> chosenTestFor(String column) {
        return Optional.ofNullable(chosenTests.get(column));
    }

    /** The tests requested for {@code column}; empty means the default selection. */
    public List<String> testsFor(String column) {
        return testsByColumn.getOrDefault(column, tests);
    }

    /** The threshold {@code test} is held to on {@code column}: column override, else test override, else default. */
    public Threshold thresholdFor(String column, String test) {
        Threshold defaultThreshold = DriftDefaults.threshold(test);
        Double columnLevel = thresholdsByColumn.getOrDefault(column, Map.of()).get(test);
        if (columnLevel != null) {
            return defaultThreshold.withValue(columnLevel);
        }
        Double testLevel = thresholdsByTest.get(test);
        return testLevel != null ? defaultThreshold.withValue(testLevel) : defaultThreshold;
    }

    /**
     * The options {@code test} runs with on {@code column}: the column's own, else those of every column
     * ({@value #EVERY_COLUMN}), else {@link #options}.
     */
    public TestOptions optionsFor(String column, String test) {
        TestOptions own = optionsByColumn.getOrDefault(column, Map.of()).get(test);
        if (own != null) {
            return own;
        }
        return optionsByColumn.getOrDefault(EVERY_COLUMN, Map.of()).getOrDefault(test, options);
    }

    /** Why {@code test}'s calibrated threshold on {@code column} is missing, when a policy asked for one. */
    public Optional<String> notCalibratedReason(String column, String test) {
        return Optional.ofNullable(notCalibrated.getOrDefault(column, Map.of()).get(test));
    }

    /**
     * The same settings running each test with the options given per column then test ({@value #EVERY_COLUMN}
     * for every column); they replace any given before.
     */
    public ComparisonSettings withOptionsByColumn(Map<String, Map<String, TestOptions>> newOptionsByColumn) {
        newOptionsByColumn.values().forEach(byTest -> byTest.keySet().forEach(TestCatalog::requireKnown));
        return new ComparisonSettings(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn,
                datasetDriftShare, missingRateJump, minCurrentRecords, chosenTests, informingTests, expectations,
                newOptionsByColumn, notCalibrated);
    }

    /**
     * The same settings with calibrated thresholds: each level joins the column's threshold overrides, and each
     * test that could not be calibrated is reported with its reason instead of running.
     */
    public ComparisonSettings withCalibratedThresholds(Map<String, Map<String, Double>> calibrated,
                                                       Map<String, Map<String, String>> newNotCalibrated) {
        Map<String, Map<String, Double>> levels = new LinkedHashMap<>();
        thresholdsByColumn.forEach((column, byTest) -> levels.put(column, new LinkedHashMap<>(byTest)));
        calibrated.forEach((column, byTest) -> levels.computeIfAbsent(column, c -> new LinkedHashMap<>()).putAll(byTest));
        return new ComparisonSettings(options, tests, testsByColumn, thresholdsByTest, levels,
                datasetDriftShare, missingRateJump, minCurrentRecords, chosenTests, informingTests, expectations,
                optionsByColumn, newNotCalibrated);
    }

    public ComparisonSettings withOptions(TestOptions newOptions) {
        return new ComparisonSettings(newOptions, tests, testsByColumn, thresholdsByTest, thresholdsByColumn,
                datasetDriftShare, missingRateJump, minCurrentRecords, chosenTests, informingTests, expectations,
                optionsByColumn, notCalibrated);
    }

    /**
     * The same settings with what a baseline decided per column: its calibrated thresholds, under the levels these
     * settings fix for a column themselves (a policy's {@code threshold: 0.2} on a column wins over the baseline's
     * calibration, its {@code threshold: calibrated} leaves the baseline's in force), and its choice of default test,
     * replacing any given before.
     */
    public ComparisonSettings withBaselineChoices(Map<String, Map<String, Double>> newThresholdsByColumn,
                                                  Map<String, DriftDefaults.TestChoice> newChosenTests) {
        Map<String, Map<String, Double>> levels = new LinkedHashMap<>();
        newThresholdsByColumn.forEach((column, byTest) -> levels.put(column, new LinkedHashMap<>(byTest)));
        thresholdsByColumn.forEach((column, byTest) -> levels.computeIfAbsent(column, c -> new LinkedHashMap<>()).putAll(byTest));
        return new ComparisonSettings(options, tests, testsByColumn, thresholdsByTest, levels,
                datasetDriftShare, missingRateJump, minCurrentRecords, newChosenTests, informingTests, expectations,
                optionsByColumn, notCalibrated);
    }

    public ComparisonSettings withMinCurrentRecords(long newMinimum) {
        return new ComparisonSettings(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn,
                datasetDriftShare, missingRateJump, newMinimum, chosenTests, informingTests, expectations,
                optionsByColumn, notCalibrated);
    }

    public ComparisonSettings withInformingTests(InformingTests newInformingTests) {
        return new ComparisonSettings(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn,
                datasetDriftShare, missingRateJump, minCurrentRecords, chosenTests, newInformingTests, expectations,
                optionsByColumn, notCalibrated);
    }

    /**
     * The same settings checking {@code newExpectations} on the current data, in their order; they replace any
     * given before.
     *
     * @throws IllegalArgumentException when two expectations name the same column
     */
    public ComparisonSettings withExpectations(List<ColumnExpectation> newExpectations) {
        Map<String, ColumnExpectation> byColumn = new LinkedHashMap<>();
        for (ColumnExpectation expectation : newExpectations) {
            if (byColumn.put(expectation.column(), expectation) != null) {
                throw new IllegalArgumentException("column '" + expectation.column() + "' has two expectations;"
                        + " give each column one");
            }
        }
        return new ComparisonSettings(options, tests, testsByColumn, thresholdsByTest, thresholdsByColumn,
                datasetDriftShare, missingRateJump, minCurrentRecords, chosenTests, informingTests, byColumn,
                optionsByColumn, notCalibrated);
    }

    private static <V> Map<String, Map<String, V>> copyByColumn(Map<String, Map<String, V>> byColumn) {
        Map<String, Map<String, V>> copy = new LinkedHashMap<>();
        byColumn.forEach((column, byTest) -> copy.put(column, Map.copyOf(byTest)));
        return Collections.unmodifiableMap(copy);
    }
}
