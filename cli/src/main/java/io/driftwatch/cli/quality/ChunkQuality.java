package io.driftwatch.cli.quality;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.stats.quality.QualitySummary;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The model's realized quality on each chunk of a chunked {@code check}, judged as NannyML judges realized
 * performance: each metric's band is the mean plus or minus 3 standard deviations of the metric over the reference's
 * own chunks, clipped to the metric's range ({@link MetricBand}), and a chunk whose metric lies outside the band
 * alerts. The business value is judged the same way, unclipped. Without a labelled reference chunk there is no
 * band, and the chunks' quality is reported without alerts.
 *
 * @param request         what was asked: the columns, the positive class, the business-value matrix
 * @param chunks          the current file's chunks' quality, in the chunks' order
 * @param referenceChunks the reference's chunks' quality, in order
 * @param bands           each metric's band, by metric name; {@code business_value} among them when a matrix was given
 */
public record ChunkQuality(QualityRequest request, List<FileQuality> chunks, List<FileQuality> referenceChunks,
                           Map<String, MetricBand> bands) {
    /** The name the business value's band and alert go by, beside the metrics'. */
    public static final String BUSINESS_VALUE = QualityMetric.BUSINESS_VALUE.metricName();

    public ChunkQuality {
        requireNonNull(request, "request");
        chunks = List.copyOf(chunks);
        referenceChunks = List.copyOf(referenceChunks);
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
    }

    /**
     * @param referenceLayout the reference's chunks; null when it was not cut (then there are no bands)
     * @throws BadInputException as {@link FileQuality#ofChunks}
     */
    public static ChunkQuality of(QualityRequest request, Path reference, Path current, ChunkLayout currentLayout,
                                  @Nullable ChunkLayout referenceLayout) throws BadInputException {
        List<FileQuality> chunks = FileQuality.ofChunks(current, request, currentLayout.rows());
        List<FileQuality> referenceChunks = referenceLayout == null ? List.of()
                : FileQuality.ofChunks(reference, request, referenceLayout.rows());
        Map<String, MetricBand> bands = new LinkedHashMap<>();
        for (QualityMetric metric : QualityMetric.values()) {
            double[] values = referenceChunks.stream().mapToDouble(chunk -> valueOf(chunk, metric.metricName(), request)).toArray();
            MetricBand.of(values, metric.lowest(), metric.highest()).ifPresent(band -> bands.put(metric.metricName(), band));
        }
        return new ChunkQuality(request, chunks, referenceChunks, bands);
    }

    /** The metrics of {@code chunk} outside their bands, in the bands' order. */
    public List<String> alerts(FileQuality chunk) {
        List<String> alerts = new ArrayList<>();
        bands.forEach((metric, band) -> {
            double value = valueOf(chunk, metric, request);
            if (!Double.isNaN(value) && band.alerts(value)) {
                alerts.add(metric);
            }
        });
        return alerts;
    }

    /** Whether any chunk of the current file alerts on its quality. */
    public boolean anyAlert() {
        return chunks.stream().anyMatch(chunk -> !alerts(chunk).isEmpty());
    }

    /** The value of {@code metric} (or the business value) on {@code chunk}; NaN when the chunk has none. */
    public static double valueOf(FileQuality chunk, String metric, QualityRequest request) {
        QualitySummary summary = chunk.summary();
        if (summary == null) {
            return Double.NaN;
        }
        if (BUSINESS_VALUE.equals(metric)) {
            return chunk.businessValue(request.businessValue()).map(FileQuality.BusinessValue::total).orElse(Double.NaN);
        }
        return Optional.ofNullable(summary.metrics().get(metric)).orElse(Double.NaN);
    }
}
