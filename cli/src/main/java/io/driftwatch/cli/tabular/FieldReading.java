package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnType;

/**
 * What one field is in a column of known type: the single rule behind {@code check}'s columns ({@link ColumnSet})
 * and {@code produce}'s rows ({@link RowReader}), so a value a team replays means what it meant to {@code check}.
 * In a numeric column a field is a number, or missing (empty, a spelling in {@link MissingMarkers}, or a number
 * beyond a double's range), or not a number; in a categorical column it is missing only when empty, else a label
 * as written. A JSON string is never a number, even when it reads like one. Not thread-safe: it holds the last
 * number parsed.
 */
final class FieldReading {
    /** What a field is in its column. */
    enum Kind { NUMBER, MISSING, LABEL, NOT_A_NUMBER }

    private final DecimalParser parser = new DecimalParser();

    /** The value of the last CSV field read as {@link Kind#NUMBER}: finite. */
    double number() {
        return parser.value();
    }

    /** A CSV field, bytes {@code [start, end)}. */
    Kind csvField(ColumnType type, byte[] bytes, int start, int end) {
        if (type == ColumnType.CATEGORICAL) {
            return start == end ? Kind.MISSING : Kind.LABEL;
        }
        if (parser.parse(bytes, start, end)) {
            return Double.isFinite(parser.value()) ? Kind.NUMBER : Kind.MISSING;
        }
        return MissingMarkers.isNumericMissing(bytes, start, end) ? Kind.MISSING : Kind.NOT_A_NUMBER;
    }

    /** A JSON string, or {@code true}/{@code false} as text. */
    static Kind jsonString(ColumnType type, String value) {
        if (type == ColumnType.CATEGORICAL) {
            return value.isEmpty() ? Kind.MISSING : Kind.LABEL;
        }
        return MissingMarkers.isNumericMissing(value) ? Kind.MISSING : Kind.NOT_A_NUMBER;
    }

    /** A JSON number; one beyond a double's range reads as infinite. */
    static Kind jsonNumber(ColumnType type, double value) {
        if (type == ColumnType.CATEGORICAL) {
            return Kind.LABEL;
        }
        return Double.isFinite(value) ? Kind.NUMBER : Kind.MISSING;
    }
}
