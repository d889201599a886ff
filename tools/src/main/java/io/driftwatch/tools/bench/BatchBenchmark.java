package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The batch benchmark, {@code check} against NumPy/SciPy on the same files, run through its script
 * ({@code bench/check/run.py} in a checkout), whose last output line is its figures as JSON. It needs Python 3
 * with NumPy and SciPy and the repository's {@code bench/} directory; without them it says why it cannot run.
 */
final class BatchBenchmark {
    private static final String SCRIPT = "bench/check/run.py";
    private static final long TIMEOUT_MINUTES = 10;

    private final Path checkout;
    private final int rows;

    BatchBenchmark(Path checkout, int rows) {
        this.checkout = checkout;
        this.rows = rows;
    }

    /** @return the script's figures, or empty with the reason in {@code skipped} */
    Optional<JsonNode> run(StringBuilder skipped) throws InterruptedException {
        Path script = checkout.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            skipped.append("no ").append(SCRIPT).append(" under ").append(checkout.toAbsolutePath())
                    .append(" (run from a checkout of driftwatch)");
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(List.of("python3", script.toString(), "--rows", Integer.toString(rows)))
                    .directory(checkout.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                String text = new String(output, StandardCharsets.UTF_8);
                skipped.append("python3 ").append(SCRIPT).append(" failed: ")
                        .append(text.substring(Math.max(0, text.length() - 400)).strip());
                return Optional.empty();
            }
            List<String> lines = new String(output, StandardCharsets.UTF_8).strip().lines().toList();
            return Optional.of(new ObjectMapper().readTree(lines.get(lines.size() - 1)));
        } catch (IOException e) {
            skipped.append("cannot run python3 ").append(SCRIPT).append(": ").append(e.getMessage());
            return Optional.empty();
        }
    }
}
