package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.quality.QualityMetric;
import org.jspecify.annotations.Nullable;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The summary's block on a model's estimated performance, one line per window: the accuracy CBPE estimated from the
 * model's scores with its band, how many of the window's labels were in when the estimate was complete and judged,
 * the estimated-quality trigger when that window fired one, and the accuracy its labels gave once final, e.g.
 * {@code window 7: estimated accuracy 0.58 (0.52-0.64) with 37 of 200 labels in -> estimated_quality trigger; realized 0.51}.
 * Every number comes from the quality reports and triggers read back from the topics.
 */
final class EstimateLines {
    private static final String METRIC = QualityMetric.ACCURACY.metricName();

    private EstimateLines() {
    }

    static void print(PrintWriter out, DemoScenario scenario, DemoPolicies.Published policy, DemoObservation observation) {
        out.println("  Estimated " + METRIC + " (CBPE, from the model's scores when each window closed) beside the realized one"
                + threshold(observation).map(t -> String.format(Locale.ROOT, "; the estimate alerts below %.2f", t)).orElse("")
                + ":");
        for (int window = 0; window < policy.windows(scenario); window++) {
            Instant start = policy.windowStart(scenario, window);
            out.printf(Locale.ROOT, "    window %d: %s; realized %s%n", window + 1,
                    estimate(observation.estimateCompletedByWindow().get(start), trigger(observation, start)),
                    realized(observation.qualityByWindow().get(start)));
        }
    }

    private static String estimate(@Nullable QualityReport judged, Optional<RetrainingTrigger> trigger) {
        Optional<EstimatedMetricReport> metric = metric(judged);
        if (judged == null || metric.isEmpty()) {
            return "no estimate";
        }
        return String.format(Locale.ROOT, "estimated %s %.2f (%.2f-%.2f) with %d of %d labels in%s", METRIC, metric.get().getValue(),
                metric.get().getLower(), metric.get().getUpper(), judged.getLabelled(), judged.getPredictions(),
                trigger.map(t -> " -> " + t.getRule() + " trigger").orElse(""));
    }

    private static String realized(@Nullable QualityReport quality) {
        Double accuracy = quality == null || !quality.getIsFinal() ? null : quality.getMetrics().get(METRIC);
        return accuracy == null ? "-" : String.format(Locale.ROOT, "%.2f", accuracy);
    }

    private static Optional<RetrainingTrigger> trigger(DemoObservation observation, Instant start) {
        return observation.triggers().stream().filter(t -> t.getRule().equals(EstimatedFall.RULE))
                .filter(t -> !t.getWindows().isEmpty() && t.getWindows().get(0).getStart().equals(start)).findFirst();
    }

    private static Optional<Double> threshold(DemoObservation observation) {
        return observation.estimateCompletedByWindow().values().stream().map(EstimateLines::metric).flatMap(Optional::stream)
                .map(EstimatedMetricReport::getThresholdLower).filter(t -> t != null).map(t -> (double) t).findFirst();
    }

    private static Optional<EstimatedMetricReport> metric(@Nullable QualityReport report) {
        EstimatedPerformance estimated = report == null ? null : report.getEstimated();
        return estimated == null ? Optional.empty()
                : estimated.getMetrics().stream().filter(m -> m.getMetric().equals(METRIC)).findFirst();
    }
}
