package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.topology.drift.BaselineLookup;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A published baseline as the stream judges a window against it: its profiles, the thresholds calibrated on it and
 * the default test it chose per column, decoded by the service's own {@link BaselineLookup.Reference#of},
 * so {@code analyze --against baseline} and the stream apply the same reference.
 *
 * @param baselineId         the baseline's id, for the report's header
 * @param rows               the training rows it was built from
 * @param profiles           profiles by column, sorted
 * @param thresholdsByColumn calibrated thresholds by column then test
 * @param chosenTests        the default test per column
 */
public record BaselineReference(String baselineId, long rows, SortedMap<String, ColumnProfile> profiles,
                                Map<String, Map<String, Double>> thresholdsByColumn,
                                Map<String, DriftDefaults.TestChoice> chosenTests) {
    public BaselineReference {
        requireNonNull(baselineId, "baselineId");
        profiles = Collections.unmodifiableSortedMap(new TreeMap<>(profiles));
        thresholdsByColumn = Map.copyOf(thresholdsByColumn);
        chosenTests = Map.copyOf(chosenTests);
    }

    public static BaselineReference of(Baseline baseline) {
        BaselineLookup.Reference decoded = BaselineLookup.Reference.of(baseline);
        return new BaselineReference(decoded.baselineId(), baseline.getRows(), new TreeMap<>(decoded.profiles()),
                decoded.thresholdsByColumn(), decoded.chosenTests());
    }
}
