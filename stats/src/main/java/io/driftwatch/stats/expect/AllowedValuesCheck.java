package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.FindingText;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_VALUE;
import static java.util.Objects.requireNonNull;

/**
 * The {@code values} part of an expectation: values outside the allowed set, at the severity {@code unseen}
 * gives them. Exact on raw values and exact category counts. From a frequent-items sketch, the values it
 * lists are known by name and the number of values outside the set is bounded (between what the allowed
 * values' upper and lower count bounds leave over); values it does not list may exist, and the finding says
 * so. From a numeric column's quantile sketch, the values it retains (and the exact min and max) are known
 * by name; how many others lie outside the set is unknown.
 */
final class AllowedValuesCheck {
    private static final String FREQUENT_ITEMS_NOTE = "the window's frequent-items sketch lists only its frequent"
            + " categories";

    private AllowedValuesCheck() {
    }

    static Optional<SchemaFinding> counted(ColumnExpectation expectation, CategoryCounts counts) {
        Optional<SchemaFinding.Severity> severity = expectation.unseen().severity();
        Set<String> allowed = allowed(expectation);
        if (severity.isEmpty()) {
            return Optional.empty();
        }
        List<String> outside = new ArrayList<>();
        long outsideCount = 0;
        for (Map.Entry<String, Long> category : counts.counts().entrySet()) {
            if (!allowed.contains(category.getKey())) {
                outside.add(category.getKey());
                outsideCount += category.getValue();
            }
        }
        return countedFinding(expectation, severity.get(), outside, outsideCount, counts.total());
    }

    static Optional<SchemaFinding> sketched(ColumnExpectation expectation, CategoricalProfile profile) {
        Optional<SchemaFinding.Severity> severity = expectation.unseen().severity();
        Set<String> allowed = allowed(expectation);
        if (severity.isEmpty()) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>();
        long knownLow = 0;
        for (CategoryFrequency frequency : profile.frequencies()) {
            if (frequency.lowerBound() > 0 && !allowed.contains(frequency.category())) {
                known.add(frequency.category());
                knownLow += frequency.lowerBound();
            }
        }
        long allowedLow = 0;
        long allowedHigh = 0;
        for (String value : allowed) {
            CategoryFrequency frequency = profile.frequency(value);
            allowedLow += frequency.lowerBound();
            allowedHigh += frequency.upperBound();
        }
        long count = profile.count();
        long outsideLow = Math.max(knownLow, count - allowedHigh);
        long outsideHigh = Math.min(count, count - allowedLow);
        if (known.isEmpty() && outsideLow == 0) {
            return Optional.empty();
        }
        String howMany = outsideLow == outsideHigh ? Long.toString(outsideLow)
                : "between " + outsideLow + " and " + outsideHigh;
        String names = known.isEmpty() ? "none is known by name (" + FREQUENT_ITEMS_NOTE + ")"
                : profile.maximumError() == 0 ? FindingText.names(known)
                : "known: " + FindingText.names(known) + "; more may exist (" + FREQUENT_ITEMS_NOTE + ")";
        return Optional.of(finding(expectation, severity.get(), String.format(Locale.ROOT,
                "%s of %d values are outside the allowed set: %s", howMany, count, names)));
    }

    /**
     * The same finding for numbers, each compared as the label {@link CategoryCounts#numberLabel} gives it and
     * listed in numeric order. Labels each distinct value once, so a million values with few distinct ones
     * cost one pass.
     */
    static Optional<SchemaFinding> counted(ColumnExpectation expectation, SortedSample values) {
        Optional<SchemaFinding.Severity> severity = expectation.unseen().severity();
        Set<String> allowed = allowed(expectation);
        if (severity.isEmpty()) {
            return Optional.empty();
        }
        List<String> outside = new ArrayList<>();
        long outsideCount = 0;
        int start = 0;
        while (start < values.size()) {
            int end = start + 1;
            while (end < values.size() && values.get(end) == values.get(start)) {
                end++;
            }
            String label = CategoryCounts.numberLabel(values.get(start));
            if (!allowed.contains(label)) {
                outside.add(label);
                outsideCount += end - start;
            }
            start = end;
        }
        return countedFinding(expectation, severity.get(), outside, outsideCount, values.size());
    }

    static Optional<SchemaFinding> sketched(ColumnExpectation expectation, NumericProfile profile) {
        Optional<SchemaFinding.Severity> severity = expectation.unseen().severity();
        Set<String> allowed = allowed(expectation);
        KllDoublesSketch sketch = profile.sketch();
        if (severity.isEmpty() || profile.count() == 0) {
            return Optional.empty();
        }
        SortedSample retained = SortedSample.ofOwned(sketch.getSortedView().getQuantiles());
        if (!sketch.isEstimationMode()) {
            return counted(expectation, retained);
        }
        TreeSet<Double> seen = new TreeSet<>();
        for (double value : retained.toArray()) {
            seen.add(value);
        }
        seen.add(profile.min());
        seen.add(profile.max());
        List<String> known = seen.stream().map(CategoryCounts::numberLabel).distinct().filter(label -> !allowed.contains(label))
                .toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(expectation, severity.get(), String.format(Locale.ROOT,
                "values outside the allowed set among the %d values: %s; more may exist, and how many is unknown"
                        + " (the window keeps a quantile sketch of this column)", profile.count(),
                FindingText.names(known))));
    }

    private static Optional<SchemaFinding> countedFinding(ColumnExpectation expectation, SchemaFinding.Severity severity,
                                                          List<String> outside, long outsideCount, long total) {
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(expectation, severity, String.format(Locale.ROOT,
                "%d of %d values (%s) are outside the allowed set: %s", outsideCount, total,
                FindingText.percent((double) outsideCount / total), FindingText.names(outside))));
    }

    private static Set<String> allowed(ColumnExpectation expectation) {
        return requireNonNull(expectation.values(), "values");
    }

    private static SchemaFinding finding(ColumnExpectation expectation, SchemaFinding.Severity severity,
                                         String detail) {
        return new SchemaFinding(expectation.column(), UNEXPECTED_VALUE, severity,
                ColumnExpectation.spelledValues(allowed(expectation)) + ": " + detail);
    }
}
