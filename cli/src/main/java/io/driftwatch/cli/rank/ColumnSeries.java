package io.driftwatch.cli.rank;

import io.driftwatch.cli.report.ChunkResult;
import io.driftwatch.cli.report.ChunkedFileCheck;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.rank.FeatureSeries;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each compared column's drift over the chunks of the current file, as the rankings take it: per chunk, whether the
 * column drifted there (its verdict in the chunk, as the chunk lines print it) and the statistic of its ranking test.
 *
 * <p>The ranking test is the column's deciding test (the one {@code check} judges it by; informing tests never count).
 * When several decide it ({@code --tests ks,psi}), it is the one furthest past its threshold on the whole file
 * ({@link TestVerdict#severity()}, the first of equals), and that same test in every chunk, so a series never mixes one
 * test's statistic with another's. A chunk where the column or that test has no result has NaN, which the correlation
 * leaves out. A column no deciding test ran on in the whole file is not ranked.
 *
 * @param series one per ranked column, in the report's column order
 * @param tests  each ranked column's ranking test, by column
 */
public record ColumnSeries(List<FeatureSeries> series, Map<String, String> tests) {
    public ColumnSeries {
        series = List.copyOf(series);
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }

    public static ColumnSeries of(ChunkedFileCheck check) {
        List<FeatureSeries> series = new ArrayList<>();
        Map<String, String> tests = new LinkedHashMap<>();
        List<ChunkResult> chunks = check.chunks();
        for (ColumnReport column : check.whole().report().columns().values()) {
            String test = strongestTest(column);
            if (test == null) {
                continue;
            }
            double[] statistics = new double[chunks.size()];
            boolean[] alerts = new boolean[chunks.size()];
            for (int chunk = 0; chunk < chunks.size(); chunk++) {
                ColumnReport inChunk = chunks.get(chunk).report().columns().get(column.column());
                TestVerdict verdict = inChunk == null ? null : inChunk.tests().get(test);
                statistics[chunk] = verdict == null ? Double.NaN : verdict.outcome().statistic();
                alerts[chunk] = inChunk != null && inChunk.driftDetected();
            }
            series.add(FeatureSeries.of(column.column(), statistics, alerts));
            tests.put(column.column(), test);
        }
        return new ColumnSeries(series, tests);
    }

    private static @Nullable String strongestTest(ColumnReport column) {
        TestVerdict strongest = null;
        for (TestVerdict verdict : column.tests().values()) {
            if (strongest == null || verdict.severity() > strongest.severity()) {
                strongest = verdict;
            }
        }
        return strongest == null ? null : strongest.test();
    }
}
