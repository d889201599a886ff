package io.driftwatch.stats.compare;

import io.driftwatch.stats.sample.SortedSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.driftwatch.stats.compare.FindingText.names;
import static io.driftwatch.stats.compare.FindingText.percent;
import static io.driftwatch.stats.compare.FindingText.shortNumber;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_RATE_JUMP;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.OUT_OF_RANGE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.TYPE_CHANGE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNSEEN_CATEGORY;
import static io.driftwatch.stats.compare.SchemaFinding.Severity.ERROR;
import static io.driftwatch.stats.compare.SchemaFinding.Severity.WARNING;

/**
 * Finds the shape differences of one column present in both data sets: type change, unseen categories,
 * values outside the reference's range, a jump in missing values. Stateless and thread-safe.
 */
final class SchemaChecks {
    private final double missingRateJump;

    SchemaChecks(double missingRateJump) {
        this.missingRateJump = missingRateJump;
    }

    static SchemaFinding typeChange(String column, ColumnType reference, ColumnType current) {
        return new SchemaFinding(column, TYPE_CHANGE, ERROR, "the reference holds " + reference.label()
                + " values, the current data " + current.label() + " values; the column was not tested");
    }

    /** The findings of a column both sides hold as raw values, in the order reports list them. */
    List<SchemaFinding> findings(String column, ColumnData reference, ColumnData current, List<String> unseen) {
        List<SchemaFinding> findings = new ArrayList<>();
        unseenCategories(column, unseen).ifPresent(findings::add);
        if (reference instanceof ColumnData.Numeric ref && current instanceof ColumnData.Numeric cur
                && !ref.values().isEmpty() && !cur.values().isEmpty()) {
            countedOutOfRange(column, ref.values().min(), ref.values().max(), cur.values()).ifPresent(findings::add);
        }
        missingRateJump(column, reference.missingRate(), current.missingRate()).ifPresent(findings::add);
        return findings;
    }

    static Optional<SchemaFinding> unseenCategories(String column, List<String> unseen) {
        if (unseen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SchemaFinding(column, UNSEEN_CATEGORY, WARNING, unseen.size() + " categor"
                + (unseen.size() == 1 ? "y" : "ies") + " the reference never saw: " + names(unseen)));
    }

    /** Counts the current values outside [referenceMin, referenceMax]; a finding above the share threshold. */
    static Optional<SchemaFinding> countedOutOfRange(String column, double referenceMin, double referenceMax,
                                                     SortedSample current) {
        int below = current.countBelow(referenceMin);
        int above = current.size() - current.countAtOrBelow(referenceMax);
        if ((double) (below + above) / current.size() <= DriftDefaults.OUT_OF_RANGE_SHARE) {
            return Optional.empty();
        }
        return Optional.of(new SchemaFinding(column, OUT_OF_RANGE, WARNING, String.format(Locale.ROOT,
                "%d of %d current values (%s) lie outside the reference range [%s, %s]: %d below, %d above",
                below + above, current.size(), percent((double) (below + above) / current.size()),
                shortNumber(referenceMin), shortNumber(referenceMax), below, above)));
    }

    /**
     * The same finding from estimated shares below the reference's min and above its max, each within
     * {@code shareError} of the truth; the estimate is held to the same threshold as a count.
     */
    static Optional<SchemaFinding> estimatedOutOfRange(String column, double referenceMin, double referenceMax,
                                                       long currentCount, double belowShare, double aboveShare,
                                                       double shareError) {
        double share = belowShare + aboveShare;
        if (share <= DriftDefaults.OUT_OF_RANGE_SHARE) {
            return Optional.empty();
        }
        return Optional.of(new SchemaFinding(column, OUT_OF_RANGE, WARNING, String.format(Locale.ROOT,
                "about %s of %d current values lie outside the reference range [%s, %s]: %s below, %s above"
                        + " (estimated from the window's quantile sketch, within %s)",
                percent(share), currentCount, shortNumber(referenceMin), shortNumber(referenceMax),
                percent(belowShare), percent(aboveShare), percent(shareError))));
    }

    /** A finding when the missing-value rate grew by at least the configured jump. */
    Optional<SchemaFinding> missingRateJump(String column, double referenceRate, double currentRate) {
        if (currentRate - referenceRate < missingRateJump) {
            return Optional.empty();
        }
        return Optional.of(new SchemaFinding(column, MISSING_RATE_JUMP, WARNING, String.format(Locale.ROOT,
                "missing values rose from %s to %s of rows", percent(referenceRate), percent(currentRate))));
    }
}
