package io.driftwatch.stats.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Whether a report's dataset verdict can be acted on, and why not. A CI gate that passes a broken feed is worse
 * than none: a column missing from the current data (or present but empty), a type change, no column compared
 * at all, or too few current rows, and the data set is {@link Outcome#NOT_JUDGED} rather than "no drift",
 * whatever the statistics of the columns that remain say. The statistics are still reported in full.
 *
 * @param outcome the verdict to act on
 * @param reasons why the data cannot be judged fairly, one sentence each; empty unless {@code NOT_JUDGED}
 */
public record DatasetJudgement(Outcome outcome, List<String> reasons) {

    /** What the data set amounts to. */
    public enum Outcome {
        NO_DRIFT, DRIFT, NOT_JUDGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DatasetJudgement {
        requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        if ((outcome == Outcome.NOT_JUDGED) == reasons.isEmpty()) {
            throw new IllegalArgumentException("a data set is not judged exactly when there are reasons, got "
                    + outcome + " with " + reasons);
        }
    }

    /**
     * @param report      the comparison
     * @param currentRows rows (records) of the current data, valid or not
     * @param minRows     fewest current rows a verdict needs
     */
    public static DatasetJudgement of(DriftComparison report, long currentRows, long minRows) {
        requireNonNull(report, "report");
        List<String> reasons = new ArrayList<>();
        for (SchemaFinding finding : report.schemaFindings()) {
            if (finding.severity() == SchemaFinding.Severity.ERROR) {
                reasons.add(String.format(Locale.ROOT, "%s: %s (%s)", finding.column(), finding.kind().label(),
                        finding.detail()));
            }
        }
        if (currentRows < minRows) {
            reasons.add(String.format(Locale.ROOT, "the current data has %d row%s, fewer than the %d a verdict needs",
                    currentRows, currentRows == 1 ? "" : "s", minRows));
        }
        if (report.dataset().columns() == 0) {
            reasons.add("no column could be compared: no test ran on any column both data sets share");
        }
        if (!reasons.isEmpty()) {
            return new DatasetJudgement(Outcome.NOT_JUDGED, reasons);
        }
        return new DatasetJudgement(report.dataset().driftDetected() ? Outcome.DRIFT : Outcome.NO_DRIFT, List.of());
    }
}
