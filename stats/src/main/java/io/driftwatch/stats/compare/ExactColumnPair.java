package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.categorical.UnseenCategories;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * A column whose values both sides hold exactly: what {@code check} compares, and what a window comparison
 * compares while both profiles still hold their values. Every test runs on the raw values, so the numbers
 * are the ones the golden cases pin down.
 */
record ExactColumnPair(ColumnData reference, ColumnData current) implements ColumnPair {
    ExactColumnPair {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
    }

    @Override
    public ColumnType referenceType() {
        return reference.type();
    }

    @Override
    public ColumnType currentType() {
        return current.type();
    }

    @Override
    public long referenceCount() {
        return reference.validCount();
    }

    @Override
    public long currentCount() {
        return current.validCount();
    }

    @Override
    public long referenceMissing() {
        return reference.missingCount();
    }

    @Override
    public long currentMissing() {
        return current.missingCount();
    }

    @Override
    public int distinctValues() {
        if (reference instanceof ColumnData.Numeric ref && current instanceof ColumnData.Numeric cur) {
            return distinctUnion(ref.values(), cur.values());
        }
        TreeSet<String> union = new TreeSet<>(counts(reference).counts().keySet());
        union.addAll(counts(current).counts().keySet());
        return union.size();
    }

    @Override
    public boolean canCompareNumbersAsCategories() {
        return true;
    }

    @Override
    public TestAttempt attempt(String test, boolean asCategories, TestOptions options) {
        Optional<TestOutcome> outcome;
        try {
            outcome = asCategories
                    ? TestCatalog.categorical(test, options).map(t -> t.compare(counts(reference), counts(current)))
                    : TestCatalog.numeric(test, options).map(t -> t.compare(sample(reference), sample(current)));
        } catch (IllegalArgumentException e) {
            return new TestAttempt.NotRun(requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
        return outcome.<TestAttempt>map(TestAttempt.Ran::new).orElseGet(() -> new TestAttempt.NotRun(asCategories
                ? "needs numbers; this column holds categories" : "compares categories; this column holds numbers"));
    }

    @Override
    public List<String> unseenCategories() {
        return UnseenCategories.in(counts(reference), counts(current));
    }

    @Override
    public List<SchemaFinding> findings(String column, SchemaChecks checks, List<String> unseen) {
        return checks.findings(column, reference, current, unseen);
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

    /** Distinct values of the two samples together, counted up to one past {@link DriftDefaults#CATEGORY_LIKE_DISTINCT_MAX}. */
    static int distinctUnion(SortedSample reference, SortedSample current) {
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
                if (distinct > DriftDefaults.CATEGORY_LIKE_DISTINCT_MAX) {
                    return distinct;
                }
            }
        }
        return distinct;
    }
}
