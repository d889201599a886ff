package io.driftwatch.topology.drift;

import io.driftwatch.stats.profile.ColumnProfile;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Finds the training baseline of a model version, when one was published. */
@FunctionalInterface
public interface BaselineLookup {

    Optional<Reference> find(String model, String version);

    /** A baseline's id and its profiles by feature name. */
    record Reference(String baselineId, Map<String, ColumnProfile> profiles) {
        public Reference {
            requireNonNull(baselineId, "baselineId");
            profiles = Map.copyOf(profiles);
        }
    }

    /** No baselines: every window is compared with the previous one. */
    BaselineLookup NONE = (model, version) -> Optional.empty();
}
