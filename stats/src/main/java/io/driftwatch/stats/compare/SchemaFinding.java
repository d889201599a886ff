package io.driftwatch.stats.compare;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A difference in shape rather than distribution, in the spirit of TFDV's anomalies: a column that
 * disappeared or appeared, a type change, a category or value range the reference never had, a jump in
 * missing values. Errors break a model's input contract; warnings deserve a look. A model's policy adds the
 * expectations its owner wrote per column ({@code io.driftwatch.stats.expect}); their findings name the
 * expectation they broke and take the severity it was given.
 *
 * @param detail one sentence for a person, with the numbers that matter
 */
public record SchemaFinding(String column, Kind kind, Severity severity, String detail) {

    /** What kind of difference was found; the JSON name is the lowercase constant. */
    public enum Kind {
        MISSING_COLUMN, UNEXPECTED_COLUMN, TYPE_CHANGE, UNSEEN_CATEGORY, OUT_OF_RANGE, MISSING_RATE_JUMP,
        /** A field that holds no single values (a JSON array), so no test can compare it. */
        NOT_COMPARABLE,
        /** The column's values are not of the type its expectation names. */
        EXPECTED_TYPE,
        /** A column its expectation requires is absent, or every current row is missing it. */
        REQUIRED_COLUMN,
        /** Values below the expectation's inclusive minimum. */
        BELOW_MIN,
        /** Values above the expectation's inclusive maximum. */
        ABOVE_MAX,
        /** Values outside the expectation's allowed set. */
        UNEXPECTED_VALUE,
        /** More rows missing the column than the expectation's largest missing share allows. */
        MISSING_SHARE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How urgent the finding is. */
    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SchemaFinding {
        requireNonNull(column, "column");
        requireNonNull(kind, "kind");
        requireNonNull(severity, "severity");
        requireNonNull(detail, "detail");
    }
}
