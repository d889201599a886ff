package io.driftwatch.stats.quality;

import io.driftwatch.stats.quality.QualityReference.ClassifiedRecord;
import io.driftwatch.stats.quality.QualityReference.RegressedRecord;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.driftwatch.stats.quality.QualityReference.TOLERANCE;
import static io.driftwatch.stats.quality.QualityReference.classificationExpected;
import static io.driftwatch.stats.quality.QualityReference.regressionExpected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QualityTallyTest {

    /** Three partial tallies, each through its byte form, merged: what the topology does with partitions. */
    private static QualityTally mergedThroughBytes(List<LabelledOutcome> outcomes, int maxSegmentValues) {
        QualityTally merged = new QualityTally(maxSegmentValues);
        for (int part = 0; part < 3; part++) {
            QualityTally partial = new QualityTally(maxSegmentValues);
            for (int i = part; i < outcomes.size(); i += 3) {
                partial.addPrediction();
                partial.add(outcomes.get(i));
            }
            merged.merge(QualityTallyCodec.fromBytes(QualityTallyCodec.toBytes(partial)));
        }
        return QualityTallyCodec.fromBytes(QualityTallyCodec.toBytes(merged));
    }

    private static List<LabelledOutcome> classified() {
        return QualityReference.classification().stream().map((ClassifiedRecord r) -> OutcomeTyping.AUTO.outcome(r.predicted(),
                r.actual(), r.scores(), Map.of("country", r.segment()), 1_000)).toList();
    }

    @Test
    void classificationMetricsMatchScikitLearnDefinitionsAfterSplittingAndMerging() {
        QualitySummary summary = mergedThroughBytes(classified(), 10).summary();

        assertThat(summary.task()).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(summary.labelled()).isEqualTo(400);
        for (String metric : List.of("accuracy", "macro_precision", "macro_recall", "macro_f1", "roc_auc", "log_loss")) {
            assertThat(summary.metrics().get(metric)).as(metric)
                    .isCloseTo(classificationExpected(metric).asDouble(), within(TOLERANCE));
        }
        assertThat(summary.perClass()).extracting(ClassMetrics::label).containsExactly("cat", "dog", "fox", "owl");
        for (ClassMetrics quality : summary.perClass()) {
            assertThat(quality.precision()).as(quality.label()).isCloseTo(
                    classificationExpected("per_class", quality.label(), "precision").asDouble(), within(TOLERANCE));
            assertThat(quality.recall()).isCloseTo(classificationExpected("per_class", quality.label(), "recall").asDouble(), within(TOLERANCE));
            assertThat(quality.f1()).isCloseTo(classificationExpected("per_class", quality.label(), "f1").asDouble(), within(TOLERANCE));
            assertThat(quality.support()).isEqualTo(classificationExpected("per_class", quality.label(), "support").asLong());
        }
        for (ConfusionCount cell : summary.confusion()) {
            assertThat(cell.count()).as(cell.actual() + " as " + cell.predicted())
                    .isEqualTo(classificationExpected("confusion", cell.actual(), cell.predicted()).asLong());
        }
        assertThat(summary.confusion().stream().mapToLong(ConfusionCount::count).sum()).isEqualTo(400);
    }

    @Test
    void qualityPerSegmentMatchesTheReferenceOnEachSubset() {
        QualitySummary summary = mergedThroughBytes(classified(), 10).summary();

        assertThat(summary.segments()).extracting(SegmentQuality::value).containsExactly("NO", "SE");
        for (SegmentQuality segment : summary.segments()) {
            assertThat(segment.segment()).isEqualTo("country");
            assertThat(segment.labelled()).isEqualTo(classificationExpected("segments", segment.value(), "labelled").asLong());
            assertThat(segment.metrics().get("accuracy")).isCloseTo(
                    classificationExpected("segments", segment.value(), "accuracy").asDouble(), within(TOLERANCE));
            assertThat(segment.metrics().get("macro_f1")).isCloseTo(
                    classificationExpected("segments", segment.value(), "macro_f1").asDouble(), within(TOLERANCE));
        }
    }

    private static List<LabelledOutcome> regressed() {
        return QualityReference.regression().stream().map((RegressedRecord r) ->
                OutcomeTyping.AUTO.outcome(r.predicted(), r.actual(), Map.of(), Map.of(), 0)).toList();
    }

    /** The outcomes dealt at random to {@code parts} tallies, each through its byte form, merged in a random order. */
    private static Map<String, Double> metricsOfARandomSplit(List<LabelledOutcome> outcomes, Random random) {
        List<QualityTally> parts = new ArrayList<>();
        for (int p = 0; p < 1 + random.nextInt(5); p++) {
            parts.add(new QualityTally(10));
        }
        List<LabelledOutcome> shuffled = new ArrayList<>(outcomes);
        Collections.shuffle(shuffled, random);
        shuffled.forEach(outcome -> parts.get(random.nextInt(parts.size())).add(outcome));
        Collections.shuffle(parts, random);
        QualityTally merged = new QualityTally(10);
        parts.forEach(part -> merged.merge(QualityTallyCodec.fromBytes(QualityTallyCodec.toBytes(part))));
        return merged.summary().metrics();
    }

    @Test
    void everySplitAndMergeOrderGivesTheSameMetricsBitForBit() {
        Random random = new Random(3);
        for (List<LabelledOutcome> outcomes : List.of(classified(), regressed())) {
            Map<String, Double> inRowOrder = metricsOfARandomSplit(outcomes, new Random(0) {
                @Override
                public int nextInt(int bound) {
                    return 0;
                }
            });
            for (int trial = 0; trial < 30; trial++) {
                assertThat(metricsOfARandomSplit(outcomes, random)).isEqualTo(inRowOrder);
            }
        }
    }

    @Test
    void aTallyWrittenInTheFormerFormatWithPlainSumsIsStillRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(10);
            for (int i = 0; i < 4; i++) {
                out.writeLong(i == 0 ? 2 : 0);
            }
            byte[] sketch = KllDoublesSketch.newHeapInstance().toByteArray();
            out.writeInt(sketch.length);
            out.write(sketch);
            out.writeByte(2);
            out.writeLong(2);
            for (double sum : new double[] {3.0, 5.0, 0.75, -1.0}) {
                out.writeDouble(sum);
            }
            out.writeInt(0);
        }
        Map<String, Double> metrics = QualityTallyCodec.fromBytes(bytes.toByteArray()).summary().metrics();
        assertThat(metrics).containsEntry("mae", 1.5).containsEntry("rmse", Math.sqrt(2.5))
                .containsEntry("mape", 0.375).containsEntry("mean_error", -0.5);
    }

    @Test
    void regressionMetricsMatchScikitLearnDefinitions() {
        List<LabelledOutcome> outcomes = QualityReference.regression().stream().map((RegressedRecord r) ->
                OutcomeTyping.AUTO.outcome(r.predicted(), r.actual(), Map.of(), Map.of(), 0)).toList();
        QualitySummary summary = mergedThroughBytes(outcomes, 0).summary();

        assertThat(summary.task()).isEqualTo(TaskKind.REGRESSION);
        for (String metric : List.of("mae", "rmse", "mape", "mean_error")) {
            assertThat(summary.metrics().get(metric)).as(metric).isCloseTo(regressionExpected(metric).asDouble(), within(TOLERANCE));
        }
        assertThat(summary.perClass()).isEmpty();
    }

    @Test
    void segmentValuesPastTheCapArePooled() {
        QualityTally tally = new QualityTally(2);
        for (String country : List.of("NO", "SE", "DK", "FI", "NO")) {
            tally.add(OutcomeTyping.AUTO.outcome("a", "a", Map.of(), Map.of("country", country), 0));
        }
        assertThat(tally.summary().segments()).extracting(SegmentQuality::value, SegmentQuality::labelled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NO", 2L), org.assertj.core.groups.Tuple.tuple("SE", 1L),
                        org.assertj.core.groups.Tuple.tuple(QualityTally.OTHER_SEGMENT, 2L));
    }

    @Test
    void labelDelayQuantilesAreWithinTheKllRankErrorBound() {
        QualityTally tally = new QualityTally(0);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            tally.add(OutcomeTyping.AUTO.outcome(1.0, 1.0, Map.of(), Map.of(), (i * 7919L) % n));
        }
        // k = 200: normalized rank error about 1.33% at 99% confidence (KllSketch.getNormalizedRankError).
        double bound = 0.0133 * n;
        Map<String, Double> delays = tally.summary().labelDelayQuantilesMillis();
        assertThat(delays.get("p50")).isCloseTo(0.5 * n, within(bound));
        assertThat(delays.get("p90")).isCloseTo(0.9 * n, within(bound));
        assertThat(delays.get("max")).isEqualTo(n - 1.0);
    }

    @Test
    void rocAucPastTheExactScoreCapStaysWithinTheGridBound() {
        Random random = new Random(3);
        int n = 3_000;
        double[] positives = new double[n];
        double[] negatives = new double[n];
        ScoreHistogram histogram = new ScoreHistogram();
        for (int i = 0; i < n; i++) {
            positives[i] = Math.min(1, Math.max(0, 0.6 + random.nextGaussian() * 0.2));
            negatives[i] = Math.min(1, Math.max(0, 0.4 + random.nextGaussian() * 0.2));
            histogram.add(positives[i], true);
            histogram.add(negatives[i], false);
        }
        double pairsWon = 0;
        for (double positive : positives) {
            for (double negative : negatives) {
                pairsWon += positive > negative ? 1 : positive == negative ? 0.5 : 0;
            }
        }
        assertThat(histogram.rounded()).isTrue();
        // Pairs within one grid cell of 1/4096 become ties; with these densities that is far below 0.001 of pairs.
        assertThat(histogram.rocAuc()).isCloseTo(pairsWon / ((double) n * n), within(1e-3));
    }
}
