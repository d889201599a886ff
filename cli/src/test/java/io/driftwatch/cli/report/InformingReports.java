package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetComparator;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.golden.GoldenCase;

import java.util.List;
import java.util.Map;

/**
 * A report both renderings are tested on: the golden case with a large reference (Wasserstein decides), its
 * threshold raised to 0.5 so it finds no drift while the informational KS, at p near 1e-20, would.
 */
final class InformingReports {
    static final ComparisonSettings LENIENT_WASSERSTEIN = new ComparisonSettings(TestOptions.DEFAULT, List.of(), Map.of(),
            Map.of("wasserstein", 0.5), Map.of(), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);

    private InformingReports() {
    }

    static DriftComparison compare(GoldenCase golden, ComparisonSettings settings) {
        return new DatasetComparator(settings).compare(
                Map.of("x", new ColumnData.Numeric(golden.referenceSample(), 0)),
                Map.of("x", new ColumnData.Numeric(golden.currentSample(), 0)));
    }
}
