package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows under a quality report's row that show its performance estimate (CBPE, from the scores before labels): one per
 * estimated metric, sorted by name, e.g. {@code estimated accuracy 0.5519 (0.4775–0.6263), thresholds 0.7071–0.8000,
 * realized -  ALERT}, the first also saying how many predictions it is made of and whether it is complete. Each reads
 * "estimated", so the table never passes an estimate off as a measured value.
 */
final class EstimateRows {
    static final String ALERT = "ALERT";

    private EstimateRows() {
    }

    static List<List<String>> of(EstimatedPerformance estimate) {
        List<List<String>> rows = new ArrayList<>();
        List<EstimatedMetricReport> metrics = estimate.getMetrics().stream()
                .sorted(Comparator.comparing(EstimatedMetricReport::getMetric)).toList();
        for (EstimatedMetricReport metric : metrics) {
            boolean first = rows.isEmpty();
            rows.add(List.of("", "", "", first ? estimate.getPredictions() + " estimated" : "",
                    first ? (estimate.getComplete() ? "estimate complete" : "estimate pending") : "", cell(metric)));
        }
        return rows;
    }

    private static String cell(EstimatedMetricReport metric) {
        String cell = "estimated " + metric.getMetric() + " " + Cells.number(metric.getValue()) + " ("
                + Cells.number(metric.getLower()) + "–" + Cells.number(metric.getUpper()) + "), " + thresholds(metric)
                + ", realized " + bound(metric.getRealized());
        return metric.getAlert() ? cell + "  " + ALERT : cell;
    }

    private static String thresholds(EstimatedMetricReport metric) {
        if (metric.getThresholdLower() == null && metric.getThresholdUpper() == null) {
            return "no thresholds";
        }
        return "thresholds " + bound(metric.getThresholdLower()) + "–" + bound(metric.getThresholdUpper());
    }

    private static String bound(@Nullable Double value) {
        return value == null ? "-" : Cells.number(value);
    }
}
