package io.driftwatch.stats.drift;

import io.driftwatch.stats.sample.CategoryCounts;

/**
 * A drift test on the exact category counts of a categorical column. Implementations are stateless and
 * thread-safe; both count sets are non-empty.
 */
public interface CategoricalDriftTest {
    /** The test's name as users write it in {@code --tests} and read it in reports, e.g. {@code chi_square}. */
    String name();

    TestOutcome compare(CategoryCounts reference, CategoryCounts current);
}
