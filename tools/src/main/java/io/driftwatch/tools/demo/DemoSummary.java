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
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The end-of-demo summary a person reads in ten seconds: one line per window (drift verdict and drifted features
 * from the drift reports, accuracy and labels from the final quality reports), the triggers as CI reads them, the
 * emails caught with their files, and whether everything planted was found.
 */
final class DemoSummary {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DemoScenario scenario;

    DemoSummary(DemoScenario scenario) {
        this.scenario = scenario;
    }

    void print(PrintWriter out, DemoObservation observation, List<CaughtEmail> emails, String triggerTopic) {
        out.printf(Locale.ROOT, "Windows of model %s %s (%d min of event time each, compared with the training baseline):%n",
                CreditTraffic.MODEL, CreditTraffic.VERSION, scenario.window().toMinutes());
        out.printf(Locale.ROOT, "  %-3s %-12s %7s  %-8s %-9s %-9s %s%n", "#", "start (UTC)", "records", "drift", "accuracy", "labelled",
                "drifted features");
        for (int window = 0; window < scenario.windows(); window++) {
            Instant start = scenario.windowStart(window);
            DriftReport drift = observation.driftByWindow().get(start);
            QualityReport quality = observation.qualityByWindow().get(start);
            out.printf(Locale.ROOT, "  %-3d %-12s %7s  %-8s %-9s %-9s %s%s%n", window + 1, TIME.format(start),
                    drift == null ? "-" : Long.toString(drift.getRecords()), verdict(drift), accuracy(quality),
                    quality == null ? "-" : quality.getLabelled() + "/" + quality.getPredictions(), driftedFeatures(drift),
                    window == scenario.driftFromWindow() ? "   <- drift planted here" : "");
        }
        out.println();
        out.println("Triggers committed to " + triggerTopic + " (read back with read_committed, as CI reads them):");
        if (observation.triggers().isEmpty()) {
            out.println("  none");
        }
        for (RetrainingTrigger trigger : observation.triggers()) {
            out.printf(Locale.ROOT, "  %-17s windows %s: %s%n", trigger.getRule(), windows(trigger.getWindows()), trigger.getSummary());
        }
        out.println();
        out.println("Alert emails caught by the SMTP catcher (each saved as .eml and .html):");
        if (emails.isEmpty()) {
            out.println("  none");
        }
        for (CaughtEmail email : emails) {
            out.println("  " + email.subject());
            out.println("    " + email.html());
            out.println("    " + email.eml());
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
