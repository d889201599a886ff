package io.driftwatch.stats.calibration;

import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Threshold;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.TestOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NannyML's threshold rule, the second rule beside the leave-one-out calibration ({@link ThresholdCalibrator}), so a
 * team moving from NannyML gets the alerts it already trusts. Each of the reference's chunks is compared with the
 * whole reference; for KS (its statistic D, not its p-value), Jensen-Shannon, Hellinger, Wasserstein and L-infinity a
 * chunk alerts when its statistic is above the mean plus 3 standard deviations (ddof 0) of that statistic over the
 * reference's chunks ({@link StandardDeviationBand}); NannyML sets no lower threshold for them by default, and clips
 * KS's upper one at 1. Chi-square alerts at p &lt; 0.05, with no threshold from the chunks. Every other test keeps
 * the threshold it was judged by, since NannyML has no rule for it. Immutable.
 */
public final class NannyMlThresholds {
    /** How many standard deviations above the mean NannyML's upper threshold lies. */
    public static final double UPPER_MULTIPLIER = 3;
    /** The p-value below which NannyML's chi-square alerts. */
    public static final double CHI_SQUARE_LEVEL = 0.05;
    /** The tests held to the band of the reference's chunks. */
    public static final Set<String> BANDED_TESTS = Set.of("ks", "jensen_shannon", "hellinger", "wasserstein", "l_infinity");
    /** The tests held to {@link #CHI_SQUARE_LEVEL}. */
    public static final Set<String> CHI_SQUARE_TESTS = Set.of("chi_square", "chi_square_contingency");
    private static final Map<String, Double> UPPER_LIMITS = Map.of("ks", 1.0);

    private final Map<String, Map<String, Double>> upperByColumn;

    private NannyMlThresholds(Map<String, Map<String, Double>> upperByColumn) {
        this.upperByColumn = upperByColumn;
    }

    /** The thresholds set by {@code referenceChunks}, each a chunk of the reference compared with the whole reference. */
    public static NannyMlThresholds fromReferenceChunks(List<DriftComparison> referenceChunks) {
        Map<String, Map<String, List<Double>>> statistics = new LinkedHashMap<>();
        for (DriftComparison chunk : referenceChunks) {
            chunk.columns().forEach((column, report) -> report.tests().forEach((test, verdict) -> {
                if (BANDED_TESTS.contains(test)) {
                    statistics.computeIfAbsent(column, c -> new LinkedHashMap<>())
                            .computeIfAbsent(test, t -> new ArrayList<>()).add(verdict.outcome().statistic());
                }
            }));
        }
        Map<String, Map<String, Double>> upper = new LinkedHashMap<>();
        statistics.forEach((column, byTest) -> byTest.forEach((test, values) ->
                StandardDeviationBand.of(values.stream().mapToDouble(Double::doubleValue).toArray()).ifPresent(band ->
                        upper.computeIfAbsent(column, c -> new LinkedHashMap<>()).put(test, clipped(test, band)))));
        return new NannyMlThresholds(upper);
    }

    private static double clipped(String test, StandardDeviationBand band) {
        double upper = band.upper(UPPER_MULTIPLIER);
        Double limit = UPPER_LIMITS.get(test);
        return limit != null && upper >= limit ? limit : upper;
    }

    /** The upper threshold of {@code test} on {@code column}; empty when no reference chunk gave that statistic. */
    public Optional<Double> upper(String column, String test) {
        return Optional.ofNullable(upperByColumn.getOrDefault(column, Map.of()).get(test));
    }

    /**
     * {@code chunk} judged by NannyML's rule: each banded test held to its threshold, each chi-square to
     * p &lt; 0.05, the columns' and the data set's verdicts counted again from them. A banded test no reference chunk
     * ran on the column cannot be judged and moves to the column's {@code notApplicable}, saying why.
     */
    public DriftComparison judge(DriftComparison chunk) {
        Map<String, ColumnReport> columns = new LinkedHashMap<>();
        chunk.columns().forEach((name, column) -> columns.put(name, judge(column)));
        return new DriftComparison(columns, chunk.schemaFindings(), datasetVerdict(columns, chunk.dataset().threshold()));
    }

    private ColumnReport judge(ColumnReport column) {
        Map<String, TestVerdict> tests = new LinkedHashMap<>();
        Map<String, String> notApplicable = new LinkedHashMap<>(column.notApplicable());
        column.tests().forEach((test, verdict) -> {
            if (CHI_SQUARE_TESTS.contains(test)) {
                tests.put(test, rejudged(verdict, new Threshold(Threshold.Rule.P_VALUE_BELOW, CHI_SQUARE_LEVEL)));
            } else if (!BANDED_TESTS.contains(test)) {
                tests.put(test, verdict);
            } else {
                Optional<Double> upper = upper(column.column(), test);
                if (upper.isPresent()) {
                    tests.put(test, rejudged(verdict, new Threshold(Threshold.Rule.STATISTIC_ABOVE, upper.get())));
                } else {
                    notApplicable.put(test, "no chunk of the reference gave a " + test + " statistic on this column,"
                            + " so NannyML's rule has no threshold for it");
                }
            }
        });
        return new ColumnReport(column.column(), column.type(), column.comparedAsCategories(), column.referenceCount(),
                column.currentCount(), column.referenceMissing(), column.currentMissing(), tests, notApplicable,
                column.unseenCategories(), column.informational());
    }

    private static TestVerdict rejudged(TestVerdict verdict, Threshold threshold) {
        TestOutcome outcome = verdict.outcome();
        boolean judgeable = !threshold.rule().onPValue() || outcome.pValue() != null;
        Verdict decided = judgeable && Double.isFinite(outcome.statistic()) ? threshold.decide(outcome) : Verdict.NO_DRIFT;
        return new TestVerdict(verdict.test(), outcome, threshold, decided);
    }

    private static DatasetVerdict datasetVerdict(Map<String, ColumnReport> columns, double driftShare) {
        int compared = 0;
        int drifted = 0;
        int inconclusive = 0;
        for (ColumnReport column : columns.values()) {
            if (column.tests().isEmpty()) {
                continue;
            }
            compared++;
            drifted += column.verdict() == Verdict.DRIFT ? 1 : 0;
            inconclusive += column.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
        }
        return DatasetVerdict.of(compared, drifted, inconclusive, driftShare);
    }
}
