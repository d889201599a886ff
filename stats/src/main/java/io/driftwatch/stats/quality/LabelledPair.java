package io.driftwatch.stats.quality;

/**
 * A prediction and its true label once {@link OutcomeTyping} has typed them: two classes, or two quantities.
 * The tallies count each kind with its own metrics.
 */
public sealed interface LabelledPair permits ClassifiedPair, RegressedPair {
    TaskKind task();
}
