package io.driftwatch.stats.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One CSV of SciPy values beside this package's tests, written by {@code generate.py} in the same resource folder:
 * '#' lines are comments, the first other line names the columns.
 */
record ReferenceTable(List<String> columns, List<List<String>> rows) {

    static ReferenceTable load(String resource) {
        try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource + "; run generate.py");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            List<List<String>> rows = new ArrayList<>();
            lines.subList(1, lines.size()).forEach(line -> rows.add(Arrays.asList(line.split(","))));
            return new ReferenceTable(Arrays.asList(lines.get(0).split(",")), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each row as column name to text, for parameterized tests. */
    List<Map<String, String>> records() {
        Map<String, Integer> index = columns.stream().collect(Collectors.toMap(Function.identity(), columns::indexOf));
        return rows.stream()
                .map(row -> index.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> row.get(e.getValue()))))
                .toList();
    }
}
