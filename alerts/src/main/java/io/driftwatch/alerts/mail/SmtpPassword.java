package io.driftwatch.alerts.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Where the SMTP password comes from: an environment variable or a file (a mounted secret), never the
 * properties file itself. It is read at each connection, so a rotated secret file takes effect without a
 * restart, and it never appears in {@link #toString()} or a log line.
 */
public final class SmtpPassword {
    private final String source;
    private final Function<String, String> reader;

    private SmtpPassword(String source, Function<String, String> reader) {
        this.source = source;
        this.reader = reader;
    }

    /** The value of environment variable {@code name} (read from {@code environment}, normally {@code System.getenv()}). */
    public static SmtpPassword fromEnvironment(String name, Map<String, String> environment) {
        requireNonNull(name, "name");
        Map<String, String> copy = Map.copyOf(environment);
        return new SmtpPassword("environment variable " + name, ignored -> {
            String value = copy.get(name);
            if (value == null) {
                throw new IllegalStateException("environment variable " + name + " is not set");
            }
            return value;
        });
    }

    /** The contents of {@code file}, without a trailing line break. */
    public static SmtpPassword fromFile(Path file) {
        requireNonNull(file, "file");
        return new SmtpPassword("file " + file, ignored -> {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the SMTP password file " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The password, read now.
     *
     * @throws IllegalStateException naming the variable or file when it cannot be read
     */
    public String read() {
        return reader.apply(source);
    }

    /** Where the password comes from, for messages; never the password. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "[hidden, from " + source + "]";
    }
}
