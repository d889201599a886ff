package io.driftwatch.policy;

import io.driftwatch.stats.compare.ColumnType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * What a column's values may be, as the policy states it (TFDV's schema and Great Expectations' column expectations
 * in one place); each constraint is empty when the policy is silent. The checking engine converts it into its own
 * form.
 *
 * @param allowedValues the categories allowed; empty when any is
 * @param maxMissing    the largest share of missing values, in [0, 1]
 */
public record Expectation(Optional<ColumnType> type, Optional<Boolean> required, OptionalDouble min, OptionalDouble max,
                          Optional<List<String>> allowedValues, Optional<UnseenValues> unseen, OptionalDouble maxMissing,
                          Optional<Severity> severity) {
    public Expectation {
        requireNonNull(type, "type");
        requireNonNull(required, "required");
        requireNonNull(min, "min");
        requireNonNull(max, "max");
        allowedValues = allowedValues.map(List::copyOf);
        requireNonNull(unseen, "unseen");
        requireNonNull(maxMissing, "maxMissing");
        requireNonNull(severity, "severity");
    }
}
