package io.driftwatch.stats.compare;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A difference in shape rather than distribution, in the spirit of TFDV's anomalies: a column that
 * disappeared or appeared, a type change, a category or value range the reference never had, a jump in
 * missing values. Errors break a model's input contract; warnings deserve a look.
 *
 * @param detail one sentence for a person, with the numbers that matter
 */
public record SchemaFinding(String column, Kind kind, Severity severity, String detail) {

    /** What kind of difference was found; the JSON name is the lowercase constant. */
    public enum Kind {
        MISSING_COLUMN, UNEXPECTED_COLUMN, TYPE_CHANGE, UNSEEN_CATEGORY, OUT_OF_RANGE, MISSING_RATE_JUMP,
        /** A field that holds no single values (a JSON array), so no test can compare it. */
        NOT_COMPARABLE;

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
