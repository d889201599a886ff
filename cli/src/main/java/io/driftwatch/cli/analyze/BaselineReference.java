package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.topology.drift.BaselineLookup;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A published baseline as the stream judges a window against it ({@link BaselineLookup.Reference#of}: its profiles,
 * the thresholds calibrated on it and the default test it chose per column), with the training rows it was built
 * from for the report's header, so {@code analyze --against baseline} and the stream apply the same reference.
 *
 * @param reference the baseline as the stream decodes it
 * @param rows      the training rows it was built from
 */
public record BaselineReference(BaselineLookup.Reference reference, long rows) {
    public BaselineReference {
        requireNonNull(reference, "reference");
    }

    public static BaselineReference of(Baseline baseline) {
        return new BaselineReference(BaselineLookup.Reference.of(baseline), baseline.getRows());
    }

    public String baselineId() {
        return reference.baselineId();
    }

    /** Profiles by column, sorted. */
    public Map<String, ColumnProfile> profiles() {
        return reference.profiles();
    }

    public Map<String, Map<String, Double>> thresholdsByColumn() {
        return reference.thresholdsByColumn();
    }

    public Map<String, DriftDefaults.TestChoice> chosenTests() {
        return reference.chosenTests();
    }
}
