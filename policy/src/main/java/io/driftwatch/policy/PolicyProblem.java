package io.driftwatch.policy;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a policy file, where an editor can jump to it: the file, the line and column (1-based) of the
 * offending key or value, and a message naming the key and what to do. A file's problems are all reported at once,
 * so an owner fixes them in one pass.
 *
 * @param source the file as the user named it
 * @param line   1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when the problem concerns the whole file
 */
public record PolicyProblem(String source, int line, int column, String message) {
    public PolicyProblem {
        requireNonNull(source, "source");
        requireNonNull(message, "message");
    }

    /** {@code FILE:LINE:COL: message}, the form compilers and editors read. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
