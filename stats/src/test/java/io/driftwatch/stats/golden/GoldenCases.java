package io.driftwatch.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads the shared reference cases ({@code ../shared/golden}, values computed with SciPy). Tests compare
 * against these files, never against numbers our own code produced. The folder comes from the system
 * property {@code driftwatch.golden.dir} (set by the build) or is searched upwards from the working directory.
 */
public final class GoldenCases {
    /** Absolute tolerance for exact statistics, from the golden README. */
    public static final double STATISTIC_TOLERANCE = 1e-9;
    /** Relative tolerance for p-values, from the golden README. */
    public static final double PVALUE_RELATIVE_TOLERANCE = 1e-6;

    private GoldenCases() {
    }

    public static Path folder() {
        String configured = System.getProperty("driftwatch.golden.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("golden");
            if (Files.isRegularFile(candidate.resolve("expected.json"))) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("golden");
            if (Files.isRegularFile(sibling.resolve("expected.json"))) {
                return sibling;
            }
        }
        throw new IllegalStateException("cannot find shared/golden; set -Ddriftwatch.golden.dir");
    }

    public static List<GoldenCase> all() {
        Path folder = folder();
        try {
            JsonNode root = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
            List<GoldenCase> cases = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                cases.add(new GoldenCase(entry.getKey(), folder.resolve(entry.getKey()), entry.getValue()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GoldenCase load(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden case " + name));
    }

    /** Cases that carry {@code key}, for parameterized tests. */
    public static List<GoldenCase> withKey(String key) {
        return all().stream().filter(c -> c.has(key)).toList();
    }

    /** Asserts |actual - expected| within the golden README's tolerance for p-values (relative 1e-6; tiny values may be 0). */
    public static boolean pValueClose(double actual, double expected) {
        if (expected < 1e-300) {
            return actual < 1e-290;
        }
        return Math.abs(actual - expected) <= PVALUE_RELATIVE_TOLERANCE * expected + 1e-15;
    }
}
