package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.BinaryConfusionReport;
import io.driftwatch.schemas.record.ClassQuality;
import io.driftwatch.schemas.record.ConfusionCell;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.SegmentQualityReport;
import io.driftwatch.stats.quality.BinaryConfusion;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.topology.trigger.TriggerIds;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * The Avro {@link QualityReport} of a window from its {@link QualitySummary}. The report id derives from
 * model, version and window, so every update of a window and its final report share it.
 */
final class QualityReportRecords {
    private QualityReportRecords() {
    }

    static QualityReport of(QualityWindowKey window, long endMillis, QualitySummary summary, long unmatchedLabels,
                            boolean isFinal, Map<String, Double> baselineMetrics, Map<String, Double> previousMetrics,
                            String policyId, @Nullable EstimatedPerformance estimated) {
        return QualityReport.newBuilder()
                .setReportId(TriggerIds.of(window.model(), window.version(), "quality", Long.toString(window.startMillis())))
                .setModelName(window.model())
                .setModelVersion(window.version())
                .setWindowStart(Instant.ofEpochMilli(window.startMillis()))
                .setWindowEnd(Instant.ofEpochMilli(endMillis))
                .setIsFinal(isFinal)
                .setTask(ModelTask.valueOf(summary.task().name()))
                .setPredictions(summary.predictions())
                .setLabelled(summary.labelled())
                .setLabelCoverage(summary.labelCoverage())
                .setMetrics(Map.copyOf(summary.metrics()))
                .setPerClass(summary.perClass().stream().map(quality -> new ClassQuality(quality.label(), quality.precision(),
                        quality.recall(), quality.f1(), quality.support())).toList())
                .setConfusion(summary.confusion().stream().map(cell -> new ConfusionCell(cell.actual(), cell.predicted(),
                        cell.count())).toList())
                .setLabelDelayQuantilesMillis(Map.copyOf(summary.labelDelayQuantilesMillis()))
                .setUnlabelled(summary.unlabelled())
                .setDuplicateLabels(summary.duplicateLabels())
                .setUnmatchedLabels(unmatchedLabels)
                .setSegments(summary.segments().stream().map(segment -> new SegmentQualityReport(segment.segment(),
                        segment.value(), segment.labelled(), Map.copyOf(segment.metrics()))).toList())
                .setBaselineMetrics(Map.copyOf(baselineMetrics))
                .setPreviousWindowMetrics(Map.copyOf(previousMetrics))
                .setPolicyId(policyId)
                .setBinary(binary(summary.binary()))
                .setEstimated(estimated)
                .build();
    }

    private static @Nullable BinaryConfusionReport binary(@Nullable BinaryConfusion binary) {
        return binary == null ? null : new BinaryConfusionReport(binary.positiveClass(), binary.negativeClass(),
                binary.truePositives(), binary.falsePositives(), binary.falseNegatives(), binary.trueNegatives());
    }
}
