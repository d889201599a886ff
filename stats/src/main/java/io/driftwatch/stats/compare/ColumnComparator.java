package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.categorical.UnseenCategories;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Runs the selected drift tests on one column that both data sets have with the same type, and applies
 * the thresholds. Schema differences are {@link SchemaChecks}' job. Stateless and thread-safe.
 */
final class ColumnComparator {
    private final ComparisonSettings settings;

    ColumnComparator(ComparisonSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    ColumnReport compare(String column, ColumnData reference, ColumnData current) {
        if (reference.type() != current.type()) {
            throw new IllegalArgumentException("column " + column + " changed type; report it as a schema finding");
        }
        Map<String, TestVerdict> verdicts = new LinkedHashMap<>();
        Map<String, String> notApplicable = new LinkedHashMap<>();
        List<String> requested = settings.testsFor(column);
        boolean asCategories;
        if (reference.validCount() == 0 || current.validCount() == 0) {
            String side = reference.validCount() == 0 ? "reference" : "current";
            (requested.isEmpty() ? List.of("default") : requested)
                    .forEach(test -> notApplicable.put(test, "no valid values in " + side));
            asCategories = reference.type() == ColumnType.CATEGORICAL;
        } else if (requested.isEmpty()) {
            DriftDefaults.TestChoice choice = DriftDefaults.defaultTest(reference.type(), reference.validCount(),
                    distinctValues(reference, current));
            asCategories = choice.asCategories();
            run(column, choice.test(), reference, current, asCategories, verdicts, notApplicable);
        } else {
            asCategories = reference.type() == ColumnType.CATEGORICAL;
            for (String test : requested) {
                boolean categoricalOnly = TestCatalog.numeric(test, settings.options()).isEmpty();
                run(column, test, reference, current, asCategories || categoricalOnly, verdicts, notApplicable);
            }
        }
        List<String> unseen = asCategories && current.validCount() > 0
                ? UnseenCategories.in(counts(reference), counts(current)) : List.of();
        return new ColumnReport(column, reference.type(), asCategories && reference.type() == ColumnType.NUMERIC,
                reference.validCount(), current.validCount(), reference.missingCount(), current.missingCount(),
                verdicts, notApplicable, unseen);
    }

    private void run(String column, String test, ColumnData reference, ColumnData current, boolean asCategories,
                     Map<String, TestVerdict> verdicts, Map<String, String> notApplicable) {
        Optional<TestOutcome> outcome;
        try {
            outcome = asCategories ? categorical(test).map(t -> t.compare(counts(reference), counts(current)))
                    : numeric(test).map(t -> t.compare(sample(reference), sample(current)));
        } catch (IllegalArgumentException e) {
            notApplicable.put(test, e.getMessage());
            return;
        }
        if (outcome.isEmpty()) {
            notApplicable.put(test, asCategories ? "needs numbers; this column holds categories"
                    : "compares categories; this column holds numbers");
            return;
        }
        Threshold threshold = settings.thresholdFor(column, test);
        verdicts.put(test, new TestVerdict(test, outcome.get(), threshold, threshold.decide(outcome.get())));
    }

    private Optional<NumericDriftTest> numeric(String test) {
        return TestCatalog.numeric(test, settings.options());
    }

    private Optional<CategoricalDriftTest> categorical(String test) {
        return TestCatalog.categorical(test, settings.options());
    }

    private static SortedSample sample(ColumnData column) {
        return ((ColumnData.Numeric) column).values();
    }

    private static CategoryCounts counts(ColumnData column) {
        if (column instanceof ColumnData.Categorical categorical) {
            return categorical.counts();
        }
        return CategoryCounts.ofNumbers(((ColumnData.Numeric) column).values());
    }

    private static int distinctValues(ColumnData reference, ColumnData current) {
        if (reference instanceof ColumnData.Numeric ref && current instanceof ColumnData.Numeric cur) {
            return distinctUnion(ref.values(), cur.values());
        }
        TreeSet<String> union = new TreeSet<>(counts(reference).counts().keySet());
        union.addAll(counts(current).counts().keySet());
        return union.size();
    }

    private static int distinctUnion(SortedSample reference, SortedSample current) {
        int distinct = 0;
        int i = 0;
        int j = 0;
        double last = Double.NaN;
        while (i < reference.size() || j < current.size()) {
            double next;
            if (j >= current.size() || (i < reference.size() && reference.get(i) <= current.get(j))) {
                next = reference.get(i++);
            } else {
                next = current.get(j++);
            }
            if (distinct == 0 || next != last) {
                distinct++;
                last = next;
                if (distinct > DriftDefaults.FEW_DISTINCT_VALUES_MAX) {
                    return distinct;
                }
            }
        }
        return distinct;
    }
}
