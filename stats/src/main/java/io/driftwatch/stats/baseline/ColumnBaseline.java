package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.Calibration;
import io.driftwatch.stats.profile.ColumnProfile;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One training column's baseline: its profile, its schema facts, the default test chosen from the
 * training data alone, and the calibration of that test.
 *
 * <p>The profile is mutable (profiles are); it belongs to this value and must not be updated: merge into
 * a {@code copy()}.
 *
 * @param defaultTest  the test {@code DriftDefaults} picks for the training column; null when it has no
 *                     valid values
 * @param asCategories whether a numeric column has so few distinct values that it is compared as categories
 * @param calibrations one per calibrated test, calibrated or with the reason it was not; empty when
 *                     calibration was off
 */
public record ColumnBaseline(String name, ColumnProfile profile, ColumnFacts facts, @Nullable String defaultTest,
                             boolean asCategories, List<Calibration> calibrations) {
    public ColumnBaseline {
        requireNonNull(name, "name");
        requireNonNull(profile, "profile");
        requireNonNull(facts, "facts");
        calibrations = List.copyOf(calibrations);
    }

    /** Calibrated thresholds by test; a test missing here keeps its default threshold. */
    public Map<String, Double> thresholds() {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Calibration calibration : calibrations) {
            if (calibration instanceof Calibration.Calibrated calibrated) {
                thresholds.put(calibrated.test(), calibrated.threshold());
            }
        }
        return thresholds;
    }

    /** Why a test was not calibrated, by test. */
    public Map<String, String> notCalibrated() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Calibration calibration : calibrations) {
            if (calibration instanceof Calibration.NotCalibrated skipped) {
                reasons.put(skipped.test(), skipped.reason());
            }
        }
        return reasons;
    }
}
