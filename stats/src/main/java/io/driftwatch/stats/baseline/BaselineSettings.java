package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfileConfig;

import static java.util.Objects.requireNonNull;

/**
 * What a baseline keeps and how its thresholds are calibrated. Every field is part of the baseline's
 * content hash, because each changes what the baseline says.
 *
 * @param calibrate          whether to calibrate the default test's threshold of every column
 * @param plan               the chunks of the calibration (ignored when {@code calibrate} is false)
 * @param options            the test definitions thresholds are calibrated with
 * @param domainCap          most categories listed in a column's domain, at least 1; the default is the
 *                           number a categorical profile counts exactly, so the domain is complete exactly
 *                           when the profile is exact
 * @param numericProfile     configuration of the numeric profiles
 * @param categoricalProfile configuration of the categorical profiles
 */
public record BaselineSettings(boolean calibrate, CalibrationPlan plan, TestOptions options, int domainCap,
                               NumericProfileConfig numericProfile, CategoricalProfileConfig categoricalProfile) {

    public BaselineSettings {
        requireNonNull(plan, "plan");
        requireNonNull(options, "options");
        requireNonNull(numericProfile, "numericProfile");
        requireNonNull(categoricalProfile, "categoricalProfile");
        if (domainCap < 1) {
            throw new IllegalArgumentException("domainCap must be at least 1, got " + domainCap);
        }
    }

    /** Calibrated with the default plan and test options, default profiles and domain cap. */
    public static BaselineSettings defaults() {
        return new BaselineSettings(true, CalibrationPlan.defaults(), TestOptions.DEFAULT,
                CategoricalProfileConfig.DEFAULT_MAX_EXACT_CATEGORIES, NumericProfileConfig.defaults(),
                CategoricalProfileConfig.defaults());
    }

    public BaselineSettings withCalibration(boolean newCalibrate, CalibrationPlan newPlan) {
        return new BaselineSettings(newCalibrate, newPlan, options, domainCap, numericProfile, categoricalProfile);
    }
}
