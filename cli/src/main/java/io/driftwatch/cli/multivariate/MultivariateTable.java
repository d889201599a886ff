package io.driftwatch.cli.multivariate;

import io.driftwatch.alerts.mail.Html;
import io.driftwatch.cli.quality.AlertTableSection;
import io.driftwatch.cli.report.TableReport;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.ReconstructionErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The multivariate drift per chunk as the table report prints it and the HTML report shows it: a row of the
 * thresholds, then a row per chunk of the current file with its mean reconstruction error, sampling error, band and
 * whether it alerts.
 */
public final class MultivariateTable {
    private static final String TITLE = "Multivariate drift per chunk (PCA reconstruction error)";
    private static final String NO_VALUE = AlertTableSection.NO_VALUE;

    private MultivariateTable() {
    }

    /** The header, the thresholds' row, then a row per chunk of the current file. */
    static List<String[]> rows(MultivariateChunks multivariate) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"chunk", "rows", "value", "sampling error", "band", "alerts"});
        MetricBand thresholds = multivariate.thresholds();
        rows.add(new String[]{"thresholds", "", thresholds == null ? NO_VALUE : range(thresholds.lower(), thresholds.upper()),
                "", "", ""});
        for (ChunkReconstruction chunk : multivariate.chunks()) {
            ReconstructionErrors errors = chunk.errors();
            rows.add(new String[]{Integer.toString(chunk.index()), Long.toString(errors.count()), number(errors.value()),
                    number(errors.samplingError()), Double.isNaN(errors.samplingError()) ? NO_VALUE
                    : range(errors.confidenceBand().lower(), errors.confidenceBand().upper()),
                    chunk.alert() ? "reconstruction_error" : NO_VALUE});
        }
        return rows;
    }

    /** The table with its heading line, for the table report. */
    public static String render(MultivariateChunks multivariate) {
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator()).append(TITLE).append(", ").append(headline(multivariate)).append(':')
                .append(System.lineSeparator());
        TableReport.appendAligned(out, rows(multivariate));
        return out.toString();
    }

    /** The table as a section of the HTML report. */
    public static String section(MultivariateChunks multivariate) {
        return AlertTableSection.html(TITLE, Html.escape(headline(multivariate)), rows(multivariate));
    }

    private static String headline(MultivariateChunks multivariate) {
        int components = multivariate.fit().subspace().componentCount();
        return components + (components == 1 ? " component" : " components") + " of "
                + String.join(", ", multivariate.features().names()) + "; informs, never changes the exit code";
    }

    private static String range(double lower, double upper) {
        return "[" + number(lower) + ", " + (Double.isInfinite(upper) ? "inf" : number(upper)) + "]";
    }

    private static String number(double value) {
        return Double.isNaN(value) ? NO_VALUE : String.format(Locale.ROOT, "%.4f", value);
    }
}
