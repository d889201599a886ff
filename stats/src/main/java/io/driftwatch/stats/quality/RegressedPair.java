package io.driftwatch.stats.quality;

/** A labelled pair of quantities: what the model predicted and what the true value was, in the model's units. */
public record RegressedPair(double predicted, double actual) implements LabelledPair {
    @Override
    public TaskKind task() {
        return TaskKind.REGRESSION;
    }
}
