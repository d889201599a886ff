package io.driftwatch.stats.quality;

/**
 * What a model predicts, which decides the quality metrics: a class or a quantity. {@link OutcomeTyping} decides
 * it per labelled pair; a window's task is the one most of its pairs have. Quality reports carry it as the Avro
 * enum {@code ModelTask}.
 */
public enum TaskKind {
    CLASSIFICATION,
    REGRESSION
}
