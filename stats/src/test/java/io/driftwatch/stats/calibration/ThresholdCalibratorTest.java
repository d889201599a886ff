package io.driftwatch.stats.calibration;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.binned.JensenShannon;
import io.driftwatch.stats.drift.numeric.WassersteinDistance;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh windows are drawn from the training distribution and compared with the whole training column, as
 * the streaming path will compare them. Mean + 3 sd over ten chunk statistics is itself an estimate: over
 * 20 calibrations of normal training columns the share of fresh windows at or above the threshold averaged
 * 2.6% and ranged from 0 to 15%, so "most of the time" is asserted as at least 90%.
 */
class ThresholdCalibratorTest {
    private static final int WINDOW = 1_000;
    private static final CalibrationPlan WINDOW_PLAN = new CalibrationPlan(10, WINDOW, 11L);
    private static final ThresholdCalibrator CALIBRATOR = new ThresholdCalibrator(WINDOW_PLAN, TestOptions.DEFAULT);

    private static SortedSample normal(int size, double mean, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return SortedSample.ofOwned(values);
    }

    private static CategoryCounts categories(int size, double[] probabilities, long seed) {
        Random random = new Random(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            double u = random.nextDouble();
            int category = 0;
            while (category < probabilities.length - 1 && u >= probabilities[category]) {
                u -= probabilities[category++];
            }
            values.add("c" + category);
        }
        return CategoryCounts.ofValues(values);
    }

    private static Calibration.Calibrated calibrated(Calibration calibration) {
        assertThat(calibration).isInstanceOf(Calibration.Calibrated.class);
        return (Calibration.Calibrated) calibration;
    }

    @Test
    void wassersteinThresholdLiesAboveFreshWindowsOfTheTrainingDistributionAndBelowAShiftedWindow() {
        SortedSample training = normal(20_000, 0, 1);
        Calibration.Calibrated calibration = calibrated(
                CALIBRATOR.calibrate("wasserstein", new ColumnData.Numeric(training, 0), false));

        int below = 0;
        int windows = 200;
        for (int window = 0; window < windows; window++) {
            double statistic = new WassersteinDistance().compare(training, normal(WINDOW, 0, 100 + window)).statistic();
            below += statistic < calibration.threshold() ? 1 : 0;
        }
        double shifted = new WassersteinDistance().compare(training, normal(WINDOW, 0.3, 99)).statistic();

        assertThat(below).as("fresh windows below the threshold of %s", calibration.threshold()).isGreaterThanOrEqualTo(180);
        assertThat(shifted).isGreaterThan(calibration.threshold());
        assertThat(calibration.chunks()).isEqualTo(10);
        assertThat(calibration.chunkRows()).isEqualTo(WINDOW);
        assertThat(calibration.threshold()).isEqualTo(calibration.mean() + 3 * calibration.standardDeviation());
    }

    @Test
    void jensenShannonThresholdLiesAboveFreshWindowsOfTheTrainingCategoriesAndBelowAShiftedWindow() {
        double[] trained = {0.5, 0.3, 0.15, 0.05};
        CategoryCounts training = categories(20_000, trained, 2);
        Calibration.Calibrated calibration = calibrated(
                CALIBRATOR.calibrate("jensen_shannon", new ColumnData.Categorical(training, 0), true));
        JensenShannon test = new JensenShannon(TestOptions.DEFAULT.binning(), TestOptions.DEFAULT.logBase());

        int below = 0;
        int windows = 200;
        for (int window = 0; window < windows; window++) {
            below += test.compare(training, categories(WINDOW, trained, 300 + window)).statistic()
                    < calibration.threshold() ? 1 : 0;
        }
        double shifted = test.compare(training, categories(WINDOW, new double[]{0.4, 0.3, 0.2, 0.1}, 299)).statistic();

        assertThat(below).as("fresh windows below the threshold of %s", calibration.threshold()).isGreaterThanOrEqualTo(180);
        assertThat(shifted).isGreaterThan(calibration.threshold());
    }

    @Test
    void eachChunkIsComparedWithTheRestOfTheColumnNotWithAReferenceThatContainsIt() {
        SortedSample training = normal(3_000, 0, 3);
        CalibrationPlan plan = new CalibrationPlan(3, CalibrationPlan.EQUAL_SPLIT, 5L);
        Calibration.Calibrated calibration = calibrated(new ThresholdCalibrator(plan, TestOptions.DEFAULT)
                .calibrate("wasserstein", new ColumnData.Numeric(training, 0), false));
        NumericChunks chunks = new NumericChunks(training, ChunkAssignment.shuffled(3_000, 3, CalibrationPlan.EQUAL_SPLIT, 5L));

        for (int chunk = 0; chunk < 3; chunk++) {
            SortedSample members = chunks.chunk(chunk);
            double leaveOneOut = new WassersteinDistance().compare(chunks.rest(chunk), members).statistic();
            double included = new WassersteinDistance().compare(training, members).statistic();

            assertThat(chunks.rest(chunk).size()).isEqualTo(2_000);
            assertThat(calibration.chunkStatistics().get(chunk)).isEqualTo(leaveOneOut).isNotEqualTo(included);
        }
    }

    @Test
    void aCategoricalChunksReferenceIsTheColumnsCountsMinusTheChunks() {
        CategoryCounts training = categories(3_000, new double[]{0.6, 0.3, 0.1}, 4);
        ChunkAssignment assignment = ChunkAssignment.shuffled(3_000, 3, CalibrationPlan.EQUAL_SPLIT, 6L);
        CategoricalChunks chunks = new CategoricalChunks(training, assignment);

        for (int chunk = 0; chunk < 3; chunk++) {
            CategoryCounts members = chunks.chunk(chunk);
            CategoryCounts rest = chunks.rest(chunk);
            assertThat(members.total()).isEqualTo(1_000);
            assertThat(rest.total()).isEqualTo(2_000);
            for (String category : training.counts().keySet()) {
                assertThat(members.count(category) + rest.count(category)).isEqualTo(training.count(category));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameThresholdAndAnotherSeedOtherChunks() {
        ColumnData column = new ColumnData.Numeric(normal(5_000, 0, 7), 0);
        ThresholdCalibrator other = new ThresholdCalibrator(new CalibrationPlan(10, WINDOW, 12L), TestOptions.DEFAULT);

        Calibration first = CALIBRATOR.calibrate("psi", column, false);
        Calibration again = CALIBRATOR.calibrate("psi", column, false);
        Calibration reseeded = other.calibrate("psi", column, false);

        assertThat(again).isEqualTo(first);
        assertThat(calibrated(reseeded).chunkStatistics()).isNotEqualTo(calibrated(first).chunkStatistics());
    }

    @Test
    void usesFewerChunksOfTheWindowSizeWhenTheColumnIsShort() {
        Calibration.Calibrated calibration = calibrated(
                CALIBRATOR.calibrate("wasserstein", new ColumnData.Numeric(normal(4_500, 0, 8), 0), false));

        assertThat(calibration.chunks()).isEqualTo(4);
        assertThat(calibration.chunkRows()).isEqualTo(WINDOW);
    }

    @Test
    void splitsIntoEqualChunksWithoutAWindowSize() {
        ThresholdCalibrator equal = new ThresholdCalibrator(CalibrationPlan.defaults(), TestOptions.DEFAULT);

        Calibration.Calibrated calibration = calibrated(
                equal.calibrate("wasserstein", new ColumnData.Numeric(normal(1_005, 0, 9), 0), false));

        assertThat(calibration.chunks()).isEqualTo(CalibrationPlan.DEFAULT_CHUNKS);
        assertThat(calibration.chunkRows()).isEqualTo(100);
    }

    @Test
    void leavesPValueTestsAtTheirDefaultThreshold() {
        Calibration calibration = CALIBRATOR.calibrate("ks", new ColumnData.Numeric(normal(5_000, 0, 10), 0), false);

        assertThat(calibration).isInstanceOf(Calibration.NotCalibrated.class);
        assertThat(((Calibration.NotCalibrated) calibration).reason()).contains("p-value");
    }

    @Test
    void doesNotCalibrateAColumnWhoseChunksAllLookTheSame() {
        CategoryCounts single = CategoryCounts.ofValues(Collections.nCopies(5_000, "only"));

        Calibration calibration = CALIBRATOR.calibrate("jensen_shannon", new ColumnData.Categorical(single, 0), true);

        assertThat(calibration).isInstanceOf(Calibration.NotCalibrated.class);
        assertThat(((Calibration.NotCalibrated) calibration).reason()).contains("same statistic");
    }

    @Test
    void saysWhenAColumnIsTooShortForThreeChunksOfTheWindowSize() {
        Calibration calibration = CALIBRATOR.calibrate("wasserstein", new ColumnData.Numeric(normal(2_500, 0, 11), 0), false);

        assertThat(calibration).isEqualTo(new Calibration.NotCalibrated("wasserstein",
                "2500 valid values are too few for 3 chunks of 1000; use smaller chunks or more training data"));
    }

    @Test
    void calibratesANumericColumnWithFewValuesAsCategories() {
        double[] values = new double[6_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 3 == 0 ? 1 : 0;
        }
        Calibration calibration = CALIBRATOR.calibrate("jensen_shannon",
                new ColumnData.Numeric(SortedSample.of(values), 0), true);

        assertThat(calibrated(calibration).chunks()).isEqualTo(6);
    }
}
