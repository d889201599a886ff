package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.CategoryShare;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.schemas.record.QuantilePair;

import java.util.Map;
import java.util.Optional;

import static io.driftwatch.alerts.mail.Html.escape;

/**
 * The HTML body: one narrow column with inline styles (mail clients drop style sheets), readable on a phone.
 * Top to bottom: what happened and how bad, what to do, the facts (model, version, since, reference,
 * trigger), the broken quality rules, the multivariate drift, the drifted features ranked with their numbers and charts, schema
 * findings, the windows, and the alert ids. Every value from a record passes through {@link Html#escape}.
 */
final class HtmlBody {
    private static final String CELL = "padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top";
    private static final String NUM = "padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap;vertical-align:top";
    private static final String H2 = "font-size:16px;margin:24px 0 8px 0;color:#111827";

    private HtmlBody() {
    }

    /** @param chartIds content id of the chart of each feature that has one */
    static String render(Incident incident, String subject, Optional<String> dashboard, Map<String, String> chartIds) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").append(escape(subject))
                .append("</title></head><body style=\"margin:0;padding:0;background:#f3f4f6;color:#111827;")
                .append("font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45\">")
                .append("<div style=\"max-width:640px;margin:0 auto;background:#ffffff\">");
        header(html, incident);
        html.append("<div style=\"padding:16px 20px\">");
        html.append("<p style=\"font-size:16px;margin:0 0 12px 0\"><b>Worst:</b> ").append(escape(incident.worst())).append("</p>");
        html.append("<p style=\"margin:0 0 12px 0\"><b>What to do:</b> ").append(escape(TextBody.advice(incident))).append("</p>");
        facts(html, incident);
        dashboard.ifPresent(url -> html.append("<p style=\"margin:16px 0\"><a href=\"").append(escape(url))
                .append("\" style=\"background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;")
                .append("display:inline-block;font-weight:600\">Open the dashboard</a></p>"));
        quality(html, incident);
        for (AlertEvent window : incident.multivariateWindows()) {
            html.append("<p style=\"margin:16px 0 0 0\"><b>Multivariate drift:</b> ").append(escape(MultivariateLine.details(window)))
                    .append("</p>");
        }
        drifted(html, incident, chartIds);
        schema(html, incident);
        windows(html, incident);
        html.append("<p style=\"color:#6b7280;font-size:12px;margin-top:24px\">Alert ids: ")
                .append(escape(String.join(", ", incident.alertIds())))
                .append(". Sent once per id by driftwatch alerts; alerts of one model version close together share one email.</p>");
        return html.append("</div></div></body></html>").toString();
    }

    private static void header(StringBuilder html, Incident incident) {
        String color = incident.severity() == AlertSeverity.CRITICAL ? "#b91c1c" : incident.severity() == AlertSeverity.WARNING ? "#b45309" : "#1d4ed8";
        html.append("<div style=\"background:").append(color).append(";color:#ffffff;padding:16px 20px\">")
                .append("<div style=\"font-size:12px;letter-spacing:0.08em\">").append(incident.severity().name())
                .append(" &middot; DRIFTWATCH</div><div style=\"font-size:20px;font-weight:600;margin-top:4px\">")
                .append(escape(incident.headline())).append("</div></div>");
    }

    private static void facts(StringBuilder html, Incident incident) {
        html.append("<table style=\"border-collapse:collapse;width:100%\">");
        fact(html, "Model", incident.model());
        fact(html, "Version", incident.version());
        fact(html, "Since", incident.since() + " (window start, event time)");
        if (incident.comparedForDrift()) {
            fact(html, "Compared with", incident.referenceName());
        }
        if (!incident.triggers().isEmpty()) {
            fact(html, "Retraining trigger", String.join(", ", incident.triggers()));
        }
        html.append("</table>");
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<tr><th style=\"").append(CELL).append(";color:#6b7280;font-weight:normal;width:35%\">").append(name)
                .append("</th><td style=\"").append(CELL).append("\">").append(escape(value)).append("</td></tr>");
    }

    private static void quality(StringBuilder html, Incident incident) {
        if (incident.qualityWindows().isEmpty()) {
            return;
        }
        html.append("<h2 style=\"").append(H2).append("\">Model quality</h2><ul style=\"margin:0;padding-left:20px\">");
        for (AlertEvent window : incident.qualityWindows()) {
            html.append("<li>").append(escape(QualityLine.full(window))).append("</li>");
        }
        html.append("</ul>");
    }

    private static void drifted(StringBuilder html, Incident incident, Map<String, String> chartIds) {
        if (incident.drifted().isEmpty()) {
            return;
        }
        boolean ranked = incident.drifted().stream().anyMatch(finding -> finding.getRank() != null);
        html.append("<h2 style=\"").append(H2).append("\">").append(escape(TextBody.driftedHeading(incident))).append("</h2>")
                .append("<table style=\"border-collapse:collapse;width:100%;font-size:13px\"><tr>");
        if (ranked) {
            html.append("<th style=\"").append(NUM).append(";color:#6b7280\">rank</th>");
        }
        for (String column : new String[]{"feature", "test against its rule", incident.referenceName() + " → current"}) {
            html.append("<th style=\"").append(CELL).append(";color:#6b7280\">").append(escape(column)).append("</th>");
        }
        html.append("</tr>");
        for (AlertFinding finding : incident.drifted()) {
            html.append("<tr>");
            if (ranked) {
                html.append("<td style=\"").append(NUM).append("\">").append(finding.getRank() == null ? "" : "#" + finding.getRank())
                        .append("</td>");
            }
            html.append("<td style=\"").append(CELL).append("\"><b>").append(escape(finding.getFeature())).append("</b></td><td style=\"")
                    .append(CELL).append("\">").append(escape(FindingLine.full(finding))).append("</td><td style=\"").append(CELL).append("\">")
                    .append(escape(TextBody.change(finding))).append("</td></tr>");
        }
        html.append("</table>");
        for (AlertFinding finding : incident.drifted()) {
            String chartId = chartIds.get(finding.getFeature());
            if (chartId != null && finding.getSummary() != null) {
                detail(html, finding, finding.getSummary(), chartId, incident.referenceName());
            }
        }
    }

    private static void detail(StringBuilder html, AlertFinding finding, FeatureSummary summary, String chartId, String referenceName) {
        html.append("<h3 style=\"font-size:14px;margin:20px 0 6px 0\">").append(escape(finding.getFeature())).append("</h3>")
                .append("<img src=\"cid:").append(escape(chartId)).append("\" width=\"").append(DistributionChart.WIDTH)
                .append("\" style=\"max-width:100%;height:auto;display:block\" alt=\"")
                .append(escape(referenceName + " and current distribution of " + finding.getFeature())).append("\">")
                .append("<table style=\"border-collapse:collapse;font-size:13px;margin-top:6px\">");
        if (!summary.getCategories().isEmpty()) {
            html.append("<tr><th style=\"").append(CELL).append("\">category</th><th style=\"").append(NUM).append("\">")
                    .append(escape(referenceName)).append("</th><th style=\"").append(NUM).append("\">current</th></tr>");
            for (CategoryShare share : summary.getCategories()) {
                html.append("<tr><td style=\"").append(CELL).append("\">").append(escape(share.getCategory())).append("</td><td style=\"")
                        .append(NUM).append("\">").append(Figures.percent(share.getReferenceShare())).append("</td><td style=\"")
                        .append(NUM).append("\">").append(Figures.percent(share.getCurrentShare())).append("</td></tr>");
            }
        } else {
            html.append("<tr><th style=\"").append(CELL).append("\"></th>");
            for (QuantilePair quantile : summary.getQuantiles()) {
                html.append("<th style=\"").append(NUM).append("\">").append(TextBody.rankName(quantile.getRank())).append("</th>");
            }
            html.append("</tr>");
            quantileRow(html, referenceName, summary, true);
            quantileRow(html, "current", summary, false);
        }
        html.append("</table>");
    }

    private static void quantileRow(StringBuilder html, String name, FeatureSummary summary, boolean reference) {
        html.append("<tr><td style=\"").append(CELL).append("\">").append(escape(name)).append("</td>");
        for (QuantilePair quantile : summary.getQuantiles()) {
            html.append("<td style=\"").append(NUM).append("\">")
                    .append(Figures.of(reference ? quantile.getReference() : quantile.getCurrent())).append("</td>");
        }
        html.append("</tr>");
    }

    private static void schema(StringBuilder html, Incident incident) {
        if (incident.schemaFindings().isEmpty()) {
            return;
        }
        html.append("<h2 style=\"").append(H2).append("\">Schema findings</h2><ul style=\"margin:0;padding-left:20px\">");
        for (AlertFinding finding : incident.schemaFindings()) {
            html.append("<li><b>").append(escape(finding.getFeature())).append("</b>: ").append(escape(finding.getTest().replace('_', ' ')))
                    .append(finding.getEffect() == Double.MAX_VALUE ? " (error)" : "").append(" &mdash; ")
                    .append(escape(finding.getDetail())).append("</li>");
        }
        html.append("</ul>");
    }

    private static void windows(StringBuilder html, Incident incident) {
        html.append("<h2 style=\"").append(H2).append("\">Windows</h2><ul style=\"margin:0;padding-left:20px\">");
        for (AlertEvent window : incident.windows()) {
            html.append("<li>").append(escape(window.getWindowStart() + " to " + window.getWindowEnd())).append(": ")
                    .append(escape(window.getTitle())).append("</li>");
        }
        html.append("</ul>");
    }
}
