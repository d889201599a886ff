package io.driftwatch.stats.compare;

import java.util.Locale;

/** Whether a column's values are compared as numbers or as labels. */
public enum ColumnType {
    NUMERIC, CATEGORICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted words when {@code text} is neither
     */
    public static ColumnType parse(String text) {
        for (ColumnType type : values()) {
            if (type.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("column type must be 'numeric' or 'categorical', got '" + text + "'");
    }
}
