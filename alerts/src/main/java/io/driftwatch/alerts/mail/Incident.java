package io.driftwatch.alerts.mail;

import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.SkewKind;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What one email says, derived from a group of alert events: the worst severity, the drifted features
 * (each feature once, at its strongest window) in rank order where the windows rank them, else by effect
 * ({@link DriftedFeatures}), the schema findings, the windows whose model quality broke a rule, those whose
 * multivariate drift alerted, the windows in time order and the triggers that fired. The subject, HTML and
 * text are three views of this one value.
 *
 * @param qualityWindows the windows that carry a quality finding, in time order
 * @param multivariateWindows the windows that carry a multivariate drift finding, in time order
 * @param ranking how {@code drifted} is ordered, for a person (the newest window's ranking); null when by effect
 * @param triggers       each trigger that fired, once: its id, with the rule and the policy it fired under where known
 */
record Incident(String model, String version, AlertSeverity severity, List<AlertFinding> drifted,
                List<AlertFinding> schemaFindings, List<AlertEvent> qualityWindows, List<AlertEvent> multivariateWindows,
                List<AlertEvent> windows, List<String> triggers, @Nullable String comparison, @Nullable String ranking,
                List<String> alertIds) {
    private static final Set<String> SCHEMA_TESTS = Stream.of(SkewKind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    Incident {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
        requireNonNull(severity, "severity");
        drifted = List.copyOf(drifted);
        schemaFindings = List.copyOf(schemaFindings);
        qualityWindows = List.copyOf(qualityWindows);
        multivariateWindows = List.copyOf(multivariateWindows);
        windows = List.copyOf(windows);
        triggers = List.copyOf(triggers);
        alertIds = List.copyOf(alertIds);
    }

    /** A trigger as the email names it: its id, the rule that fired and the policy it fired under, where known. */
    private static String triggerLine(AlertEvent event) {
        String line = String.valueOf(event.getTriggerId());
        if (event.getTriggerRule() != null) {
            line += " (rule " + event.getTriggerRule() + (event.getPolicyId() != null ? ", policy " + event.getPolicyId() : "") + ")";
        }
        return line;
    }

    static Incident of(AlertGroup group) {
        List<AlertEvent> windows = group.events().stream()
                .sorted(Comparator.comparing(AlertEvent::getWindowStart).thenComparing(AlertEvent::getAlertId)).toList();
        AlertSeverity severity = windows.stream().map(AlertEvent::getSeverity).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, AlertFinding> strongestByFeature = new LinkedHashMap<>();
        Map<String, AlertFinding> schemaByKey = new LinkedHashMap<>();
        for (AlertEvent event : windows) {
            for (AlertFinding finding : event.getFindings()) {
                if (isSchemaFinding(finding)) {
                    schemaByKey.putIfAbsent(finding.getFeature() + '\u0000' + finding.getTest(), finding);
                } else {
                    strongestByFeature.merge(finding.getFeature(), finding,
                            (kept, candidate) -> candidate.getEffect() > kept.getEffect() ? candidate : kept);
                }
            }
        }
        List<AlertFinding> drifted = DriftedFeatures.ordered(windows, strongestByFeature);
        List<AlertFinding> schema = schemaByKey.values().stream()
                .sorted(Comparator.comparingDouble(AlertFinding::getEffect).reversed().thenComparing(AlertFinding::getFeature)).toList();
        List<AlertEvent> quality = windows.stream().filter(event -> event.getQuality() != null).toList();
        List<AlertEvent> multivariate = windows.stream().filter(event -> event.getMultivariate() != null).toList();
        Map<String, String> triggerLines = new LinkedHashMap<>();
        windows.stream().filter(event -> event.getTriggerId() != null)
                .forEach(event -> triggerLines.putIfAbsent(event.getTriggerId(), triggerLine(event)));
        List<String> triggers = List.copyOf(triggerLines.values());
        String comparison = windows.stream().map(AlertEvent::getComparison).filter(Objects::nonNull).findFirst().orElse(null);
        return new Incident(group.model(), group.version(), severity, drifted, schema, quality, multivariate, windows, triggers,
                comparison, DriftedFeatures.ranking(windows), group.alertIds());
    }

    static boolean isSchemaFinding(AlertFinding finding) {
        return SCHEMA_TESTS.contains(finding.getTest());
    }

    /** A schema error outranks any drift: the model is being fed something it was not trained on. */
    boolean hasSchemaError() {
        return schemaFindings.stream().anyMatch(finding -> finding.getEffect() == Double.MAX_VALUE);
    }

    boolean triggered() {
        return windows.stream().anyMatch(Incident::triggered);
    }

    private static boolean triggered(AlertEvent event) {
        return event.getKind() == AlertKind.TRIGGER || event.getTriggerId() != null;
    }

    /** Whether any window was compared for drift, so that "compared with" means something. */
    boolean comparedForDrift() {
        return windows.stream().anyMatch(event -> event.getKind() != AlertKind.QUALITY);
    }

    Instant since() {
        return windows.get(0).getWindowStart();
    }

    Instant until() {
        return windows.stream().map(AlertEvent::getWindowEnd).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** What the current window was compared with, in words. */
    String referenceName() {
        return "PREVIOUS_WINDOW".equals(comparison) ? "previous window" : "baseline";
    }

    /**
     * The worst finding in a few words: the schema error, else the latest broken quality rule (what the
     * model's users feel), else the first drifted feature (top ranked, or largest effect), else the latest multivariate
     * drift, else the title.
     */
    String worst() {
        if (hasSchemaError()) {
            AlertFinding error = schemaFindings.get(0);
            return "schema error: " + error.getTest().replace('_', ' ') + " " + error.getFeature();
        }
        if (!qualityWindows.isEmpty()) {
            return QualityLine.sentence(qualityWindows.get(qualityWindows.size() - 1));
        }
        if (!drifted.isEmpty()) {
            AlertFinding top = drifted.get(0);
            return top.getFeature() + " drifted (" + FindingLine.brief(top) + ")";
        }
        if (!multivariateWindows.isEmpty()) {
            return MultivariateLine.brief(MultivariateLine.finding(multivariateWindows.get(multivariateWindows.size() - 1)));
        }
        if (!schemaFindings.isEmpty()) {
            return schemaFindings.get(0).getTest().replace('_', ' ') + " " + schemaFindings.get(0).getFeature();
        }
        return windows.get(windows.size() - 1).getTitle();
    }

    /** The title of the latest quality window, else of the first window that triggered, else of the latest. */
    String headline() {
        if (!qualityWindows.isEmpty()) {
            return qualityWindows.get(qualityWindows.size() - 1).getTitle();
        }
        return windows.stream().filter(Incident::triggered).map(AlertEvent::getTitle).findFirst()
                .orElse(windows.get(windows.size() - 1).getTitle());
    }
}
