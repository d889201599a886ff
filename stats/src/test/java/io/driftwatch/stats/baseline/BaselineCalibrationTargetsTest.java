package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.Calibration;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.calibration.ReferenceCalibration;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineCalibrationTargetsTest {
    private static final TestOptions STURGES = new TestOptions(Binning.STURGES, LogBase.E, KsMethod.AUTO);
    private static final CalibrationTargets PSI_EVERYWHERE_WASSERSTEIN_ON_INCOME = new CalibrationTargets(Map.of(
            CalibrationTargets.EVERY_COLUMN, Map.of("psi", STURGES),
            "income", Map.of("wasserstein", TestOptions.DEFAULT, "ks", TestOptions.DEFAULT)));

    private static Map<String, ColumnData> training() {
        Random random = new Random(7);
        double[] income = new double[2_000];
        for (int i = 0; i < income.length; i++) {
            income[i] = 50_000 + 10_000 * random.nextGaussian();
        }
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        columns.put("income", new ColumnData.Numeric(SortedSample.ofOwned(income), 0));
        columns.put("region", new ColumnData.Categorical(CategoryCounts.of(
                Map.of("north", 1_100L, "south", 600L, "east", 280L, "west", 20L)), 0));
        return columns;
    }

    private static TrainingBaseline build(CalibrationTargets targets) {
        return new BaselineBuilder(BaselineSettings.defaults().withTargets(targets)).build(2_000, training());
    }

    @Test
    void aPolicysCalibratedTestsAreStoredBesideTheDefaultTestsAndReplaceItWhenTheyNameIt() {
        TrainingBaseline baseline = build(PSI_EVERYWHERE_WASSERSTEIN_ON_INCOME);
        ColumnBaseline income = baseline.columns().get(0);
        ColumnBaseline region = baseline.columns().get(1);

        assertThat(income.defaultTest()).isEqualTo("wasserstein");
        assertThat(income.calibrations()).extracting(Calibration::test).containsExactlyInAnyOrder("wasserstein", "ks");
        assertThat(income.thresholds().keySet()).containsExactly("wasserstein");
        assertThat(income.notCalibrated().get("ks")).contains("decides on its p-value");
        assertThat(region.thresholds().keySet()).containsExactly("jensen_shannon", "psi");
        assertThat(build(CalibrationTargets.NONE).columns().get(1).thresholds().keySet()).containsExactly("jensen_shannon");
    }

    @Test
    void checkCalibratesOnItsReferenceTheThresholdsTheBaselineStoresForTheSameData() {
        ColumnBaseline region = build(PSI_EVERYWHERE_WASSERSTEIN_ON_INCOME).columns().get(1);

        ComparisonSettings calibrated = ReferenceCalibration.apply(ComparisonSettings.DEFAULT,
                PSI_EVERYWHERE_WASSERSTEIN_ON_INCOME, training());

        assertThat(calibrated.thresholdFor("region", "psi").value()).isEqualTo(region.thresholds().get("psi"));
        assertThat(calibrated.notCalibratedReason("income", "ks")).isPresent();
    }

    @Test
    void theTestsAPolicyCalibratesArePartOfTheBaselinesContentHash() {
        assertThat(build(PSI_EVERYWHERE_WASSERSTEIN_ON_INCOME).contentHash()).isNotEqualTo(build(CalibrationTargets.NONE).contentHash());
        assertThat(build(CalibrationTargets.NONE).contentHash())
                .isEqualTo(new BaselineBuilder(BaselineSettings.defaults()).build(2_000, training()).contentHash());
    }

    @Test
    void binnedEstimatesChangeTheCalibratedWassersteinOfALargeTrainingSetAndItsContentHash() {
        Random random = new Random(11);
        double[] values = new double[12_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian());
        }
        Map<String, ColumnData> columns = Map.of("x", new ColumnData.Numeric(SortedSample.ofOwned(values), 0));
        TestOptions estimates = new TestOptions(Binning.QUANTILE, LogBase.E, KsMethod.AUTO, true);
        BaselineSettings exact = BaselineSettings.defaults().withTargets(new CalibrationTargets(Map.of(
                CalibrationTargets.EVERY_COLUMN, Map.of("wasserstein", TestOptions.DEFAULT))));
        BaselineSettings binned = BaselineSettings.defaults().withTargets(new CalibrationTargets(Map.of(
                CalibrationTargets.EVERY_COLUMN, Map.of("wasserstein", estimates))));

        TrainingBaseline exactBaseline = new BaselineBuilder(exact).build(values.length, columns);
        TrainingBaseline binnedBaseline = new BaselineBuilder(binned).build(values.length, columns);

        assertThat(binnedBaseline.columns().get(0).thresholds().get("wasserstein"))
                .isNotEqualTo(exactBaseline.columns().get(0).thresholds().get("wasserstein"));
        assertThat(binnedBaseline.contentHash()).isNotEqualTo(exactBaseline.contentHash());
    }
}
