package io.driftwatch.cli.estimate;

import io.driftwatch.alerts.mail.Html;
import io.driftwatch.cli.quality.AlertTableSection;
import io.driftwatch.cli.report.TableReport;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MetricEstimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The estimated performance per chunk as the table report prints it and the HTML report shows it: a row per chunk
 * with each metric's estimate and, where the chunk has labels, the realized value in brackets, then the metrics
 * whose estimate lies outside its thresholds, under a row of the thresholds themselves. The estimate next to the
 * realized value is how a user learns whether to trust the estimates of the chunks that have no labels yet.
 */
public final class EstimationTable {
    private static final String NO_VALUE = AlertTableSection.NO_VALUE;

    private EstimationTable() {
    }

    /** The header, the thresholds' row, then a row per chunk of the current file. */
    static List<String[]> rows(EstimatedChunks estimation) {
        List<EstimatedMetric> metrics = estimation.metrics();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("chunk", "rows"));
        metrics.forEach(metric -> header.add(metric.metricName()));
        header.add("alerts");
        rows.add(header.toArray(String[]::new));
        List<String> thresholds = new ArrayList<>(List.of("thresholds", ""));
        for (EstimatedMetric metric : metrics) {
            MetricBand band = estimation.thresholds().get(metric);
            thresholds.add(band == null ? NO_VALUE : "[" + number(band.lower()) + ", " + number(band.upper()) + "]");
        }
        thresholds.add("");
        rows.add(thresholds.toArray(String[]::new));
        for (ChunkEstimate chunk : estimation.chunks()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(chunk.index()), Integer.toString(chunk.rows())));
            for (EstimatedMetric metric : metrics) {
                MetricEstimate estimate = chunk.estimates().get(metric);
                cells.add(estimate == null || Double.isNaN(estimate.value()) ? NO_VALUE : number(estimate.value())
                        + (Double.isNaN(estimate.realized()) ? "" : " (" + number(estimate.realized()) + ")"));
            }
            List<EstimatedMetric> alerts = chunk.alerts();
            cells.add(alerts.isEmpty() ? NO_VALUE : String.join(", ", alerts.stream().map(EstimatedMetric::metricName).toList()));
            rows.add(cells.toArray(String[]::new));
        }
        return rows;
    }

    public static String render(EstimatedChunks estimation) {
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator()).append("Estimated performance per chunk (").append(estimation.headline())
                .append("):").append(System.lineSeparator());
        TableReport.appendAligned(out, rows(estimation));
        return out.toString();
    }

    public static String section(EstimatedChunks estimation) {
        return AlertTableSection.html("Estimated performance per chunk", Html.escape(estimation.headline()), rows(estimation));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
