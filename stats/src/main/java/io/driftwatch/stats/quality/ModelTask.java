package io.driftwatch.stats.quality;

/**
 * What a model predicts, which decides the quality metrics: a class (a string label, or a number with class
 * scores) or a quantity (a number, without class scores).
 */
public enum ModelTask {
    CLASSIFICATION,
    REGRESSION
}
