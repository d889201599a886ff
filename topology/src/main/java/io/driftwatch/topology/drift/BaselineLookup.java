package io.driftwatch.topology.drift;

import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.profile.ColumnProfile;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** Finds the training baseline of a model version, when one was published. */
@FunctionalInterface
public interface BaselineLookup {

    Optional<Reference> find(String model, String version);

    /**
     * A baseline's id, its profiles by feature name, the thresholds calibrated on it and the default test it
     * chose per column (the test those thresholds belong to).
     *
     * @param thresholdsByColumn calibrated thresholds by column then test
     * @param chosenTests        the default test per column, as {@code driftwatch baseline} chose it from the training data
     */
    record Reference(String baselineId, Map<String, ColumnProfile> profiles, Map<String, Map<String, Double>> thresholdsByColumn,
                     Map<String, DriftDefaults.TestChoice> chosenTests) {
        public Reference {
            requireNonNull(baselineId, "baselineId");
            // Sorted, so reports list columns in the same order on every instance and every run.
            profiles = Collections.unmodifiableSortedMap(new TreeMap<>(profiles));
            thresholdsByColumn = Map.copyOf(thresholdsByColumn);
            chosenTests = Map.copyOf(chosenTests);
        }
    }
}
