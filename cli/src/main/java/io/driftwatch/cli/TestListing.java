package io.driftwatch.cli;

import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.compare.TestOptions;

import java.util.Locale;

/**
 * The test catalogue with default thresholds and the default selection, printed from the code that
 * applies them, so that documentation cannot drift from behaviour.
 */
final class TestListing {
    private TestListing() {
    }

    static String render() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-23s %-22s %s%n", "test", "columns", "drift when (default)"));
        for (String test : TestCatalog.NAMES) {
            boolean numeric = TestCatalog.numeric(test, TestOptions.DEFAULT).isPresent();
            boolean categorical = TestCatalog.categorical(test, TestOptions.DEFAULT).isPresent();
            String columns = numeric && categorical ? "numeric, categorical" : numeric ? "numeric" : "categorical";
            out.append(String.format(Locale.ROOT, "%-23s %-22s %s%n", test, columns, DriftDefaults.threshold(test).describe()));
        }
        out.append(String.format(Locale.ROOT, "%nDefault selection (as Evidently's), by reference size and distinct values (reference and current together):%n"));
        long small = DriftDefaults.SMALL_REFERENCE_MAX_ROWS;
        int few = DriftDefaults.FEW_DISTINCT_VALUES_MAX;
        out.append(line("reference <= " + small + ", numeric, > " + few + " distinct", DriftDefaults.defaultTest(ColumnType.NUMERIC, small, few + 1).test()));
        out.append(line("reference <= " + small + ", 2 distinct values", DriftDefaults.defaultTest(ColumnType.CATEGORICAL, small, 2).test()));
        out.append(line("reference <= " + small + ", categorical or <= " + few + " distinct", DriftDefaults.defaultTest(ColumnType.CATEGORICAL, small, 3).test()));
        out.append(line("reference > " + small + ", numeric, > " + few + " distinct", DriftDefaults.defaultTest(ColumnType.NUMERIC, small + 1, few + 1).test()));
        out.append(line("reference > " + small + ", categorical or <= " + few + " distinct", DriftDefaults.defaultTest(ColumnType.CATEGORICAL, small + 1, 3).test()));
        out.append(String.format(Locale.ROOT, "%nInforming by default, beside the deciding test (never changing a verdict; a test"
                + " that decides is not repeated):%n"));
        out.append(line("numeric", String.join(", ", InformingTests.DEFAULT.numeric())));
        out.append(line("categorical or <= " + few + " distinct", String.join(", ", InformingTests.DEFAULT.categorical())));
        out.append(String.format(Locale.ROOT, "%nDataset drift when at least %.0f%% of the compared columns drifted.%n",
                DriftDefaults.DATASET_DRIFT_SHARE * 100));
        out.append(String.format(Locale.ROOT, "Missing-rate finding when the missing share grows by %.0f points or more.%n",
                DriftDefaults.MISSING_RATE_JUMP * 100));
        out.append(String.format(Locale.ROOT, "Out-of-range finding when more than %.0f%% of current values lie outside the reference's range.%n",
                DriftDefaults.OUT_OF_RANGE_SHARE * 100));
        out.append(String.format(Locale.ROOT, "No verdict (exit 4) on fewer than %d current rows (--min-rows), a missing or empty"
                + " column, a type change, or no column compared.%n", DriftDefaults.MIN_CHECK_ROWS));
        return out.toString();
    }

    private static String line(String condition, String test) {
        return String.format(Locale.ROOT, "  %-52s -> %s%n", condition, test);
    }
}
