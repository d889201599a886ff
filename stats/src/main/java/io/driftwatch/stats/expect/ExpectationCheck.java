package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.FindingText;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.EXPECTED_TYPE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_SHARE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.REQUIRED_COLUMN;
import static java.util.Objects.requireNonNull;

/**
 * Checks one column of the current data against its {@link ColumnExpectation}, giving a finding per part it
 * breaks, in the order type, min, max, values, missing share. A column of the wrong type gives that finding
 * alone: a range or a set of values says nothing about values of another type.
 *
 * <p>Two forms, one answer where both apply: exact on {@link ColumnData} (what {@code check} reads, and a
 * window whose profile still holds its values, which {@link #onProfile} turns into the very same
 * {@code ColumnData}, so such a window gives exactly check's findings), and on a profile that keeps only
 * sketches, where the finding says what is estimated and within what. Missing rows are counted exactly in
 * both forms. Stateless and thread-safe.
 */
public final class ExpectationCheck {
    private ExpectationCheck() {
    }

    /** The findings of a column whose values are held exactly. */
    public static List<SchemaFinding> onValues(ColumnExpectation expectation, ColumnData current) {
        requireNonNull(expectation, "expectation");
        requireNonNull(current, "current");
        Optional<SchemaFinding> wrongType = wrongType(expectation, current.type());
        if (wrongType.isPresent()) {
            return List.of(wrongType.get());
        }
        List<SchemaFinding> findings = new ArrayList<>();
        if (current instanceof ColumnData.Numeric numeric) {
            findings.addAll(RangeCheck.counted(expectation, numeric.values()));
        }
        if (expectation.values() != null) {
            (current instanceof ColumnData.Categorical categorical
                    ? AllowedValuesCheck.counted(expectation, categorical.counts())
                    : AllowedValuesCheck.counted(expectation, ((ColumnData.Numeric) current).values()))
                    .ifPresent(findings::add);
        }
        missingShare(expectation, current.missingCount(), current.validCount() + current.missingCount())
                .ifPresent(findings::add);
        return findings;
    }

    /** The findings of a column a window holds as a profile: exact while it holds its values, else from its sketches. */
    public static List<SchemaFinding> onProfile(ColumnExpectation expectation, ColumnProfile current) {
        requireNonNull(expectation, "expectation");
        requireNonNull(current, "current");
        Optional<ColumnData> exact = ColumnData.heldExactly(current);
        if (exact.isPresent()) {
            return onValues(expectation, exact.get());
        }
        Optional<SchemaFinding> wrongType = wrongType(expectation, current instanceof NumericProfile
                ? ColumnType.NUMERIC : ColumnType.CATEGORICAL);
        if (wrongType.isPresent()) {
            return List.of(wrongType.get());
        }
        List<SchemaFinding> findings = new ArrayList<>();
        if (current instanceof NumericProfile numeric) {
            findings.addAll(RangeCheck.sketched(expectation, numeric));
        }
        if (expectation.values() != null) {
            (current instanceof NumericProfile numeric ? AllowedValuesCheck.sketched(expectation, numeric)
                    : AllowedValuesCheck.sketched(expectation, (CategoricalProfile) current)).ifPresent(findings::add);
        }
        missingShare(expectation, current.missingCount(), current.recordCount()).ifPresent(findings::add);
        return findings;
    }

    /**
     * The finding of a column the current data lacks: a {@code required} one is a {@link
     * SchemaFinding.Kind#REQUIRED_COLUMN}; an optional one may be absent, and then nothing else is checked.
     *
     * @param namedButEmpty whether the data names the column but holds no value in it (every row missing it),
     *                      rather than not naming it at all; as in TFDV, both are an absent column
     */
    public static Optional<SchemaFinding> onAbsence(ColumnExpectation expectation, boolean namedButEmpty) {
        requireNonNull(expectation, "expectation");
        if (!expectation.required()) {
            return Optional.empty();
        }
        return Optional.of(expectation.finding(REQUIRED_COLUMN, ColumnExpectation.spelled(ColumnExpectation.REQUIRED,
                true) + (namedButEmpty ? ": every current row is missing it (missing share 100%)"
                : ": the current data does not have the column")));
    }

    private static Optional<SchemaFinding> wrongType(ColumnExpectation expectation, ColumnType actual) {
        ColumnType expected = expectation.impliedType();
        if (expected == null || expected == actual) {
            return Optional.empty();
        }
        String part = expectation.type() != null ? ColumnExpectation.spelled(ColumnExpectation.TYPE, expected.label())
                : ColumnExpectation.spelled(expectation.min() != null ? ColumnExpectation.MIN : ColumnExpectation.MAX,
                FindingText.shortNumber(requireNonNull(expectation.min() != null ? expectation.min()
                        : expectation.max(), "bound"))) + " (a range needs numbers)";
        return Optional.of(expectation.finding(EXPECTED_TYPE, part + ": the current data holds " + actual.label()
                + " values; the column's other expectations were not checked"));
    }

    private static Optional<SchemaFinding> missingShare(ColumnExpectation expectation, long missing, long rows) {
        Double limit = expectation.maxMissingShare();
        if (limit == null || rows == 0 || (double) missing / rows <= limit) {
            return Optional.empty();
        }
        return Optional.of(expectation.finding(MISSING_SHARE, String.format(Locale.ROOT, "%s: %d of %d rows (%s) miss"
                + " a valid value", ColumnExpectation.spelled(ColumnExpectation.MAX_MISSING_SHARE,
                FindingText.shortNumber(limit)), missing, rows, FindingText.percent((double) missing / rows))));
    }
}
