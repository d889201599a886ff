package io.driftwatch.stats.compare;

import io.driftwatch.stats.profile.NumericProfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A data set's columns as a reader with bounded memory holds them: most exactly, and the numeric ones whose
 * values would not fit in the heap as profiles (sketches), so {@link DatasetComparator} can compare each column
 * exactly wherever both sides kept its values. A column is in one of the two maps, not both.
 *
 * @param exact    columns whose values (or category counts) were kept
 * @param sketched numeric columns that stopped keeping values; the profiles must not change while compared
 * @param order    every column, in the order reports list them
 */
public record HeldColumns(Map<String, ColumnData> exact, Map<String, NumericProfile> sketched, List<String> order) {
    public HeldColumns {
        exact = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(exact, "exact")));
        sketched = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sketched, "sketched")));
        order = List.copyOf(order);
        for (String column : order) {
            if (exact.containsKey(column) == sketched.containsKey(column)) {
                throw new IllegalArgumentException("column '" + column + "' must be held exactly or sketched, not "
                        + (exact.containsKey(column) ? "both" : "neither"));
            }
        }
        if (order.size() != exact.size() + sketched.size()) {
            throw new IllegalArgumentException("order must name every column once");
        }
    }

    boolean hasValues(String column) {
        ColumnData values = exact.get(column);
        return values != null ? values.validCount() > 0 : requireNonNull(sketched.get(column), column).count() > 0;
    }
}
