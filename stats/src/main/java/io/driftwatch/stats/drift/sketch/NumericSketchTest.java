package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.profile.NumericProfile;

/**
 * A drift test on two numeric profiles: the streaming counterpart of
 * {@link io.driftwatch.stats.drift.NumericDriftTest}. Results are {@code Method.SKETCH} with an error
 * bound. Implementations are stateless and thread-safe; they never modify the profiles.
 */
public interface NumericSketchTest {
    /** The test's name as users write it in {@code --tests} and read it in reports, e.g. {@code ks}. */
    String name();

    /** @throws IllegalArgumentException if either profile has no valid value */
    TestOutcome compare(NumericProfile reference, NumericProfile current);
}
