package io.driftwatch.stats.calibration;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ComparisonSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calibrates a policy's {@code calibrated} thresholds on the reference data of a file comparison, with the plan a
 * baseline calibrates with by default ({@link CalibrationPlan#defaults()}) and through the same
 * {@link CalibrationTargets#calibrate}, so {@code check} holds a test to the threshold {@code baseline} would store for
 * it on the same file. A test that cannot be calibrated is reported with its reason rather than judged by a default.
 * Stateless.
 */
public final class ReferenceCalibration {
    private ReferenceCalibration() {
    }

    /** {@code settings} with each target calibrated on its reference column. */
    public static ComparisonSettings apply(ComparisonSettings settings, CalibrationTargets targets,
                                           Map<String, ? extends ColumnData> referenceColumns) {
        Map<String, Map<String, Double>> thresholds = new LinkedHashMap<>();
        Map<String, Map<String, String>> notCalibrated = new LinkedHashMap<>();
        CalibrationPlan plan = CalibrationPlan.defaults();
        referenceColumns.forEach((name, column) -> {
            for (Calibration calibration : targets.calibrate(name, column, plan)) {
                if (calibration instanceof Calibration.Calibrated calibrated) {
                    thresholds.computeIfAbsent(name, c -> new LinkedHashMap<>()).put(calibrated.test(), calibrated.threshold());
                } else if (calibration instanceof Calibration.NotCalibrated skipped) {
                    notCalibrated.computeIfAbsent(name, c -> new LinkedHashMap<>()).put(skipped.test(), skipped.reason());
                }
            }
        });
        return settings.withCalibratedThresholds(thresholds, notCalibrated);
    }
}
