package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.FindingText;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.SchemaFinding.Kind;
import io.driftwatch.stats.compare.SchemaFinding.Severity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What a model's owner expects of one column of the current data, as a per-model policy states it: the
 * column's type, whether it must be present, an inclusive range, the allowed values, and the largest share of
 * rows that may miss it. Every part but {@code column} is optional ({@code null}, or {@code required} false):
 * an expectation that names nothing checks nothing. A range implies a numeric column.
 *
 * <p>Severities, decided here once: a wrong type and a required column that is absent break the model's
 * input contract and are errors; values outside the range and too many missing rows are warnings, since a
 * few odd rows need not stop a model. {@code severity}, when given, replaces both defaults for every finding
 * but those of unseen values, which {@code unseen} decides (warning unless the policy says otherwise).
 *
 * <p>Findings spell each part as {@code expect.<key>}, with the keys of {@link #TYPE} to {@link #MAX_MISSING_SHARE}:
 * the spelling a policy file uses, so a finding points at the line to look at. Immutable.
 *
 * @param column          the column the expectation is about
 * @param type            the type its values must have, or null for any
 * @param required        whether the current data must have the column (with at least one value); an optional
 *                        column may be absent, and its other expectations then have nothing to check
 * @param min             the smallest value allowed (inclusive), or null for none
 * @param max             the largest value allowed (inclusive), or null for none
 * @param values          the values allowed (numbers as {@code CategoryCounts.numberLabel} writes them: 3, 2.5),
 *                        or null for any; never empty; kept sorted
 * @param unseen          what a value outside {@code values} amounts to
 * @param maxMissingShare the largest share of rows, in [0, 1], that may miss the column; null for no limit
 * @param severity        the severity of every finding but those of unseen values; null for the defaults above
 */
public record ColumnExpectation(String column, @Nullable ColumnType type, boolean required, @Nullable Double min,
                                @Nullable Double max, @Nullable Set<String> values, UnseenValues unseen,
                                @Nullable Double maxMissingShare, @Nullable Severity severity) {
    public static final String TYPE = "type";
    public static final String REQUIRED = "required";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String VALUES = "values";
    public static final String UNSEEN = "unseen";
    public static final String MAX_MISSING_SHARE = "max_missing_share";
    /** What a value outside the allowed set is when the policy does not say. */
    public static final UnseenValues DEFAULT_UNSEEN = UnseenValues.WARNING;

    /**
     * @throws IllegalArgumentException naming the column and the part that is wrong: a bound that is not a
     *                                  finite number, min above max, a range on a categorical column, an
     *                                  empty list of values, a missing share outside [0, 1]
     */
    public ColumnExpectation {
        requireNonNull(column, "column");
        requireNonNull(unseen, "unseen");
        if (column.isBlank()) {
            throw new IllegalArgumentException("an expectation needs the name of its column, got '" + column + "'");
        }
        requireFinite(column, MIN, min);
        requireFinite(column, MAX, max);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException(where(column) + "min " + FindingText.shortNumber(min) + " is above max "
                    + FindingText.shortNumber(max) + "; both bounds are inclusive, so min must be at most max");
        }
        if (type == ColumnType.CATEGORICAL && (min != null || max != null)) {
            throw new IllegalArgumentException(where(column) + "min and max bound numbers, but type is categorical;"
                    + " drop the range or expect type numeric");
        }
        if (values != null) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException(where(column) + "values is empty, so every value would be"
                        + " unexpected; list the allowed values or leave values out");
            }
            values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
        }
        if (maxMissingShare != null && !(maxMissingShare >= 0 && maxMissingShare <= 1)) {
            throw new IllegalArgumentException(where(column) + MAX_MISSING_SHARE + " must be a share in [0, 1] (0.05"
                    + " for 5%), got " + maxMissingShare);
        }
    }

    /** An expectation of {@code column} that checks nothing yet; the {@code with} methods add to it. */
    public static ColumnExpectation of(String column) {
        return new ColumnExpectation(column, null, false, null, null, null, DEFAULT_UNSEEN, null, null);
    }

    public ColumnExpectation withType(ColumnType newType) {
        return new ColumnExpectation(column, requireNonNull(newType, "newType"), required, min, max, values, unseen,
                maxMissingShare, severity);
    }

    public ColumnExpectation withRequired(boolean newRequired) {
        return new ColumnExpectation(column, type, newRequired, min, max, values, unseen, maxMissingShare, severity);
    }

    public ColumnExpectation withMin(double newMin) {
        return new ColumnExpectation(column, type, required, newMin, max, values, unseen, maxMissingShare, severity);
    }

    public ColumnExpectation withMax(double newMax) {
        return new ColumnExpectation(column, type, required, min, newMax, values, unseen, maxMissingShare, severity);
    }

    public ColumnExpectation withValues(Set<String> newValues, UnseenValues newUnseen) {
        return new ColumnExpectation(column, type, required, min, max, requireNonNull(newValues, "newValues"),
                newUnseen, maxMissingShare, severity);
    }

    public ColumnExpectation withMaxMissingShare(double newShare) {
        return new ColumnExpectation(column, type, required, min, max, values, unseen, newShare, severity);
    }

    public ColumnExpectation withSeverity(Severity newSeverity) {
        return new ColumnExpectation(column, type, required, min, max, values, unseen, maxMissingShare,
                requireNonNull(newSeverity, "newSeverity"));
    }

    /** The type the values must have: the one named, else numeric when a range is given, else null (any). */
    public @Nullable ColumnType impliedType() {
        if (type != null) {
            return type;
        }
        return min != null || max != null ? ColumnType.NUMERIC : null;
    }

    /**
     * The severity of a finding of {@code kind} other than an unexpected value: {@link #severity} when given,
     * else error for a wrong type or an absent required column and warning for the rest.
     */
    public Severity severityOf(Kind kind) {
        if (severity != null) {
            return severity;
        }
        return kind == Kind.EXPECTED_TYPE || kind == Kind.REQUIRED_COLUMN ? Severity.ERROR : Severity.WARNING;
    }

    /** {@code expect.<key> = <value>}, as findings name the part they broke. */
    static String spelled(String key, Object value) {
        return "expect." + key + " = " + value;
    }

    /** The allowed values as a finding shows them: sorted, quoted, the first few. */
    static String spelledValues(Set<String> values) {
        return spelled(VALUES, "[" + FindingText.names(new ArrayList<>(values)) + "]");
    }

    /** A finding of {@code kind} on this column, at the severity {@link #severityOf} gives it. */
    SchemaFinding finding(Kind kind, String detail) {
        return new SchemaFinding(column, kind, severityOf(kind), detail);
    }

    private static void requireFinite(String column, String key, @Nullable Double bound) {
        if (bound != null && !Double.isFinite(bound)) {
            throw new IllegalArgumentException(where(column) + key + " must be a finite number, got " + bound);
        }
    }

    private static String where(String column) {
        return "expectation on column '" + column + "': ";
    }
}
