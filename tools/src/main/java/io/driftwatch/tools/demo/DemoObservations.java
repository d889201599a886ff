package io.driftwatch.tools.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What driftwatch's output topics held at one moment for every model of the demo, each model's reports and triggers
 * apart ({@link DemoObservation}): the two models share the topics and the windows' start times.
 */
record DemoObservations(Map<String, DemoObservation> byModel) {
    private static final DemoObservation NOTHING = new DemoObservation(Map.of(), Map.of(), Map.of(), List.of());

    DemoObservations {
        byModel = Map.copyOf(new TreeMap<>(byModel));
    }

    /** What {@code model}'s reports and triggers were; empty when it has none yet. */
    DemoObservation of(String model) {
        return byModel.getOrDefault(model, NOTHING);
    }

    long windowsReported() {
        return byModel.values().stream().mapToLong(o -> o.driftByWindow().size()).sum();
    }

    long driftedWindows() {
        return byModel.values().stream().mapToLong(DemoObservation::driftedWindows).sum();
    }

    long triggers() {
        return byModel.values().stream().mapToLong(o -> o.triggers().size()).sum();
    }
}
