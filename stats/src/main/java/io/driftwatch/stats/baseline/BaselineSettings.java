package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.calibration.CalibrationTargets;
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
 * @param targets            tests a policy holds to calibrated thresholds, calibrated with {@code plan} beside (and,
 *                           for the same test, instead of) the default test's calibration, whatever {@code calibrate}
 */
public record BaselineSettings(boolean calibrate, CalibrationPlan plan, TestOptions options, int domainCap,
                               NumericProfileConfig numericProfile, CategoricalProfileConfig categoricalProfile,
                               CalibrationTargets targets) {
    /**
     * Values per numeric column a baseline keeps raw by default, so that a window held exactly is compared with
     * it exactly, as {@code check} would compare the two files: 300,000 doubles are 2.4 MB a column. A column
     * with more values keeps the quantile sketch only, and its tests carry the sketch's error bound.
     */
    public static final int DEFAULT_EXACT_VALUES = 300_000;

    public BaselineSettings {
        requireNonNull(plan, "plan");
        requireNonNull(options, "options");
        requireNonNull(numericProfile, "numericProfile");
        requireNonNull(categoricalProfile, "categoricalProfile");
        requireNonNull(targets, "targets");
        if (domainCap < 1) {
            throw new IllegalArgumentException("domainCap must be at least 1, got " + domainCap);
        }
    }

    /** Settings calibrating the default test alone. */
    public BaselineSettings(boolean calibrate, CalibrationPlan plan, TestOptions options, int domainCap,
                            NumericProfileConfig numericProfile, CategoricalProfileConfig categoricalProfile) {
        this(calibrate, plan, options, domainCap, numericProfile, categoricalProfile, CalibrationTargets.NONE);
    }

    /**
     * Calibrated with the default plan and test options, default domain cap and profiles, numeric ones holding up
     * to {@value #DEFAULT_EXACT_VALUES} raw values.
     */
    public static BaselineSettings defaults() {
        return new BaselineSettings(true, CalibrationPlan.defaults(), TestOptions.DEFAULT,
                CategoricalProfileConfig.DEFAULT_MAX_EXACT_CATEGORIES,
                new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, DEFAULT_EXACT_VALUES),
                CategoricalProfileConfig.defaults());
    }

    /** The same settings keeping at most {@code exactValues} raw values per numeric column. */
    public BaselineSettings withExactValues(int exactValues) {
        return new BaselineSettings(calibrate, plan, options, domainCap,
                new NumericProfileConfig(numericProfile.kllK(), exactValues), categoricalProfile, targets);
    }

    public BaselineSettings withCalibration(boolean newCalibrate, CalibrationPlan newPlan) {
        return new BaselineSettings(newCalibrate, newPlan, options, domainCap, numericProfile, categoricalProfile, targets);
    }

    /** The same settings also calibrating {@code newTargets}' tests; they replace any given before. */
    public BaselineSettings withTargets(CalibrationTargets newTargets) {
        return new BaselineSettings(calibrate, plan, options, domainCap, numericProfile, categoricalProfile, newTargets);
    }
}
