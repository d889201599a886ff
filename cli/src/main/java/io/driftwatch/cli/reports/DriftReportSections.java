package io.driftwatch.cli.reports;

import io.driftwatch.alerts.mail.Html;
import io.driftwatch.cli.quality.AlertTableSection;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.RankedFeature;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The sections a window's page shows above its columns when its report has them: the multivariate drift (as
 * {@code check --multivariate pca} shows a chunk's: the thresholds, then the window's value, sampling error, band and
 * alert) and the feature ranking (every ranked feature with its rank, alerts, and correlation and p-value where the
 * ranking is by correlation). Empty for a report with neither.
 */
final class DriftReportSections {
    private static final String NO_VALUE = AlertTableSection.NO_VALUE;

    private DriftReportSections() {
    }

    static String html(DriftReport report) {
        return multivariate(report.getMultivariate()) + ranking(report.getFeatureRanking());
    }

    private static String multivariate(@Nullable MultivariateDrift drift) {
        if (drift == null) {
            return "";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"", "rows", "value", "sampling error", "band (±3 SE)", "alerts"});
        rows.add(new String[]{"thresholds", "", range(drift.getThresholdLower(), drift.getThresholdUpper()), "", "", ""});
        rows.add(new String[]{"this window", Long.toString(drift.getRows()), number(drift.getValue()), number(drift.getSamplingError()),
                range(drift.getLower(), drift.getUpper()), drift.getAlert() ? "reconstruction_error" : NO_VALUE});
        String meta = "the mean distance of the window's inferences from their reconstruction by the baseline's PCA fit over "
                + drift.getFeatures().size() + " features (" + String.join(", ", drift.getFeatures()) + "): it rises when they "
                + "stop moving together as in training, which no single feature's test sees"
                + (drift.getRowsOfEarlierFits() > 0 ? "; " + drift.getRowsOfEarlierFits()
                + " inferences scored with an earlier baseline's fit are left out" : "");
        return AlertTableSection.html("Multivariate drift (PCA reconstruction error)", Html.escape(meta), rows);
    }

    private static String ranking(@Nullable FeatureRanking ranking) {
        if (ranking == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(2048);
        html.append("<section>\n<h2>Feature ranking</h2>\n<div class=\"card scroll\"><p class=\"meta\">")
                .append(Html.escape(RankingCell.how(ranking))).append("; alerts and emails list the drifted ")
                .append("features in this order</p><table><tr><th>rank</th><th>feature</th><th>alerts</th><th>correlation</th>")
                .append("<th>p-value</th></tr>\n");
        for (RankedFeature feature : RankingCell.sorted(ranking)) {
            html.append("<tr><td>").append(feature.getRank()).append("</td><td>").append(Html.escape(feature.getFeature()))
                    .append("</td><td>").append(feature.getAlerts()).append("</td><td>").append(number(feature.getCorrelation()))
                    .append("</td><td>").append(number(feature.getPValue())).append("</td></tr>\n");
        }
        return html.append("</table></div>\n</section>\n").toString();
    }

    private static String range(@Nullable Double lower, @Nullable Double upper) {
        return lower == null && upper == null ? NO_VALUE : "[" + number(lower) + ", " + number(upper) + "]";
    }

    private static String number(@Nullable Double value) {
        return value == null ? NO_VALUE : Cells.number(value);
    }
}
