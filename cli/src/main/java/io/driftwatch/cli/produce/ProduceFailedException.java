package io.driftwatch.cli.produce;

/**
 * {@code produce} could not start writing: the schema could not be registered or the topic could not be
 * created or reached. Nothing was written. Not a mistake in the input file (that is a
 * {@link io.driftwatch.cli.BadInputException}), so the CLI exits 1, as for failed sends.
 */
public final class ProduceFailedException extends Exception {
    public ProduceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
