package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.KsMethod;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Chooses the drift tests for one column that both sides have with the same type, runs them through the
 * {@link ColumnPair} (raw values or sketches alike) and applies the thresholds; then runs the
 * {@link InformingTests} that do not already decide, in the same form on the same pair, into the report's
 * separate informational map. Schema differences are {@link SchemaChecks}' job. Stateless and thread-safe.
 */
final class ColumnComparator {
    private final ComparisonSettings settings;

    ColumnComparator(ComparisonSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    ColumnReport compare(String column, ColumnPair pair) {
        if (pair.referenceType() != pair.currentType()) {
            throw new IllegalArgumentException("column " + column + " changed type; report it as a schema finding");
        }
        if (pair.referenceCount() == 0 || pair.currentCount() == 0) {
            return notTested(column, pair, "no valid values in " + (pair.referenceCount() == 0 ? "reference" : "current"));
        }
        Map<String, TestVerdict> verdicts = new LinkedHashMap<>();
        Map<String, String> notApplicable = new LinkedHashMap<>();
        List<String> requested = settings.testsFor(column);
        ColumnType type = pair.referenceType();
        boolean asCategories;
        if (requested.isEmpty()) {
            DriftDefaults.TestChoice choice = settings.chosenTestFor(column)
                    .orElseGet(() -> DriftDefaults.defaultTest(type, pair.referenceCount(), pair.distinctValues()));
            if (choice.asCategories() && type == ColumnType.NUMERIC && !pair.canCompareNumbersAsCategories()) {
                run(column, choice.test(), pair, true, verdicts, notApplicable);
                choice = DriftDefaults.defaultNumericTest(pair.referenceCount());
            }
            asCategories = choice.asCategories() || type == ColumnType.CATEGORICAL;
            run(column, choice.test(), pair, asCategories, verdicts, notApplicable);
        } else {
            asCategories = type == ColumnType.CATEGORICAL;
            for (String test : requested) {
                boolean categoricalOnly = TestCatalog.numeric(test, settings.optionsFor(column, test)).isEmpty();
                if (categoricalOnly && type == ColumnType.NUMERIC
                        && !DriftDefaults.categoryLike(pair.referenceCount(), pair.distinctValues())) {
                    int distinct = pair.distinctValues();
                    notApplicable.put(test, "compares categories, and the column is numeric with "
                            + (distinct > DriftDefaults.CATEGORY_LIKE_DISTINCT_MAX
                            ? "more than " + DriftDefaults.CATEGORY_LIKE_DISTINCT_MAX + " distinct values"
                            : distinct + " distinct values, more than a tenth of the reference's " + pair.referenceCount())
                            + "; declare the column categorical to compare its values as categories");
                    continue;
                }
                run(column, test, pair, asCategories || categoricalOnly, verdicts, notApplicable);
            }
        }
        List<String> unseen = asCategories ? pair.unseenCategories() : List.of();
        Set<String> deciding = new HashSet<>(verdicts.keySet());
        deciding.addAll(notApplicable.keySet());
        Map<String, TestVerdict> informational = informational(column, pair, asCategories, deciding);
        return new ColumnReport(column, type, asCategories && type == ColumnType.NUMERIC, pair.referenceCount(),
                pair.currentCount(), pair.referenceMissing(), pair.currentMissing(), verdicts, notApplicable, unseen,
                informational);
    }

    /**
     * The informing tests for a column compared as categories or as numbers, minus those requested to decide on
     * it (whether they ran or not); one that cannot run here is left out, since nobody asked for it.
     */
    private Map<String, TestVerdict> informational(String column, ColumnPair pair, boolean asCategories,
                                                   Set<String> deciding) {
        Map<String, TestVerdict> informational = new LinkedHashMap<>();
        for (String test : settings.informingTests().of(asCategories)) {
            if (deciding.contains(test)) {
                continue;
            }
            if (pair.attempt(test, asCategories, informingOptions(pair, settings.optionsFor(column, test)))
                    instanceof TestAttempt.Ran ran) {
                Threshold threshold = settings.thresholdFor(column, test);
                informational.put(test, new TestVerdict(test, ran.outcome(), threshold, threshold.decide(ran.outcome())));
            }
        }
        return informational;
    }

    /**
     * An informing KS on sketches takes SciPy's asymptotic p-value where {@code auto} would take the exact two-sample
     * one (both sides at most 10,000 values): the statistic itself is only known within the sketches' rank error,
     * and the exact distribution, computed three times for the interval, costs O(n m) per column (seconds per window
     * of 25 such features, measured) for a number that decides nothing. Held exactly, the window's KS is SciPy's own,
     * as in {@code check}; a KS that decides keeps the method asked for.
     */
    private static TestOptions informingOptions(ColumnPair pair, TestOptions options) {
        if (pair instanceof SketchColumnPair && options.ksMethod() == KsMethod.AUTO) {
            return new TestOptions(options.binning(), options.logBase(), KsMethod.ASYMPTOTIC, options.binnedEstimates());
        }
        return options;
    }

    /**
     * A report that runs no test: every requested test (or "default") is not applicable for {@code reason}.
     * A categorical column still lists its unseen categories, a schema fact that needs no test.
     */
    ColumnReport notTested(String column, ColumnPair pair, String reason) {
        Map<String, String> notApplicable = new LinkedHashMap<>();
        List<String> requested = settings.testsFor(column);
        (requested.isEmpty() ? List.of("default") : requested).forEach(test -> notApplicable.put(test, reason));
        List<String> unseen = pair.referenceType() == ColumnType.CATEGORICAL && pair.currentCount() > 0
                ? pair.unseenCategories() : List.of();
        return new ColumnReport(column, pair.referenceType(), false, pair.referenceCount(), pair.currentCount(),
                pair.referenceMissing(), pair.currentMissing(), Map.of(), notApplicable, unseen, Map.of());
    }

    private void run(String column, String test, ColumnPair pair, boolean asCategories,
                     Map<String, TestVerdict> verdicts, Map<String, String> notApplicable) {
        Optional<String> notCalibrated = settings.notCalibratedReason(column, test);
        if (notCalibrated.isPresent()) {
            notApplicable.put(test, "its threshold is calibrated, and calibration gave none: " + notCalibrated.get());
            return;
        }
        TestAttempt attempt = pair.attempt(test, asCategories, settings.optionsFor(column, test));
        if (attempt instanceof TestAttempt.NotRun notRun) {
            notApplicable.put(test, notRun.reason());
            return;
        }
        TestOutcome outcome = ((TestAttempt.Ran) attempt).outcome();
        Threshold threshold = settings.thresholdFor(column, test);
        verdicts.put(test, new TestVerdict(test, outcome, threshold, threshold.decide(outcome)));
    }
}
