package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.ProfileCodec;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A published baseline as the stream judges a window against it: its profiles, the thresholds calibrated on it and
 * the default test it chose per column, decoded from the record exactly as the service's baseline store decodes it,
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
        Map<String, ColumnProfile> profiles = new HashMap<>();
        Map<String, Map<String, Double>> thresholds = new HashMap<>();
        Map<String, DriftDefaults.TestChoice> chosenTests = new HashMap<>();
        for (BaselineColumn column : baseline.getColumns()) {
            if (column.getDefaultTest() != null && TestCatalog.NAMES.contains(column.getDefaultTest())) {
                chosenTests.put(column.getName(), new DriftDefaults.TestChoice(column.getDefaultTest(),
                        column.getComparedAsCategories() || column.getColumnType() == ColumnKind.CATEGORICAL));
            }
            ByteBuffer bytes = column.getProfile().duplicate();
            byte[] profile = new byte[bytes.remaining()];
            bytes.get(profile);
            profiles.put(column.getName(), ProfileCodec.fromBytes(profile));
            if (!column.getThresholds().isEmpty()) {
                thresholds.put(column.getName(), Map.copyOf(column.getThresholds()));
            }
        }
        return new BaselineReference(baseline.getBaselineId(), baseline.getRows(), new TreeMap<>(profiles), thresholds,
                chosenTests);
    }
}
