package io.driftwatch.stats.quality;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Quality of the predictions carrying one segment tag value, e.g. {@code country=NO}: where a model's
 * quality drops for one group while the whole still looks fine (concept-drift evidence).
 *
 * @param value the tag value, or {@link QualityTally#OTHER_SEGMENT} for values past the tracked cap
 */
public record SegmentQuality(String segment, String value, long labelled, Map<String, Double> metrics) {
    public SegmentQuality {
        requireNonNull(segment, "segment");
        requireNonNull(value, "value");
        metrics = Map.copyOf(metrics);
    }
}
