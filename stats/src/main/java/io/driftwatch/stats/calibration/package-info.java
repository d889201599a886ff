/**
 * Drift thresholds calibrated per feature on the training data itself, so that a noisy feature does not
 * alarm on every window and a steady one is not held to a threshold far above its noise. NannyML's idea
 * (the spread of a statistic over chunks of the reference), with each chunk compared to the rest of the
 * data rather than to a reference that contains it, which would pull every statistic towards zero and the
 * threshold with it. NannyML's own rule, each reference chunk compared with the whole reference, is the second
 * rule ({@link io.driftwatch.stats.calibration.NannyMlThresholds}), for teams that must reproduce its alerts. Plain Java: the training set is in memory and the tests are the exact ones of
 * {@code io.driftwatch.stats.drift}.
 */
@NullMarked
package io.driftwatch.stats.calibration;

import org.jspecify.annotations.NullMarked;
