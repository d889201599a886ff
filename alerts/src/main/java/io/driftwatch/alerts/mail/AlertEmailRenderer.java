package io.driftwatch.alerts.mail;

import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.schemas.record.AlertFinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns a group of alerts into the email a person reads: subject, HTML, plain text and a chart for each of
 * the {@code chartsMax} most drifted features. Pure: the same group gives the same email, with no I/O, so
 * it is tested without a server and the demo can save what it would send. Thread-safe.
 */
public final class AlertEmailRenderer {
    private final RenderSettings settings;

    public AlertEmailRenderer(RenderSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    public AlertEmail render(AlertGroup group) {
        Incident incident = Incident.of(requireNonNull(group, "group"));
        String subject = SubjectLine.of(incident);
        Optional<String> dashboard = GrafanaLink.of(settings.grafanaBaseUrl(), incident.model(), incident.version(),
                incident.since(), incident.until());
        Map<String, String> chartIds = new LinkedHashMap<>();
        List<InlineImage> images = new ArrayList<>();
        for (AlertFinding finding : incident.drifted()) {
            if (images.size() >= settings.chartsMax() || finding.getSummary() == null) {
                continue;
            }
            String contentId = "chart-" + (images.size() + 1) + "@driftwatch";
            Optional<byte[]> png = DistributionChart.png(finding.getSummary(), incident.referenceName());
            if (png.isPresent()) {
                chartIds.put(finding.getFeature(), contentId);
                images.add(new InlineImage(contentId, incident.referenceName() + " and current distribution of "
                        + finding.getFeature(), png.get()));
            }
        }
        return new AlertEmail(subject, HtmlBody.render(incident, subject, dashboard, chartIds),
                TextBody.render(incident, dashboard), images);
    }
}
