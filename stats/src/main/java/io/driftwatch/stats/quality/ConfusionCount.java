package io.driftwatch.stats.quality;

import static java.util.Objects.requireNonNull;

/** One non-empty cell of the confusion matrix: how often {@code actual} was predicted as {@code predicted}. */
public record ConfusionCount(String actual, String predicted, long count) {
    public ConfusionCount {
        requireNonNull(actual, "actual");
        requireNonNull(predicted, "predicted");
    }
}
