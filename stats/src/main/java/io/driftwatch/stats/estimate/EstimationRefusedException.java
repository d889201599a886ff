package io.driftwatch.stats.estimate;

/**
 * The input cannot support a confidence-based estimate (scores outside [0, 1], a reference with one class or too
 * few rows): thrown once, with a message a user can act on, rather than an estimate that means nothing.
 */
public final class EstimationRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EstimationRefusedException(String message) {
        super(message);
    }
}
