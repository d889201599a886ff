package io.driftwatch.topology.drift;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.profile.ColumnProfile;

import java.util.Map;

/**
 * Compares the profiles of a closed window with a reference's: the statistics' job, behind an interface
 * so the topology routes and holds state while the statistics decide.
 */
@FunctionalInterface
public interface WindowComparison {

    /**
     * @param settings           the model version's tests and thresholds now (its policy's, or the defaults)
     * @param thresholdsByColumn thresholds a baseline calibrated, by column then test; empty for the defaults
     * @param chosenTests        the default test a baseline chose per column; empty to choose per window
     */
    DriftComparison compare(ComparisonSettings settings, Map<String, ColumnProfile> reference, Map<String, ColumnProfile> current,
                        Map<String, Map<String, Double>> thresholdsByColumn,
                        Map<String, DriftDefaults.TestChoice> chosenTests);
}
