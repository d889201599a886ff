package io.driftwatch.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which columns are features and how they are tested.
 *
 * @param exclude columns that are not features: never profiled, tested or expected
 * @param tests   the tests of every feature without its own; empty for the default selection
 * @param inform  tests reported beside the deciding ones; empty when the policy is silent (the default applies),
 *                an empty list when it turns them off
 * @param columns settings per column, in the order written
 */
public record FeaturesPolicy(Set<String> exclude, Optional<Map<String, TestSpec>> tests, Optional<List<String>> inform,
                             Map<String, ColumnPolicy> columns) {
    public FeaturesPolicy {
        exclude = Set.copyOf(exclude);
        tests = tests.map(PolicyCollections::orderedCopy);
        inform = inform.map(List::copyOf);
        columns = PolicyCollections.orderedCopy(columns);
        requireNonNull(columns, "columns");
    }
}
