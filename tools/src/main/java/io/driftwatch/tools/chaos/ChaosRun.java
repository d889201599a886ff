package io.driftwatch.tools.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one scenario is given and what it reports: its size, a directory of its own, and the transcript of
 * what it did and which checks held. The transcript is written as it goes, so a user watching a long
 * scenario sees where it is.
 */
public final class ChaosRun {
    private final String scenario;
    private final boolean full;
    private final Path directory;
    private final PrintWriter out;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    ChaosRun(String scenario, boolean full, Path directory, PrintWriter out) {
        this.scenario = scenario;
        this.full = full;
        this.directory = directory;
        this.out = out;
    }

    /** Whether to run at full size ({@code driftwatch chaos --full}) rather than the short size CI runs. */
    public boolean full() {
        return full;
    }

    /** {@code shortSize} for CI's run, {@code fullSize} for {@code --full}. */
    public int size(int shortSize, int fullSize) {
        return full ? fullSize : shortSize;
    }

    /** A directory for this scenario's files (configs, logs, state), created on first use. */
    public Path directory() {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scenario's directory " + directory, e);
        }
    }

    /** Reports a step the scenario took, such as a fault injected or records produced. */
    public void did(String format, Object... arguments) {
        out.println("  did    " + String.format(Locale.ROOT, format, arguments));
        out.flush();
    }

    /**
     * Records one check: {@code claim} is the promise in a user's words, {@code observed} what was measured,
     * printed either way so a passing run carries its figures too.
     *
     * @return {@code holds}, so a scenario can skip checks that depend on this one
     */
    public boolean check(String claim, boolean holds, String observed) {
        Objects.requireNonNull(claim, "claim");
        if (holds) {
            passed++;
            out.println("  ok     " + claim + ": " + observed);
        } else {
            failures.add(claim + ": " + observed);
            out.println("  FAILED " + claim + ": " + observed);
        }
        out.flush();
        return holds;
    }

    /** A check that {@code actual} equals {@code expected}, printing both. */
    public boolean checkEqual(String claim, Object expected, Object actual) {
        boolean holds = Objects.equals(expected, actual);
        return check(claim, holds, holds ? String.valueOf(actual) : "expected " + expected + ", was " + actual);
    }

    String scenario() {
        return scenario;
    }

    int passed() {
        return passed;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
