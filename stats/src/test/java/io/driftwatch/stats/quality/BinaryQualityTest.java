package io.driftwatch.stats.quality;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static io.driftwatch.stats.quality.QualityReference.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A binary model's positive-class figures, balanced accuracy, average precision, the confusion matrix as shares and
 * NannyML's business value, against the numbers {@code binary_quality_reference.py} (test resources, beside
 * {@code quality_reference.py}) prints from scikit-learn's and NannyML's definitions written out in NumPy.
 */
class BinaryQualityTest {
    private static final double[] LABELS = {1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1};
    // One decimal: 0.4, 0.7, 0.5 ... are shared by positives and negatives, so ties decide the average precision.
    private static final double[] SCORES = {0.9, 0.4, 0.4, 0.8, 0.1, 0.7, 0.6, 0.4, 0.2, 0.7, 0.3, 0.5, 0.1, 0.6, 0.9,
        0.3, 0.4, 0.2, 0.7, 0.5};
    private static final BusinessValueMatrix VALUES = BusinessValueMatrix.parse("[[5, -10], [-50, 100]]");

    /** Predicted class 1 when p >= 0.5, scored with p as class 1's probability, in two partials merged through bytes. */
    private static QualityTally tallied(double[] labels, double[] scores) {
        QualityTally merged = new QualityTally(0);
        for (int part = 0; part < 2; part++) {
            QualityTally partial = new QualityTally(0);
            for (int i = part; i < labels.length; i += 2) {
                partial.addPrediction();
                partial.add(OutcomeTyping.AUTO.outcome(scores[i] >= 0.5 ? 1.0 : 0.0, labels[i],
                        Map.of("1", scores[i]), Map.of(), 0));
            }
            merged.merge(QualityTallyCodec.fromBytes(QualityTallyCodec.toBytes(partial)));
        }
        return merged;
    }

    @Test
    void binaryFiguresMatchScikitLearnsPositiveClassDefinitions() {
        Map<String, Double> metrics = tallied(LABELS, SCORES).summary().metrics();

        // tp 6, fp 4, fn 3, tn 7: precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn), specificity tn/(tn+fp).
        assertThat(metrics.get("precision")).isCloseTo(0.6, within(TOLERANCE));
        assertThat(metrics.get("recall")).isCloseTo(0.6666666666666666, within(TOLERANCE));
        assertThat(metrics.get("f1")).isCloseTo(0.631578947368421, within(TOLERANCE));
        assertThat(metrics.get("specificity")).isCloseTo(0.6363636363636364, within(TOLERANCE));
        // balanced_accuracy_score: mean of the two classes' recalls, (6/9 + 7/11) / 2.
        assertThat(metrics.get("balanced_accuracy")).isCloseTo(0.6515151515151515, within(TOLERANCE));
    }

    @Test
    void averagePrecisionIsScikitLearnsStepSumWithTiedScoresAsOneThreshold() {
        // sum over distinct scores, highest first, of (R_n - R_{n-1}) P_n; tied scores enter together.
        assertThat(tallied(LABELS, SCORES).summary().metrics().get("average_precision"))
                .isCloseTo(0.7330026455026455, within(TOLERANCE));
    }

    @Test
    void confusionMatrixIsReportedAsCountsAndAsSharesOfAllPairs() {
        BinaryConfusion confusion = tallied(LABELS, SCORES).summary().binary();

        assertThat(confusion).isNotNull();
        assertThat(confusion.positiveClass()).isEqualTo("1");
        assertThat(confusion.negativeClass()).isEqualTo("0");
        assertThat(new long[] {confusion.trueNegatives(), confusion.falsePositives(), confusion.falseNegatives(),
            confusion.truePositives()}).containsExactly(7, 4, 3, 6);
        // NannyML's normalize_confusion_matrix='all': [[0.35, 0.2], [0.15, 0.3]].
        assertThat(confusion.share(confusion.trueNegatives())).isCloseTo(0.35, within(TOLERANCE));
        assertThat(confusion.share(confusion.falsePositives())).isCloseTo(0.2, within(TOLERANCE));
        assertThat(confusion.share(confusion.falseNegatives())).isCloseTo(0.15, within(TOLERANCE));
        assertThat(confusion.share(confusion.truePositives())).isCloseTo(0.3, within(TOLERANCE));
    }

    @Test
    void businessValueIsNannyMlsSumOfValuesTimesCountsAndItsPerPredictionForm() {
        BinaryConfusion confusion = tallied(LABELS, SCORES).summary().binary();

        assertThat(confusion).isNotNull();
        // sum(bv * cm) = 5*7 - 10*4 - 50*3 + 100*6.
        assertThat(VALUES.total(confusion)).isCloseTo(445.0, within(TOLERANCE));
        // sum(bv * cm / cm.sum(axis=0)): (5*7 - 50*3) / 10 + (-10*4 + 100*6) / 10.
        assertThat(VALUES.perPrediction(confusion)).isCloseTo(44.5, within(TOLERANCE));
    }

    @Test
    void aChunkWithOneClassLeavesOutOnlyTheFiguresWhoseDenominatorIsZero() {
        double[] negatives = {0, 0, 0, 0, 0, 0};
        double[] scores = {0.1, 0.8, 0.3, 0.2, 0.6, 0.4};
        QualitySummary summary = tallied(negatives, scores).summary();

        // tp 0, fp 2, fn 0, tn 4: precision 0/2 and F1 0/2 are defined (scikit-learn's values, where NannyML says
        // NaN for any chunk of one class); recall 0/0 and average precision (no positive) are not, and are left out.
        assertThat(summary.metrics().get("precision")).isEqualTo(0.0);
        assertThat(summary.metrics().get("f1")).isEqualTo(0.0);
        assertThat(summary.metrics().get("specificity")).isCloseTo(4 / 6.0, within(TOLERANCE));
        assertThat(summary.metrics().get("balanced_accuracy")).isCloseTo(4 / 6.0, within(TOLERANCE));
        assertThat(summary.metrics()).doesNotContainKeys("recall", "average_precision");
        assertThat(summary.binary()).isNotNull();
        // cm / cm.sum(axis=0): the empty column of predicted 1 among true 1 counts 0; 5*4/4 - 10*2/2.
        assertThat(VALUES.perPrediction(summary.binary())).isCloseTo(-5.0, within(TOLERANCE));
    }

    @Test
    void aModelThatNeverPredictsThePositiveClassHasNoPrecisionRatherThanPrecisionZero() {
        QualityTally tally = new QualityTally(0);
        tally.add(OutcomeTyping.AUTO.outcome(0.0, 0.0, Map.of(), Map.of(), 0));
        tally.add(OutcomeTyping.AUTO.outcome(0.0, 0.0, Map.of(), Map.of(), 0));

        Map<String, Double> metrics = tally.summary().metrics();

        assertThat(metrics).doesNotContainKeys("precision", "recall", "f1");
        assertThat(metrics.get("specificity")).isEqualTo(1.0);
    }

    @Test
    void multiclassGetsBalancedAccuracyButNoPositiveClassFigures() {
        QualityTally tally = new QualityTally(0);
        QualityReference.classification().forEach(record -> tally.add(OutcomeTyping.AUTO.outcome(record.predicted(),
                record.actual(), record.scores(), Map.of(), 0)));

        QualitySummary summary = tally.summary("cat");

        // mean over the classes that occur as labels (cat, dog, fox; owl is only predicted) of C[i,i] / C[i,:].sum().
        assertThat(summary.metrics().get("balanced_accuracy")).isCloseTo(0.6387600193199495, within(TOLERANCE));
        assertThat(summary.metrics()).doesNotContainKeys("precision", "recall", "f1", "specificity", "average_precision");
        assertThat(summary.binary()).isNull();
    }

    @Test
    void twoNamedClassesGetPositiveClassFiguresOnlyWhenThePositiveClassIsNamed() {
        QualityTally tally = new QualityTally(0);
        tally.add(OutcomeTyping.AUTO.outcome("fraud", "fraud", Map.of(), Map.of(), 0));
        tally.add(OutcomeTyping.AUTO.outcome("legit", "fraud", Map.of(), Map.of(), 0));
        tally.add(OutcomeTyping.AUTO.outcome("legit", "legit", Map.of(), Map.of(), 0));

        assertThat(tally.summary().metrics()).doesNotContainKey("recall");
        assertThat(tally.summary("fraud").metrics().get("recall")).isEqualTo(0.5);
        assertThat(tally.summary("legit").metrics().get("recall")).isEqualTo(1.0);
    }

    @Test
    void averagePrecisionPastTheExactScoreCapStaysWithinItsStatedBound() {
        Random random = new Random(11);
        int n = 6_000;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        ScoreHistogram histogram = new ScoreHistogram();
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.3;
            scores[i] = 1 / (1 + Math.exp(-((positive[i] ? 0.8 : -0.8) + random.nextGaussian())));
            histogram.add(scores[i], positive[i]);
        }
        assertThat(histogram.rounded()).isTrue();
        double exact = exactAveragePrecision(scores, positive);
        double bound = histogram.averagePrecisionErrorBound();

        // About 1.5 scores per grid cell: the bound is a few thousandths, far below any threshold a rule would use.
        assertThat(bound).isGreaterThan(0).isLessThan(0.005);
        assertThat(histogram.averagePrecision()).isCloseTo(exact, within(bound + 1e-12));
    }

    /** scikit-learn's definition on the raw scores: the mean, over the positives, of the precision at their score. */
    private static double exactAveragePrecision(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double sum = 0;
        long truePositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long tiedPositives = 0;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                tiedPositives += positive[order[j]] ? 1 : 0;
                j++;
            }
            truePositives += tiedPositives;
            sum += tiedPositives * (truePositives / (double) j);
            i = j;
        }
        return sum / positives;
    }

    @Test
    void aBusinessValueMatrixThatIsNotTwoByTwoNumbersIsRefusedWithTheFormExpected() {
        assertThat(BusinessValueMatrix.parse(" [[0,-5.5],[ -5e1 , 1e2]] ").falseNegativeValue()).isEqualTo(-50.0);
        assertThatThrownBy(() -> BusinessValueMatrix.parse("[[1, 2, 3], [4, 5]]"))
                .hasMessageContaining("'[[tn, fp], [fn, tp]]'");
        assertThatThrownBy(() -> BusinessValueMatrix.parse("[[1, x], [4, 5]]")).isInstanceOf(IllegalArgumentException.class);
    }
}
