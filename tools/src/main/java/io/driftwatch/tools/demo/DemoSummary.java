package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;
import org.jspecify.annotations.Nullable;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The end-of-demo summary a person reads in ten seconds, per model: the policy it ran under (id and file), one line per
 * window (drift verdict and drifted features from the drift reports, accuracy and labels from the final quality
 * reports), for the credit model its estimated accuracy beside the realized one ({@link EstimateLines}) and the
 * expectation its policy saw broken, its triggers as CI reads them with the rule each fired under, and its emails with
 * their recipients and files.
 */
final class DemoSummary {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DemoScenario scenario;
    private final DemoExpectations expectations;

    DemoSummary(DemoScenario scenario, DemoExpectations expectations) {
        this.scenario = scenario;
        this.expectations = expectations;
    }

    void print(PrintWriter out, DemoObservations observations, Collection<DemoPolicies.Published> policies, List<CaughtEmail> emails,
               String triggerTopic) {
        out.println("Each model's windows are cut as its policy says: " + policies.stream().map(policy -> policy.model() + " "
                + policy.window().toMinutes() + " min").collect(Collectors.joining(", ")) + " of event time.");
        for (DemoPolicies.Published policy : policies) {
            out.println();
            printModel(out, policy, observations.of(policy.model()), emails, triggerTopic);
        }
    }

    private void printModel(PrintWriter out, DemoPolicies.Published policy, DemoObservation observation, List<CaughtEmail> emails,
                            String triggerTopic) {
        String modelVersion = policy.model() + " " + policy.version();
        out.printf(Locale.ROOT, "Model %s under policy %s (%s): %d of %d windows reported, %d with dataset drift%n", modelVersion,
                policy.policyId(), policy.file().getFileName(), observation.driftByWindow().size(), policy.windows(scenario),
                observation.driftedWindows());
        printWindows(out, policy, observation);
        if (policy.model().equals(CreditTraffic.MODEL)) {
            EstimateLines.print(out, scenario, policy, observation);
            out.println("  Expectation broken: " + expectations.brokenExpectation(observation)
                    .map(f -> f.getFeature() + " " + f.getKind().name().toLowerCase(Locale.ROOT) + " (" + f.getSeverity().name()
                            .toLowerCase(Locale.ROOT) + "): " + f.getDetail()).orElse("none"));
        }
        out.println("  Triggers committed to " + triggerTopic + " (read back with read_committed, as CI reads them):");
        if (observation.triggers().isEmpty()) {
            out.println("    none");
        }
        for (RetrainingTrigger trigger : observation.triggers()) {
            out.printf(Locale.ROOT, "    %-17s windows %s: %s%n      rule: %s%n", trigger.getRule(), windows(trigger.getWindows()),
                    trigger.getSummary(), trigger.getRuleDescription());
        }
        List<CaughtEmail> about = emails.stream().filter(e -> DemoExpectations.about(modelVersion, e)).toList();
        out.println("  Alert emails caught by the SMTP catcher (each saved as .eml and .html):");
        if (about.isEmpty()) {
            out.println("    none");
        }
        for (CaughtEmail email : about) {
            out.println("    " + email.subject());
            out.println("      to " + String.join(", ", email.recipients()) + ": " + email.html());
        }
    }

    private void printWindows(PrintWriter out, DemoPolicies.Published policy, DemoObservation observation) {
        out.printf(Locale.ROOT, "  %-3s %-12s %7s  %-8s %-9s %-9s %s%n", "#", "start (UTC)", "records", "drift", "accuracy", "labelled",
                "drifted features");
        int driftWindow = expectations.driftWindow(policy);
        for (int window = 0; window < policy.windows(scenario); window++) {
            Instant start = policy.windowStart(scenario, window);
            DriftReport drift = observation.driftByWindow().get(start);
            QualityReport quality = observation.qualityByWindow().get(start);
            out.printf(Locale.ROOT, "  %-3d %-12s %7s  %-8s %-9s %-9s %s%s%n", window + 1, TIME.format(start),
                    drift == null ? "-" : Long.toString(drift.getRecords()), verdict(drift), accuracy(quality),
                    quality == null || quality.getLabelled() == 0 ? "-" : quality.getLabelled() + "/" + quality.getPredictions(),
                    driftedFeatures(drift), window == driftWindow ? "   <- drift planted here" : "");
        }
    }

    private static String verdict(@Nullable DriftReport drift) {
        if (drift == null) {
            return "-";
        }
        if (drift.getVerdictWithheld() != null) {
            return "withheld";
        }
        return drift.getDatasetDrift() ? "DRIFT" : "no";
    }

    private static String accuracy(@Nullable QualityReport quality) {
        Double accuracy = quality == null ? null : quality.getMetrics().get("accuracy");
        return accuracy == null ? "-" : String.format(Locale.ROOT, "%.2f", accuracy);
    }

    private static String driftedFeatures(@Nullable DriftReport drift) {
        if (drift == null) {
            return "";
        }
        return drift.getColumns().stream().filter(c -> c.getVerdict() == DriftVerdict.DRIFT).map(ColumnDrift::getFeature)
                .collect(Collectors.joining(", "));
    }

    private static String windows(List<WindowRef> windows) {
        return windows.stream().map(w -> TIME.format(w.getStart()) + "-" + TIME.format(w.getEnd()).substring(6))
                .collect(Collectors.joining(", "));
    }
}
