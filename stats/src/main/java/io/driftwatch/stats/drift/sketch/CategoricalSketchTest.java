package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.profile.CategoricalProfile;

/**
 * A drift test on two categorical profiles: the streaming counterpart of
 * {@link io.driftwatch.stats.drift.CategoricalDriftTest}. Results are {@code Method.SKETCH} with an error
 * bound. Implementations are stateless and thread-safe; they never modify the profiles.
 */
public interface CategoricalSketchTest {
    /** The test's name as users write it in {@code --tests} and read it in reports, e.g. {@code chi_square}. */
    String name();

    /** @throws IllegalArgumentException if either profile has no valid value */
    TestOutcome compare(CategoricalProfile reference, CategoricalProfile current);
}
