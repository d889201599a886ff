package io.driftwatch.cli.chunk;

/**
 * How the chunks of a chunked {@code check} are judged: by the thresholds {@code check} uses today (the defaults,
 * a policy's levels, or the leave-one-out calibration a policy asks for), or by NannyML's rule, whose thresholds come
 * from the reference's own chunks ({@link io.driftwatch.stats.calibration.NannyMlThresholds}).
 */
public enum ThresholdRule {
    LOO, NANNYML
}
