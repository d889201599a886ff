package io.driftwatch.policy;

import io.driftwatch.stats.compare.ColumnType;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column's (or the prediction's) settings: its declared type, its own tests (replacing the features' tests and
 * the default selection), and its expectation.
 *
 * @param tests the column's tests by name, in the order written; empty when it has none of its own
 */
public record ColumnPolicy(Optional<ColumnType> type, Optional<Map<String, TestSpec>> tests, Optional<Expectation> expect) {
    public ColumnPolicy {
        requireNonNull(type, "type");
        tests = tests.map(PolicyCollections::orderedCopy);
        requireNonNull(expect, "expect");
    }
}
