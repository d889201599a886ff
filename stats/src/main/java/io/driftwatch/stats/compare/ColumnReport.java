package io.driftwatch.stats.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Everything the comparison found about one column present in both data sets.
 *
 * @param comparedAsCategories true when a numeric column with few distinct values was tested as labels
 * @param tests                verdicts by test name, in the order the tests ran
 * @param notApplicable        requested tests that cannot run on this column, with the reason
 * @param unseenCategories     categories the current data has and the reference never saw, sorted
 * @param informational        results of the {@link InformingTests} by test name, each with the threshold it
 *                             would be held to and what it would say; read by no verdict, score or trigger
 */
public record ColumnReport(String column, ColumnType type, boolean comparedAsCategories,
                           long referenceCount, long currentCount, long referenceMissing, long currentMissing,
                           Map<String, TestVerdict> tests, Map<String, String> notApplicable,
                           List<String> unseenCategories, Map<String, TestVerdict> informational) {
    public ColumnReport {
        requireNonNull(column, "column");
        requireNonNull(type, "type");
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
        notApplicable = Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
        unseenCategories = List.copyOf(unseenCategories);
        informational = Collections.unmodifiableMap(new LinkedHashMap<>(informational));
        for (String test : informational.keySet()) {
            if (tests.containsKey(test)) {
                throw new IllegalArgumentException("test " + test + " decides on column " + column
                        + "; it cannot also be informational");
            }
        }
    }

    /** From the deciding {@link #tests()} only: DRIFT when any test found drift, else INCONCLUSIVE when any test could not decide, else NO_DRIFT. */
    public Verdict verdict() {
        boolean inconclusive = false;
        for (TestVerdict verdict : tests.values()) {
            if (verdict.verdict() == Verdict.DRIFT) {
                return Verdict.DRIFT;
            }
            inconclusive |= verdict.verdict() == Verdict.INCONCLUSIVE;
        }
        return inconclusive ? Verdict.INCONCLUSIVE : Verdict.NO_DRIFT;
    }

    public boolean driftDetected() {
        return verdict() == Verdict.DRIFT;
    }

    /**
     * How far past its threshold the column's strongest test is: 1 at the threshold, larger when further.
     * Distance tests give statistic / threshold; p-value tests give log(p) / log(threshold), so p = 1e-8 at a
     * 0.05 level scores about 6. Reports rank drifted columns by it.
     */
    public double severityScore() {
        double score = 0;
        for (TestVerdict verdict : tests.values()) {
            score = Math.max(score, verdict.severity());
        }
        return score;
    }
}
