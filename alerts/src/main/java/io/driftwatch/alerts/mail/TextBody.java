package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.CategoryShare;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.schemas.record.QuantilePair;

import java.util.Locale;
import java.util.Optional;

/**
 * The plain-text alternative: the same content as the HTML, for clients that show no HTML and for people who
 * prefer text. Also the wording both bodies share (the advice, a finding's change in one line).
 */
final class TextBody {
    private TextBody() {
    }

    static String render(Incident incident, Optional<String> dashboard) {
        StringBuilder text = new StringBuilder(4_096);
        text.append(incident.severity().name()).append(": ").append(incident.headline()).append("\n\n")
                .append("Worst: ").append(incident.worst()).append('\n')
                .append("What to do: ").append(advice(incident)).append("\n\n")
                .append("Model:         ").append(incident.model()).append('\n')
                .append("Version:       ").append(incident.version()).append('\n')
                .append("Since:         ").append(incident.since()).append(" (window start, event time)\n");
        if (incident.comparedForDrift()) {
            text.append("Compared with: ").append(incident.referenceName()).append('\n');
        }
        if (!incident.triggers().isEmpty()) {
            text.append("Trigger:       ").append(String.join(", ", incident.triggers())).append('\n');
        }
        dashboard.ifPresent(url -> text.append("Dashboard:     ").append(url).append('\n'));
        if (!incident.qualityWindows().isEmpty()) {
            text.append("\nModel quality:\n");
            for (AlertEvent window : incident.qualityWindows()) {
                text.append("- ").append(QualityLine.full(window)).append('\n');
            }
        }
        if (!incident.multivariateWindows().isEmpty()) {
            text.append('\n');
            incident.multivariateWindows().forEach(window -> text.append(MultivariateLine.full(window)).append('\n'));
        }
        if (!incident.drifted().isEmpty()) {
            text.append("\n").append(driftedHeading(incident)).append(":\n");
            for (AlertFinding finding : incident.drifted()) {
                text.append("- ").append(finding.getRank() == null ? "" : "#" + finding.getRank() + " ").append(finding.getFeature()).append(" — ").append(FindingLine.full(finding))
                        .append("; ").append(change(finding)).append('\n');
                if (finding.getSummary() != null && !finding.getSummary().getQuantiles().isEmpty()) {
                    text.append("  ").append(quantiles(finding.getSummary(), incident.referenceName())).append('\n');
                }
            }
        }
        if (!incident.schemaFindings().isEmpty()) {
            text.append("\nSchema findings:\n");
            for (AlertFinding finding : incident.schemaFindings()) {
                text.append("- ").append(finding.getFeature()).append(": ").append(finding.getTest().replace('_', ' '))
                        .append(finding.getEffect() == Double.MAX_VALUE ? " (error)" : "").append(" - ").append(finding.getDetail()).append('\n');
            }
        }
        text.append("\nWindows:\n");
        for (AlertEvent window : incident.windows()) {
            text.append("- ").append(window.getWindowStart()).append(" to ").append(window.getWindowEnd()).append(": ")
                    .append(window.getTitle()).append('\n');
        }
        return text.append("\nAlert ids: ").append(String.join(", ", incident.alertIds())).append('\n').toString();
    }

    static String advice(Incident incident) {
        if (incident.hasSchemaError()) {
            return "the model is fed something it was not trained on (a feature missing, new, or of another type). "
                    + "Fix the producer of its inputs, or publish a baseline for the new schema with driftwatch baseline.";
        }
        if (!incident.qualityWindows().isEmpty() && incident.qualityWindows().stream().allMatch(QualityLine::estimated)) {
            return "the model's quality, ESTIMATED from its scores before any label (CBPE), fell below its reference"
                    + (incident.triggered() ? ", so retraining was triggered and CI should retrain" : "") + ". It is an estimate, "
                    + "not a measurement: check whether the scores shifted (new inputs, a changed calibration), and compare "
                    + "the realized quality when the labels come; drifted features, if listed, say what changed in the inputs.";
        }
        if (!incident.qualityWindows().isEmpty()) {
            return "the model's measured quality broke its rule" + (incident.triggered() ? ", so retraining was triggered and CI "
                    + "should retrain" : "") + ". First check that the labels behind it are right and on time (a broken label "
                    + "feed looks like a worse model); drifted features, if listed, say what changed in the inputs.";
        }
        if (incident.drifted().isEmpty() && !incident.multivariateWindows().isEmpty()) {
            return "the features move together otherwise than in training, though none drifted enough alone to alert. Look for "
                    + "a changed population mix (a new segment, channel or region) or a feed that pairs values from different "
                    + "rows" + (incident.triggered() ? "; retraining was triggered, so CI should retrain." : "; retraining is not triggered yet.");
        }
        if (incident.triggered()) {
            return "retraining was triggered, so CI should retrain. Before that model ships, check below whether the change "
                    + "is real (a shifted population) or a broken feed (one feature jumping alone).";
        }
        return "compare the features below with the " + incident.referenceName() + ". One feature jumping alone is "
                + "usually a broken feed; several moving together, a changed population. Retraining is not triggered yet.";
    }

    /** What the drifted features' list is headed with: how they are ordered. */
    static String driftedHeading(Incident incident) {
        String ranking = incident.ranking();
        return ranking == null ? "Drifted features, largest effect first" : "Drifted features, ranked by " + ranking;
    }

    /** A finding's change in one line: means and medians for numbers, the category that moved most. */
    static String change(AlertFinding finding) {
        FeatureSummary summary = finding.getSummary();
        if (summary == null) {
            return finding.getDetail();
        }
        if (!summary.getCategories().isEmpty()) {
            CategoryShare top = summary.getCategories().get(0);
            return top.getCategory() + " " + Figures.percent(top.getReferenceShare()) + " → " + Figures.percent(top.getCurrentShare());
        }
        StringBuilder change = new StringBuilder();
        if (summary.getReferenceMean() != null && summary.getCurrentMean() != null) {
            change.append("mean ").append(Figures.of(summary.getReferenceMean())).append(" → ").append(Figures.of(summary.getCurrentMean()));
        }
        summary.getQuantiles().stream().filter(q -> q.getRank() == 0.5).findFirst().ifPresent(median ->
                change.append(change.length() == 0 ? "" : ", ").append("median ").append(Figures.of(median.getReference()))
                        .append(" → ").append(Figures.of(median.getCurrent())));
        return change.length() == 0 ? finding.getDetail() : change.toString();
    }

    static String rankName(double rank) {
        return rank == 0.5 ? "median" : "p" + Figures.of(rank * 100);
    }

    private static String quantiles(FeatureSummary summary, String referenceName) {
        StringBuilder line = new StringBuilder();
        for (QuantilePair quantile : summary.getQuantiles()) {
            line.append(line.length() == 0 ? "" : ", ").append(rankName(quantile.getRank())).append(' ')
                    .append(Figures.of(quantile.getReference())).append(" → ").append(Figures.of(quantile.getCurrent()));
        }
        return String.format(Locale.ROOT, "%s → current: %s", referenceName, line);
    }
}
