package io.driftwatch.cli.baseline;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.baseline.ColumnBaseline;
import io.driftwatch.stats.baseline.ColumnFacts;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.calibration.Calibration;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.quality.QualitySummary;

import java.util.Locale;
import java.util.TreeMap;

/**
 * The few lines {@code driftwatch baseline} prints about what it built: one line for the baseline, then
 * one per column with its type, counts, default test and the threshold that test will be held to, saying
 * whether it was calibrated and from what, and a line under it for each further test a policy had calibrated on it;
 * with labels, the quality and how many rows it was measured on; with a CBPE fit, its {@link EstimationSummary}; with
 * a PCA reconstruction fit, its {@link ReconstructionSummary}.
 * Stateless.
 */
public final class BaselineSummary {
    private static final String ROW = "%-20s %-12s %10s %8s  %-15s %s%n";

    private BaselineSummary() {
    }

    public static String render(Baseline record, TrainingBaseline baseline) {
        return render(record, baseline, "");
    }

    /**
     * @param fits the lines about the fits stored in {@code record} ({@link EstimationSummary},
     *             {@link ReconstructionSummary}); empty when none was fitted
     */
    public static String render(Baseline record, TrainingBaseline baseline, String fits) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Baseline %s: model %s version %s, from %s, %d rows, %d columns%n",
                record.getBaselineId(), record.getModelName(), record.getModelVersion(), record.getSource(),
                record.getRows(), record.getColumns().size()));
        text.append(String.format(Locale.ROOT, ROW, "column", "type", "valid", "missing", "default test", "threshold"));
        for (ColumnBaseline column : baseline.columns()) {
            ColumnFacts facts = column.facts();
            String type = facts.type().label() + (column.asCategories() ? "*" : "");
            text.append(String.format(Locale.ROOT, ROW, column.name(), type, facts.count(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * facts.missingRate()),
                    column.defaultTest() == null ? "-" : column.defaultTest(), threshold(column)));
            for (Calibration calibration : column.calibrations()) {
                if (!calibration.test().equals(column.defaultTest())) {
                    text.append(String.format(Locale.ROOT, ROW, "", "", "", "", calibration.test() + " (policy)",
                            describe(calibration)));
                }
            }
        }
        if (baseline.columns().stream().anyMatch(ColumnBaseline::asCategories)) {
            text.append("* numeric with at most ").append(DriftDefaults.FEW_DISTINCT_VALUES_MAX)
                    .append(" distinct values: compared as categories").append(System.lineSeparator());
        }
        QualitySummary quality = baseline.quality();
        if (quality != null) {
            quality(text, quality, baseline.rows());
        }
        text.append(fits);
        return text.toString();
    }

    /** The labelled rows, the skipped ones by what they lacked, and each metric, as the quality rules will read them. */
    private static void quality(StringBuilder text, QualitySummary quality, long rows) {
        long neither = rows - quality.labelled() - quality.unlabelled() - quality.unmatchedLabels();
        text.append(String.format(Locale.ROOT, "Quality (%s) on %d labelled rows of %d; skipped %d without a label,"
                        + " %d without a prediction, %d without either%n", quality.task().name().toLowerCase(Locale.ROOT),
                quality.labelled(), rows, quality.unlabelled(), quality.unmatchedLabels(), neither));
        new TreeMap<>(quality.metrics()).forEach((metric, value) ->
                text.append(String.format(Locale.ROOT, "  %-16s %.4f%n", metric, value)));
    }

    private static String threshold(ColumnBaseline column) {
        String test = column.defaultTest();
        if (test == null) {
            return "- (no valid values)";
        }
        for (Calibration calibration : column.calibrations()) {
            if (calibration.test().equals(test)) {
                return describe(calibration);
            }
        }
        return DriftDefaults.threshold(test).describe() + " default";
    }

    private static String describe(Calibration calibration) {
        if (calibration instanceof Calibration.Calibrated calibrated) {
            return String.format(Locale.ROOT, "statistic >= %.4g calibrated (mean %.3g + 3 x sd %.3g over %d chunks of %d)",
                    calibrated.threshold(), calibrated.mean(), calibrated.standardDeviation(), calibrated.chunks(),
                    calibrated.chunkRows());
        }
        String reason = ((Calibration.NotCalibrated) calibration).reason();
        return DriftDefaults.threshold(calibration.test()).describe() + " default (not calibrated: " + reason + ")";
    }
}
