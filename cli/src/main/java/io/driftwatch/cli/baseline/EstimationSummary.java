package io.driftwatch.cli.baseline;

import io.driftwatch.stats.estimate.CalibrationCheck;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MulticlassCbpeModel;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code baseline --estimate-performance} prints about the CBPE fit it stored (binary, or multiclass with
 * its classes and which were calibrated): the positive class, the
 * labelled rows and chunks it was fitted on, whether the scores are calibrated and the two expected calibration
 * errors behind that decision, then each estimated metric's thresholds, the band outside which a window's estimate
 * alerts. A person reads here what the stream will hold its windows' estimates to. Stateless.
 */
public final class EstimationSummary {
    private static final String ROW = "  %-18s %12s %12s%n";

    private EstimationSummary() {
    }

    /**
     * @param model    the fit with the business value the thresholds are shown for (none without one)
     * @param chunking the options that cut the reference chunks, as typed
     */
    public static String render(CbpeModel model, String chunking) {
        CbpeReference reference = model.reference();
        CalibrationCheck check = reference.calibrationCheck();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Performance estimation (CBPE) of positive class %s, fitted on %d"
                        + " labelled rows in %d chunks (%s)%n", reference.positiveClass(), reference.confusion().rows(),
                reference.chunks().size(), chunking));
        text.append(String.format(Locale.ROOT, "  scores %s: expected calibration error %s raw, %s calibrated%n",
                check.needed() ? "calibrated (isotonic)" : "not calibrated", error(check.errorBefore()),
                error(check.errorAfter())));
        text.append(String.format(Locale.ROOT, ROW, "thresholds", "lower", "upper"));
        model.thresholds().forEach((metric, band) -> {
            String digits = metric == EstimatedMetric.BUSINESS_VALUE ? "%.2f" : "%.4f";
            text.append(String.format(Locale.ROOT, ROW, metric.metricName(), String.format(Locale.ROOT, digits,
                    band.lower()), String.format(Locale.ROOT, digits, band.upper())));
        });
        return text.toString();
    }

    /**
     * The lines about a multiclass fit: the classes, the labelled rows and chunks, which classes' scores are
     * calibrated, then each estimated metric's thresholds.
     *
     * @param chunking the options that cut the reference chunks, as typed
     */
    public static String render(MulticlassCbpeModel model, String chunking) {
        MulticlassCbpeReference reference = model.reference();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Performance estimation (multiclass CBPE) of classes %s, fitted on %d"
                        + " labelled rows in %d chunks (%s)%n", String.join(", ", reference.classes()),
                reference.confusion().get(0).rows(), reference.chunks().size(), chunking));
        List<String> calibrated = new ArrayList<>();
        boolean[] needed = reference.calibration().calibrationNeeded();
        for (int c = 0; c < needed.length; c++) {
            if (needed[c]) {
                calibrated.add(reference.classes().get(c));
            }
        }
        text.append(String.format(Locale.ROOT, "  scores calibrated (isotonic, one-vs-rest) for %s, then normalised"
                + " per row%n", calibrated.isEmpty() ? "no class" : String.join(", ", calibrated)));
        text.append(String.format(Locale.ROOT, ROW, "thresholds", "lower", "upper"));
        model.thresholds().forEach((metric, band) -> text.append(String.format(Locale.ROOT, ROW, metric.metricName(),
                String.format(Locale.ROOT, "%.4f", band.lower()), String.format(Locale.ROOT, "%.4f", band.upper()))));
        return text.toString();
    }

    private static String error(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
