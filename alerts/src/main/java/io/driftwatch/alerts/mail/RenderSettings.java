package io.driftwatch.alerts.mail;

import static java.util.Objects.requireNonNull;

/**
 * What an email links to and how much it draws: the Grafana base URL (empty: no link) and how many of the
 * most drifted features get a chart.
 */
public record RenderSettings(String grafanaBaseUrl, int chartsMax) {
    public RenderSettings {
        requireNonNull(grafanaBaseUrl, "grafanaBaseUrl");
        if (chartsMax < 0) {
            throw new IllegalArgumentException("chartsMax " + chartsMax + " is negative");
        }
    }
}
