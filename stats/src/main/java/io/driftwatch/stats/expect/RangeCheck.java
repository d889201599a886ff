package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.FindingText;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.ABOVE_MAX;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.BELOW_MIN;
import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.EXCLUSIVE;
import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

/**
 * The {@code min} and {@code max} parts of an expectation. Whether a bound is broken is always exact: a
 * profile keeps its exact smallest and largest value. How many values break it is counted on raw values (or
 * a KLL sketch that never compacted, which holds every value), else estimated from the sketch's rank of the
 * bound and given with the sketch's normalized rank error at 99% confidence, times the count.
 */
final class RangeCheck {
    private RangeCheck() {
    }

    static List<SchemaFinding> counted(ColumnExpectation expectation, SortedSample values) {
        List<SchemaFinding> findings = new ArrayList<>();
        Double min = expectation.min();
        Double max = expectation.max();
        if (min != null && !values.isEmpty() && values.min() < min) {
            findings.add(expectation.finding(BELOW_MIN, String.format(Locale.ROOT, "%s: %d of %d values (%s) below,"
                    + " smallest %s", ColumnExpectation.spelled(ColumnExpectation.MIN, FindingText.shortNumber(min)),
                    values.countBelow(min), values.size(), share(values.countBelow(min), values.size()),
                    FindingText.shortNumber(values.min()))));
        }
        if (max != null && !values.isEmpty() && values.max() > max) {
            int above = values.size() - values.countAtOrBelow(max);
            findings.add(expectation.finding(ABOVE_MAX, String.format(Locale.ROOT, "%s: %d of %d values (%s) above,"
                    + " largest %s", ColumnExpectation.spelled(ColumnExpectation.MAX, FindingText.shortNumber(max)),
                    above, values.size(), share(above, values.size()), FindingText.shortNumber(values.max()))));
        }
        return findings;
    }

    /** The same findings from a profile that keeps only its sketch of the values. */
    static List<SchemaFinding> sketched(ColumnExpectation expectation, NumericProfile profile) {
        KllDoublesSketch sketch = profile.sketch();
        if (!sketch.isEstimationMode()) {
            return counted(expectation, SortedSample.ofOwned(sketch.getSortedView().getQuantiles()));
        }
        List<SchemaFinding> findings = new ArrayList<>();
        Double min = expectation.min();
        Double max = expectation.max();
        if (min != null && profile.min() < min) {
            findings.add(expectation.finding(BELOW_MIN, estimated(ColumnExpectation.MIN, min, profile,
                    sketch.getRank(min, EXCLUSIVE), "below, smallest " + FindingText.shortNumber(profile.min()))));
        }
        if (max != null && profile.max() > max) {
            findings.add(expectation.finding(ABOVE_MAX, estimated(ColumnExpectation.MAX, max, profile,
                    1 - sketch.getRank(max, INCLUSIVE), "above, largest " + FindingText.shortNumber(profile.max()))));
        }
        return findings;
    }

    private static String estimated(String key, double bound, NumericProfile profile, double shareBeyond,
                                    String where) {
        long count = profile.count();
        // The exact extreme lies beyond the bound, so at least one value does, whatever the sketch estimates.
        long about = Math.max(1, Math.round(shareBeyond * count));
        long within = (long) Math.ceil(profile.normalizedRankError() * count);
        return String.format(Locale.ROOT, "%s: about %d (within %d) of %d values %s (counted from the window's"
                + " quantile sketch)", ColumnExpectation.spelled(key, FindingText.shortNumber(bound)), about, within,
                count, where);
    }

    private static String share(long part, long whole) {
        return FindingText.percent((double) part / whole);
    }
}
