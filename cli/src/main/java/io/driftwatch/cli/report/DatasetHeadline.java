package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;

import java.util.List;
import java.util.Locale;

/**
 * The first thing a report says, the same in the table and the HTML report: the dataset verdict, the drifted
 * columns' count and share against the dataset threshold, and why the data cannot be judged when it cannot.
 *
 * @param verdict "DATASET DRIFT", "No dataset drift" or "NOT JUDGED (no verdict)"
 * @param counts  e.g. "3 of 7 columns drifted (43%; dataset drift at 50%)"
 * @param reasons why the data cannot be judged fairly; empty unless not judged
 */
record DatasetHeadline(String verdict, String counts, List<String> reasons, long inconclusiveColumns) {

    static DatasetHeadline of(DriftComparison report, DatasetJudgement judgement) {
        DatasetVerdict dataset = report.dataset();
        String counts = String.format(Locale.ROOT, "%d of %d columns drifted (%.0f%%; dataset drift at %.0f%%)",
                dataset.driftedColumns(), dataset.columns(), dataset.share() * 100, dataset.threshold() * 100);
        return switch (judgement.outcome()) {
            case DRIFT -> new DatasetHeadline("DATASET DRIFT", counts, List.of(), dataset.inconclusiveColumns());
            case NO_DRIFT -> new DatasetHeadline("No dataset drift", counts, List.of(), dataset.inconclusiveColumns());
            case NOT_JUDGED -> new DatasetHeadline("NOT JUDGED (no verdict)", counts, List.copyOf(judgement.reasons()),
                    dataset.inconclusiveColumns());
        };
    }
}
