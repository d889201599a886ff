package io.driftwatch.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One folder of {@code shared/golden}: the two CSV files and the values SciPy computed for them. */
public record GoldenCase(String name, Path folder, JsonNode expected) {

    public boolean isNumeric() {
        return "numeric".equals(expected.get("type").asText());
    }

    public boolean has(String key) {
        return expected.has(key);
    }

    /** The expected value of {@code field} (statistic or pvalue) under golden key {@code key}. */
    public double expected(String key, String field) {
        JsonNode node = expected.path(key).path(field);
        if (!node.isNumber()) {
            throw new IllegalArgumentException(name + " has no " + key + "." + field);
        }
        return node.asDouble();
    }

    public List<String> expectedUnseenCategories() {
        List<String> unseen = new ArrayList<>();
        expected.path("unseen_categories").forEach(node -> unseen.add(node.asText()));
        return unseen;
    }

    public List<String> referenceLines() {
        return lines("reference.csv");
    }

    public List<String> currentLines() {
        return lines("current.csv");
    }

    public double[] referenceValues() {
        return numbers(referenceLines());
    }

    public double[] currentValues() {
        return numbers(currentLines());
    }

    public SortedSample referenceSample() {
        return SortedSample.ofOwned(referenceValues());
    }

    public SortedSample currentSample() {
        return SortedSample.ofOwned(currentValues());
    }

    public CategoryCounts referenceCounts() {
        return CategoryCounts.ofValues(referenceLines());
    }

    public CategoryCounts currentCounts() {
        return CategoryCounts.ofValues(currentLines());
    }

    private List<String> lines(String file) {
        try {
            List<String> all = Files.readAllLines(folder.resolve(file));
            return all.subList(1, all.size()).stream().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(List<String> lines) {
        return lines.stream().mapToDouble(Double::parseDouble).toArray();
    }
}
