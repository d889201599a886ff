package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.topology.multivariate.BaselineReconstructions;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
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
     * @param multivariate       the PCA reconstruction fit and its reference chunks; null when the baseline has none
     *                           (or one this build cannot read, which is logged)
     */
    public record Reference(String baselineId, Map<String, ColumnProfile> profiles, Map<String, Map<String, Double>> thresholdsByColumn,
                     Map<String, DriftDefaults.TestChoice> chosenTests, @Nullable ReconstructionReference multivariate) {
        public Reference {
            requireNonNull(baselineId, "baselineId");
            // Sorted, so reports list columns in the same order on every instance and every run.
            profiles = Collections.unmodifiableSortedMap(new TreeMap<>(profiles));
            thresholdsByColumn = Map.copyOf(thresholdsByColumn);
            chosenTests = Map.copyOf(chosenTests);
        }

        /** Decodes a published baseline: what the stream judges its windows against and {@code analyze} its spans. */
        public static Reference of(Baseline baseline) {
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
            return new Reference(baseline.getBaselineId(), profiles, thresholds, chosenTests, multivariate(baseline));
        }

        private static @Nullable ReconstructionReference multivariate(Baseline baseline) {
            BaselineReconstruction fit = baseline.getMultivariate();
            if (fit == null) {
                return null;
            }
            try {
                return BaselineReconstructions.fromRecord(fit);
            } catch (IllegalArgumentException e) {
                LoggerFactory.getLogger(BaselineLookup.class).warn("Baseline {} holds a multivariate fit this build cannot"
                        + " read ({}); its windows get no multivariate drift", baseline.getBaselineId(), e.getMessage());
                return null;
            }
        }
    }
}
