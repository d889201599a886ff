package io.driftwatch.stats.drift;

import io.driftwatch.stats.sample.SortedSample;

/**
 * A drift test on the raw values of a numeric column. Implementations are stateless and thread-safe;
 * both samples are non-empty.
 */
public interface NumericDriftTest {
    /** The test's name as users write it in {@code --tests} and read it in reports, e.g. {@code ks}. */
    String name();

    TestOutcome compare(SortedSample reference, SortedSample current);
}
