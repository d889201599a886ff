package io.driftwatch.cli.quality;

import io.driftwatch.cli.report.TableReport;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.quality.QualityMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model's quality per chunk, as the table report prints it and the HTML report shows it: a row per chunk with
 * its labelled rows, each metric, and the metrics outside their bands, under a row of the bands themselves, so the
 * on-call person sees in which chunk the model began to do worse and by how much.
 */
public final class ChunkQualityTable {
    private static final String NO_VALUE = AlertTableSection.NO_VALUE;

    private ChunkQualityTable() {
    }

    /** The header, the bands' row, then a row per chunk of the current file (and of the reference when asked). */
    static List<String[]> rows(ChunkQuality quality, boolean withReferenceChunks) {
        List<String> metrics = metrics(quality);
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("chunk", "labelled"));
        header.addAll(metrics);
        header.add("alerts");
        rows.add(header.toArray(String[]::new));
        List<String> bands = new ArrayList<>(List.of("band", ""));
        for (String metric : metrics) {
            MetricBand band = quality.bands().get(metric);
            bands.add(band == null ? NO_VALUE : "[" + number(band.lower()) + ", " + number(band.upper()) + "]");
        }
        bands.add("");
        rows.add(bands.toArray(String[]::new));
        addChunks(rows, "", quality.chunks(), metrics, quality);
        if (withReferenceChunks) {
            addChunks(rows, "reference ", quality.referenceChunks(), metrics, quality);
        }
        return rows;
    }

    public static String render(ChunkQuality quality, boolean withReferenceChunks) {
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator()).append("Quality per chunk (bands: mean -/+ 3 standard deviations over the"
                + " reference's chunks; informs, never changes the exit code):").append(System.lineSeparator());
        TableReport.appendAligned(out, rows(quality, withReferenceChunks));
        return out.toString();
    }

    public static String section(ChunkQuality quality, boolean withReferenceChunks) {
        return AlertTableSection.html("Quality per chunk", "bands: mean &minus;/+ 3 standard deviations over the reference's"
                + " chunks; informs, never changes the exit code", rows(quality, withReferenceChunks));
    }

    private static void addChunks(List<String[]> rows, String prefix, List<FileQuality> chunks, List<String> metrics,
                                  ChunkQuality quality) {
        for (int index = 0; index < chunks.size(); index++) {
            FileQuality chunk = chunks.get(index);
            List<String> cells = new ArrayList<>(List.of(prefix + index,
                    chunk.summary() == null ? NO_VALUE : Long.toString(chunk.summary().labelled())));
            for (String metric : metrics) {
                double value = ChunkQuality.valueOf(chunk, metric, quality.request());
                cells.add(Double.isNaN(value) ? NO_VALUE : number(value));
            }
            List<String> alerts = quality.alerts(chunk);
            cells.add(alerts.isEmpty() ? NO_VALUE : String.join(", ", alerts));
            rows.add(cells.toArray(String[]::new));
        }
    }

    /** The metrics any chunk has, in {@link QualityMetric}'s order: the business value, last, whenever a matrix was given. */
    private static List<String> metrics(ChunkQuality quality) {
        List<String> metrics = new ArrayList<>();
        List<FileQuality> all = new ArrayList<>(quality.chunks());
        all.addAll(quality.referenceChunks());
        for (String metric : QualityMetric.names()) {
            boolean shown = ChunkQuality.BUSINESS_VALUE.equals(metric) ? quality.request().businessValue() != null
                    : all.stream().anyMatch(chunk -> !Double.isNaN(ChunkQuality.valueOf(chunk, metric, quality.request())));
            if (shown) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
