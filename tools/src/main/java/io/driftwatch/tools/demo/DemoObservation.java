package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What driftwatch's output topics held at one moment: the drift report and the latest quality report of each
 * window, the quality report that completed each window's estimated performance (the one the estimated-quality rule
 * judged, with the labels joined by then), all keyed and ordered by window start, and the committed triggers in the
 * order they were written.
 */
record DemoObservation(Map<Instant, DriftReport> driftByWindow, Map<Instant, QualityReport> qualityByWindow,
                       Map<Instant, QualityReport> estimateCompletedByWindow, List<RetrainingTrigger> triggers) {
    DemoObservation {
        driftByWindow = Collections.unmodifiableSortedMap(new TreeMap<>(driftByWindow));
        qualityByWindow = Collections.unmodifiableSortedMap(new TreeMap<>(qualityByWindow));
        estimateCompletedByWindow = Collections.unmodifiableSortedMap(new TreeMap<>(estimateCompletedByWindow));
        triggers = List.copyOf(triggers);
    }

    long driftedWindows() {
        return driftByWindow.values().stream().filter(DriftReport::getDatasetDrift).count();
    }

    long finalQualityWindows() {
        return qualityByWindow.values().stream().filter(QualityReport::getIsFinal).count();
    }

    /** Windows whose every prediction has been joined to its label so far. */
    long fullyLabelledWindows() {
        return qualityByWindow.values().stream().filter(q -> q.getPredictions() > 0 && q.getLabelled() == q.getPredictions()).count();
    }
}
