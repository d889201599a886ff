package io.driftwatch.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the reference cases (values computed with SciPy) from the test classpath: {@code golden/} in this
 * module's test resources, a copy of {@code shared/golden} that {@code tools/refresh-golden.sh} refreshes, so a
 * bare clone tests against the same facts as CI. Tests compare against these files, never against numbers our
 * own code produced. Read from the stats test jar (as {@code app}'s tests do), the cases are copied once to a
 * temporary folder, removed when the JVM exits, because the commands under test read files, not resources.
 */
public final class GoldenCases {
    /** Absolute tolerance for exact statistics, from the golden README. */
    public static final double STATISTIC_TOLERANCE = 1e-9;
    /** Relative tolerance for p-values, from the golden README. */
    public static final double PVALUE_RELATIVE_TOLERANCE = 1e-6;

    private static final String RESOURCE = "/golden/expected.json";

    private GoldenCases() {
    }

    /** The folder holding {@code expected.json} and one folder of CSV files per case. */
    public static Path folder() {
        return Located.FOLDER;
    }

    public static List<GoldenCase> all() {
        Path folder = folder();
        try {
            JsonNode root = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
            List<GoldenCase> cases = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
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

    private static Path locate() {
        URL resource = GoldenCases.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test classpath: it belongs in"
                    + " stats/src/test/resources/golden (tools/refresh-golden.sh copies it from shared/golden)");
        }
        try {
            URI uri = resource.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            return copiedOutOfJar(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable location of " + RESOURCE + ": " + resource, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the golden cases out of " + resource, e);
        }
    }

    private static Path copiedOutOfJar(URI uri) throws IOException {
        Path target = Files.createTempDirectory("driftwatch-golden-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(target), "golden-cleanup"));
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of());
             Stream<Path> entries = Files.walk(jar.getPath(RESOURCE).getParent())) {
            Path source = jar.getPath(RESOURCE).getParent();
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path copy = target.resolve(source.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(entry, copy);
                }
            }
        }
        return target;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // the JVM is exiting; a leftover temporary folder is all that can go wrong
        }
    }

    /** Asserts |actual - expected| within the golden README's tolerance for p-values (relative 1e-6; tiny values may be 0). */
    public static boolean pValueClose(double actual, double expected) {
        if (expected < 1e-300) {
            return actual < 1e-290;
        }
        return Math.abs(actual - expected) <= PVALUE_RELATIVE_TOLERANCE * expected + 1e-15;
    }

    /** Finds the folder on first use, once per JVM. */
    private static final class Located {
        static final Path FOLDER = locate();
    }
}
