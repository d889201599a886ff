package io.driftwatch.stats.estimate;

import io.driftwatch.stats.quality.BusinessValueMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SamplingErrorsTest {
    private static final double TOLERANCE = CbpeCases.TOLERANCE;
    private static final long CHUNK = 400;

    private static BinarySamplingErrors binary() {
        double[] scores = CbpeCases.doubles("binary", "scores");
        return BinarySamplingErrors.fit(CbpeCases.labels("binary"), CbpeCases.predictedPositive(scores), scores);
    }

    @Test
    void fitsNannyMlsComponentsOnTheReference() {
        BinarySamplingErrors errors = binary();
        // cbpe_reference.py se_components: np.std of the per-row contributions, and the contributing share
        assertEquals(0.4858765275252551, errors.accuracyComponent().standardDeviation(), TOLERANCE);
        assertEquals(0.4992419133106315, errors.precisionComponent().standardDeviation(), TOLERANCE);
        assertEquals(0.654, errors.precisionComponent().relevantShare(), TOLERANCE);
        assertEquals(0.379659870985806, errors.recallComponent().standardDeviation(), TOLERANCE);
        assertEquals(0.418, errors.recallComponent().relevantShare(), TOLERANCE);
        assertEquals(0.49904255231295086, errors.specificityComponent().standardDeviation(), TOLERANCE);
        assertEquals(0.6772927695288412, errors.f1Component().standardDeviation(), TOLERANCE);
        assertEquals(0.727, errors.f1Component().relevantShare(), TOLERANCE);
        assertEquals(0.23546393239431973, errors.rocAuc().standardDeviation(), TOLERANCE);
        assertEquals(0.418, errors.rocAuc().relevantShare(), TOLERANCE);
    }

    @Test
    void givesEachMetricsStandardErrorOnAChunkOf400Rows() {
        BinarySamplingErrors errors = binary();
        // std / sqrt(n * share); business value std * n / sqrt(n) (total) or std / sqrt(n) (per prediction)
        assertEquals(0.024293826376262755, errors.accuracy(CHUNK), TOLERANCE);
        assertEquals(0.030866839882056456, errors.precision(CHUNK), TOLERANCE);
        assertEquals(0.029361386455259784, errors.recall(CHUNK), TOLERANCE);
        assertEquals(0.03270740514709612, errors.specificity(CHUNK), TOLERANCE);
        assertEquals(0.03971725618647747, errors.f1(CHUNK), TOLERANCE);
        assertEquals(0.018209845294825104, errors.rocAuc(CHUNK), TOLERANCE);
        assertEquals(377.30591036982185, errors.businessValue(new BusinessValue(new BusinessValueMatrix(5, -10, -50, 20), false), CHUNK),
                1e-9);
        assertEquals(0.9432647759245546,
                errors.businessValue(new BusinessValue(new BusinessValueMatrix(5, -10, -50, 20), true), CHUNK), TOLERANCE);
    }

    @Test
    void givesConfusionCellsStandardErrorsInTheirNormalisation() {
        BinarySamplingErrors errors = binary();
        assertEquals(9.507365565707465,
                errors.cell(ConfusionCell.TRUE_POSITIVE, ConfusionNormalization.NONE, CHUNK), 1e-9);
        assertEquals(0.029361386455259784,
                errors.cell(ConfusionCell.TRUE_POSITIVE, ConfusionNormalization.TRUE, CHUNK), TOLERANCE);
        assertEquals(0.030866839882056456,
                errors.cell(ConfusionCell.FALSE_POSITIVE, ConfusionNormalization.PREDICTED, CHUNK), TOLERANCE);
    }

    @Test
    void givesMacroStandardErrorsOfAMulticlassChunkOf300Rows() {
        double[][] scores = CbpeCases.rows("multiclass", "scores");
        int[] predicted = new int[scores.length];
        for (int r = 0; r < scores.length; r++) {
            predicted[r] = scores[r][1] > scores[r][predicted[r]] ? 1 : 0;
            predicted[r] = scores[r][2] > scores[r][predicted[r]] ? 2 : predicted[r];
        }
        MulticlassSamplingErrors errors = MulticlassSamplingErrors.fit(
                CbpeCases.classLabels("multiclass"), predicted, scores, 3);
        // sqrt(sum over classes of var / (n * share)) / k; ROC AUC times 1.2; accuracy std / sqrt(n)
        assertEquals(0.027235779820995492, errors.macroPrecision(300), TOLERANCE);
        assertEquals(0.02727854621322019, errors.macroRecall(300), TOLERANCE);
        assertEquals(0.024943437087904887, errors.macroF1(300), TOLERANCE);
        assertEquals(0.015271583042119077, errors.macroSpecificity(300), TOLERANCE);
        assertEquals(0.027327837448076226, errors.accuracy(300), TOLERANCE);
        assertEquals(0.013576614344004992, errors.macroRocAuc(300), TOLERANCE);
    }

    @Test
    void averagePrecisionsSamplingErrorComesFromTheSeededBootstrap() {
        double[] scores = CbpeCases.doubles("binary", "scores");
        boolean[] labels = CbpeCases.labels("binary");
        // cbpe_reference.py ap_sampling_error: 50 resamples of N / 2 rows drawn by SplitMix64(42), np.std of their AP
        AveragePrecisionSamplingError error = AveragePrecisionSamplingError.fit(scores, labels);
        assertThat(error.resampleSize()).isEqualTo(500);
        assertEquals(0.026554668324593536, error.standardDeviation(), TOLERANCE);
        assertEquals(0.0296890217468758, error.standardError(CHUNK), TOLERANCE);
        assertEquals(0.6336381495753896, AveragePrecisionSamplingError.averagePrecision(scores, labels), TOLERANCE);
    }

    @Test
    void refusesAReferenceWithOneClass() {
        double[] scores = new double[30];
        boolean[] labels = new boolean[30];
        Arrays.fill(scores, 0.3);
        assertThatThrownBy(() -> BinarySamplingErrors.fit(labels, labels, scores))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("only one class (30 rows, all negative)");
    }

    @Test
    void theBandAroundAnEstimateIsThreeSamplingErrorsCutAtTheRange() {
        ConfidenceBand band = ConfidenceBand.around(0.98, 0.01, MetricRange.UNIT);
        assertEquals(0.95, band.lower(), 1e-12);
        assertThat(band.upper()).isEqualTo(1.0);
    }
}
