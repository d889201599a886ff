package io.driftwatch.stats.compare;

import io.driftwatch.stats.sample.SortedSample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    /** Names listed in a finding's detail before it says "and N more". */
    private static final int NAMES_SHOWN = 10;

    private final double missingRateJump;

    SchemaChecks(double missingRateJump) {
        this.missingRateJump = missingRateJump;
    }

    static SchemaFinding typeChange(String column, ColumnData reference, ColumnData current) {
        return new SchemaFinding(column, TYPE_CHANGE, ERROR, "the reference holds " + reference.type().label()
                + " values, the current data " + current.type().label() + " values; the column was not tested");
    }

    List<SchemaFinding> findings(String column, ColumnData reference, ColumnData current, List<String> unseen) {
        List<SchemaFinding> findings = new ArrayList<>();
        if (!unseen.isEmpty()) {
            findings.add(new SchemaFinding(column, UNSEEN_CATEGORY, WARNING, unseen.size() + " categor"
                    + (unseen.size() == 1 ? "y" : "ies") + " the reference never saw: " + names(unseen)));
        }
        if (reference instanceof ColumnData.Numeric ref && current instanceof ColumnData.Numeric cur
                && !ref.values().isEmpty() && !cur.values().isEmpty()) {
            outOfRange(column, ref.values(), cur.values(), findings);
        }
        double growth = current.missingRate() - reference.missingRate();
        if (growth >= missingRateJump) {
            findings.add(new SchemaFinding(column, MISSING_RATE_JUMP, WARNING, String.format(Locale.ROOT,
                    "missing values rose from %s to %s of rows", percent(reference.missingRate()),
                    percent(current.missingRate()))));
        }
        return findings;
    }

    private static void outOfRange(String column, SortedSample reference, SortedSample current,
                                   List<SchemaFinding> findings) {
        int below = current.countBelow(reference.min());
        int above = current.size() - current.countAtOrBelow(reference.max());
        if ((double) (below + above) / current.size() <= DriftDefaults.OUT_OF_RANGE_SHARE) {
            return;
        }
        findings.add(new SchemaFinding(column, OUT_OF_RANGE, WARNING, String.format(Locale.ROOT,
                "%d of %d current values (%s) lie outside the reference range [%s, %s]: %d below, %d above",
                below + above, current.size(), percent((double) (below + above) / current.size()),
                shortNumber(reference.min()), shortNumber(reference.max()), below, above)));
    }

    private static String names(List<String> values) {
        List<String> quoted = values.stream().limit(NAMES_SHOWN).map(v -> "'" + v + "'").toList();
        String shown = String.join(", ", quoted);
        return values.size() > NAMES_SHOWN ? shown + " and " + (values.size() - NAMES_SHOWN) + " more" : shown;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** At most six significant digits, without trailing zeros: 233687, 0.2, 1.5e-07. */
    static String shortNumber(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale();
        return magnitude > -4 && magnitude <= 9 ? rounded.toPlainString() : rounded.toString();
    }
}
