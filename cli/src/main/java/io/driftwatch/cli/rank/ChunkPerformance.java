package io.driftwatch.cli.rank;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.estimate.ChunkEstimate;
import io.driftwatch.cli.estimate.EstimatedChunks;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.FileQuality;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MetricEstimate;
import io.driftwatch.stats.quality.QualityMetric;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The model's performance per chunk of the current file that a correlation ranking follows, and the reference's mean
 * it is measured from (NannyML's {@code CorrelationRanker.fit}).
 *
 * <p>The chunks' values are the estimated ones with {@code --estimate-performance} (CBPE, so chunks without labels
 * count), else the realized ones. The reference mean is always the mean of the reference's chunks' <em>realized</em>
 * values, NaN ones left out: NannyML fits on whichever results it is given, usually the reference's estimates, but
 * CBPE is fitted on the reference's labels, so they are there, and on the reference its estimates only approximate
 * them.
 *
 * @param metric        the metric's name, e.g. {@code roc_auc}
 * @param values        the metric per chunk of the current file, in order; NaN where a chunk has none
 * @param referenceMean the mean of the reference chunks' realized values of the metric
 */
public record ChunkPerformance(String metric, Basis basis, List<Double> values, double referenceMean) {
    /** Whether the chunks' values are realized (from their labels) or estimated (CBPE). */
    public enum Basis {
        REALIZED, ESTIMATED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChunkPerformance {
        requireNonNull(metric, "metric");
        requireNonNull(basis, "basis");
        values = List.copyOf(values);
    }

    /**
     * @param metric    the metric asked for; null for the default: roc_auc when the chunks have it, else accuracy
     *                  when they have it (a classifier's), else the first they have in {@link QualityMetric}'s order
     * @param realized  the realized quality per chunk, of the current file and the reference
     * @param estimated the estimated performance per chunk, when asked for
     * @throws BadInputException when the chunks have no such metric or no reference chunk has a realized value of it
     */
    public static ChunkPerformance of(@Nullable String metric, ChunkQuality realized, @Nullable EstimatedChunks estimated)
            throws BadInputException {
        List<String> available = estimated == null ? realizedMetrics(realized)
                : estimated.metrics().stream().map(EstimatedMetric::metricName).toList();
        Basis basis = estimated == null ? Basis.REALIZED : Basis.ESTIMATED;
        if (available.isEmpty()) {
            throw new BadInputException("--rank correlation: no chunk of the current file has a realized metric (no row"
                    + " with both a label and a prediction); give labels, or --estimate-performance");
        }
        String chosen = metric != null ? metric : available.contains("roc_auc") ? "roc_auc"
                : available.contains("accuracy") ? "accuracy" : available.get(0);
        if (!available.contains(chosen)) {
            throw new BadInputException("--rank-metric " + chosen + ": the " + basis.label() + " performance of the"
                    + " chunks has no " + chosen + "; use one of " + String.join(", ", available));
        }
        double referenceMean = referenceMean(chosen, realized);
        List<Double> values = new ArrayList<>();
        if (estimated == null) {
            realized.chunks().forEach(chunk -> values.add(ChunkQuality.valueOf(chunk, chosen, realized.request())));
        } else {
            EstimatedMetric estimatedMetric = EstimatedMetric.of(chosen);
            for (ChunkEstimate chunk : estimated.chunks()) {
                MetricEstimate estimate = chunk.estimates().get(estimatedMetric);
                values.add(estimate == null ? Double.NaN : estimate.value());
            }
        }
        return new ChunkPerformance(chosen, basis, values, referenceMean);
    }

    /** The values as an array, for the ranking. */
    public double[] valueArray() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> realizedMetrics(ChunkQuality realized) {
        List<String> metrics = new ArrayList<>();
        for (String metric : QualityMetric.names()) {
            if (realized.chunks().stream().anyMatch(chunk -> !Double.isNaN(ChunkQuality.valueOf(chunk, metric,
                    realized.request())))) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    private static double referenceMean(String metric, ChunkQuality realized) throws BadInputException {
        double sum = 0;
        int counted = 0;
        for (FileQuality chunk : realized.referenceChunks()) {
            double value = ChunkQuality.valueOf(chunk, metric, realized.request());
            if (!Double.isNaN(value)) {
                sum += value;
                counted++;
            }
        }
        if (counted == 0) {
            throw new BadInputException("--rank correlation: no chunk of the reference has a realized " + metric
                    + " to measure the current chunks' change from; label the reference, or choose --rank-metric");
        }
        return sum / counted;
    }
}
