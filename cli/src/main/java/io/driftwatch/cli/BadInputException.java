package io.driftwatch.cli;

/**
 * A problem with a file the user gave us: missing, empty, malformed, or holding a value the column cannot
 * take. The message names the file and, where there is one, the line and the column, and says what to do.
 * The CLI maps it to exit code 2.
 */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
