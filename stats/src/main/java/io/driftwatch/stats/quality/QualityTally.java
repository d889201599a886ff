package io.driftwatch.stats.quality;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything known about the quality of one model version in one window of prediction time: predictions
 * counted, labelled pairs tallied overall and per segment tag value, predictions whose label never came,
 * duplicate and unmatched labels, and the label delays in a KLL sketch. Tallies from different partitions
 * merge into the same result as one tally fed everything (up to the KLL sketch's rank error and floating
 * summation). Segment values are capped: at most {@code maxSegmentValues} (tag, value) pairs are tracked
 * per window, later new values are pooled as {@link #OTHER_SEGMENT}, so a tag with unbounded values (a user
 * id) costs bounded memory. Not thread-safe.
 */
public final class QualityTally {
    public static final String OTHER_SEGMENT = "__other__";
    static final int DELAY_SKETCH_K = 200;

    private final int maxSegmentValues;
    private long predictions;
    private long unlabelled;
    private long duplicateLabels;
    private long unmatchedLabels;
    private KllDoublesSketch delaysMillis = KllDoublesSketch.newHeapInstance(DELAY_SKETCH_K);
    private final OutcomeTally overall = new OutcomeTally();
    private final TreeMap<String, TreeMap<String, OutcomeTally>> segments = new TreeMap<>();
    private int trackedSegmentValues;

    /** @param maxSegmentValues (tag, value) pairs tracked per window before new values are pooled; 0 tracks none */
    public QualityTally(int maxSegmentValues) {
        if (maxSegmentValues < 0) {
            throw new IllegalArgumentException("maxSegmentValues must not be negative, got " + maxSegmentValues);
        }
        this.maxSegmentValues = maxSegmentValues;
    }

    public void addPrediction() {
        predictions++;
    }

    public void addUnlabelled(long count) {
        unlabelled += count;
    }

    public void addDuplicateLabel() {
        duplicateLabels++;
    }

    public void addUnmatchedLabel() {
        unmatchedLabels++;
    }

    public void add(LabelledOutcome outcome) {
        overall.add(outcome.pair());
        delaysMillis.update((double) outcome.labelDelayMillis());
        if (maxSegmentValues > 0) {
            outcome.segments().forEach((segment, value) -> segment(segment, value).add(outcome.pair()));
        }
    }

    private OutcomeTally segment(String segment, String value) {
        TreeMap<String, OutcomeTally> values = segments.computeIfAbsent(segment, k -> new TreeMap<>());
        OutcomeTally tally = values.get(value);
        if (tally != null) {
            return tally;
        }
        String tracked = trackedSegmentValues < maxSegmentValues ? value : OTHER_SEGMENT;
        return values.computeIfAbsent(tracked, k -> {
            trackedSegmentValues++;
            return new OutcomeTally();
        });
    }

    public void merge(QualityTally other) {
        predictions += other.predictions;
        unlabelled += other.unlabelled;
        duplicateLabels += other.duplicateLabels;
        unmatchedLabels += other.unmatchedLabels;
        delaysMillis.merge(other.delaysMillis);
        overall.merge(other.overall);
        other.segments.forEach((segment, values) -> values.forEach((value, tally) -> segment(segment, value).merge(tally)));
    }

    public long predictions() {
        return predictions;
    }

    public long labelled() {
        return overall.labelled();
    }

    public long unmatchedLabels() {
        return unmatchedLabels;
    }

    public boolean isEmpty() {
        return predictions == 0 && labelled() == 0 && unlabelled == 0 && duplicateLabels == 0 && unmatchedLabels == 0;
    }

    /** The summary with a binary model's positive class implied ({@link ClassificationTally#binary}): the stream's. */
    public QualitySummary summary() {
        return summary(null);
    }

    /**
     * @param positiveClass a binary model's positive class, as {@link ClassName#ofTyped} spells a class a person
     *                      typed; null to imply it ({@link ClassificationTally#binary})
     */
    public QualitySummary summary(@Nullable String positiveClass) {
        String positive = positiveClass == null ? null : ClassName.ofTyped(positiveClass);
        ClassificationTally classification = overall.classificationOrNull();
        Map<String, Double> delays = new LinkedHashMap<>();
        if (!delaysMillis.isEmpty()) {
            delays.put("p50", delaysMillis.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE));
            delays.put("p90", delaysMillis.getQuantile(0.9, QuantileSearchCriteria.INCLUSIVE));
            delays.put("p99", delaysMillis.getQuantile(0.99, QuantileSearchCriteria.INCLUSIVE));
            delays.put("max", delaysMillis.getMaxItem());
        }
        List<SegmentQuality> segmentQualities = new ArrayList<>();
        segments.forEach((segment, values) -> values.forEach((value, tally) ->
                segmentQualities.add(new SegmentQuality(segment, value, tally.labelled(), tally.metrics(positive)))));
        return new QualitySummary(overall.task(), predictions, labelled(), unlabelled, duplicateLabels, unmatchedLabels,
                predictions == 0 ? 0 : labelled() / (double) predictions, overall.metrics(positive),
                classification == null ? List.of() : classification.perClass(),
                classification == null ? List.of() : classification.confusion(), delays, segmentQualities,
                classification == null ? null : classification.binary(positive).orElse(null));
    }

    int maxSegmentValues() {
        return maxSegmentValues;
    }

    long[] counts() {
        return new long[] {predictions, unlabelled, duplicateLabels, unmatchedLabels};
    }

    KllDoublesSketch delaysMillis() {
        return delaysMillis;
    }

    OutcomeTally overall() {
        return overall;
    }

    SortedMap<String, ? extends SortedMap<String, OutcomeTally>> segments() {
        return segments;
    }

    static QualityTally of(int maxSegmentValues, long[] counts, KllDoublesSketch delaysMillis, OutcomeTally overall,
                           Map<String, Map<String, OutcomeTally>> segments) {
        QualityTally tally = new QualityTally(maxSegmentValues);
        tally.predictions = counts[0];
        tally.unlabelled = counts[1];
        tally.duplicateLabels = counts[2];
        tally.unmatchedLabels = counts[3];
        tally.delaysMillis = delaysMillis;
        tally.overall.merge(overall);
        segments.forEach((segment, values) -> values.forEach((value, outcomes) -> {
            tally.segments.computeIfAbsent(segment, k -> new TreeMap<>()).put(value, outcomes);
            tally.trackedSegmentValues++;
        }));
        return tally;
    }
}
