package io.driftwatch.cli.analyze;

/**
 * A window's profile that cannot join its span's merge (unreadable bytes, other sketch settings): unchecked so it can
 * leave the topic reader's callback, and turned into one line of bad input by {@code analyze}.
 */
public final class UnmergeableWindowException extends RuntimeException {
    private final String line;

    public UnmergeableWindowException(String message, Throwable cause) {
        super(message, cause);
        this.line = message;
    }

    /** The one line for the user, never null. */
    public String line() {
        return line;
    }
}
