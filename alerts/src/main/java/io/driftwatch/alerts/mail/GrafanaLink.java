package io.driftwatch.alerts.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The dashboard link of an incident: {@code {base}/d/driftwatch?var-model=..&var-version=..&from=..&to=..},
 * with the time range opened an hour either side of the windows involved. Values are URL-encoded; the HTML
 * body escapes the whole URL again for its attribute.
 */
final class GrafanaLink {
    private static final long MARGIN_MILLIS = 3_600_000L;

    private GrafanaLink() {
    }

    static Optional<String> of(String baseUrl, String model, String version, Instant since, Instant until) {
        if (baseUrl.isBlank()) {
            return Optional.empty();
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return Optional.of(base + "/d/driftwatch?var-model=" + encode(model) + "&var-version=" + encode(version)
                + "&from=" + (since.toEpochMilli() - MARGIN_MILLIS) + "&to=" + (until.toEpochMilli() + MARGIN_MILLIS));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
