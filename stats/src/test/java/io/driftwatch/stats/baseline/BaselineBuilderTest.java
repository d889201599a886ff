package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.Calibration;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineBuilderTest {
    private static final BaselineBuilder BUILDER = new BaselineBuilder(BaselineSettings.defaults());

    private static Map<String, ColumnData> training(long seed) {
        Random random = new Random(seed);
        double[] income = new double[2_000];
        for (int i = 0; i < income.length; i++) {
            income[i] = 50_000 + 10_000 * random.nextGaussian();
        }
        income[0] = -3.5;
        income[1] = 250_000;
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        columns.put("income", new ColumnData.Numeric(SortedSample.ofOwned(income), 20));
        columns.put("region", new ColumnData.Categorical(CategoryCounts.of(
                Map.of("north", 1_100L, "south", 600L, "east", 300L, "west", 20L)), 0));
        return columns;
    }

    @Test
    void numericFactsCountEveryValueAndKeepTheExactRange() {
        ColumnBaseline income = BUILDER.build(2_020, training(1)).columns().get(0);
        ColumnFacts facts = income.facts();

        assertThat(income.name()).isEqualTo("income");
        assertThat(facts.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(facts.count()).isEqualTo(2_000);
        assertThat(facts.missing()).isEqualTo(20);
        assertThat(facts.missingRate()).isEqualTo(20.0 / 2_020);
        assertThat(facts.min()).isEqualTo(-3.5);
        assertThat(facts.max()).isEqualTo(250_000.0);
        assertThat(facts.distinctCount()).isEqualTo(2_000);
        assertThat(facts.domain()).isEmpty();
        assertThat(income.defaultTest()).isEqualTo("wasserstein");
        assertThat(income.asCategories()).isFalse();
    }

    @Test
    void categoricalFactsListTheDomainMostFrequentFirst() {
        ColumnFacts region = BUILDER.build(2_020, training(1)).columns().get(1).facts();

        assertThat(region.domain()).containsExactly("north", "south", "east", "west");
        assertThat(region.domainTruncated()).isFalse();
        assertThat(region.distinctCount()).isEqualTo(4);
        assertThat(region.count()).isEqualTo(2_020);
        assertThat(region.missingRate()).isZero();
        assertThat(region.min()).isNull();
    }

    @Test
    void aDomainLongerThanTheCapIsCutToTheMostFrequentAndFlagged() {
        BaselineSettings settings = new BaselineSettings(false, CalibrationPlan.defaults(),
                BaselineSettings.defaults().options(), 2, BaselineSettings.defaults().numericProfile(),
                BaselineSettings.defaults().categoricalProfile());

        ColumnFacts region = new BaselineBuilder(settings).build(2_020, training(1)).columns().get(1).facts();

        assertThat(region.domain()).containsExactly("north", "south");
        assertThat(region.domainTruncated()).isTrue();
        assertThat(region.distinctCount()).isEqualTo(4);
    }

    @Test
    void profilesHoldEveryValueAndSurviveTheirByteFormat() {
        TrainingBaseline baseline = BUILDER.build(2_020, training(1));

        NumericProfile income = ProfileCodec.numericFromBytes(ProfileCodec.toBytes(baseline.columns().get(0).profile()));
        CategoricalProfile region = ProfileCodec.categoricalFromBytes(ProfileCodec.toBytes(baseline.columns().get(1).profile()));

        assertThat(income.count()).isEqualTo(2_000);
        assertThat(income.nullCount()).isEqualTo(20);
        assertThat(income.min()).isEqualTo(-3.5);
        assertThat(income.max()).isEqualTo(250_000.0);
        assertThat(region.exactCounts().orElseThrow().count("west")).isEqualTo(20);
        assertThat(region.count()).isEqualTo(2_020);
    }

    @Test
    void calibratesTheDefaultTestOfEveryColumn() {
        TrainingBaseline baseline = BUILDER.build(2_020, training(1));

        ColumnBaseline income = baseline.columns().get(0);
        ColumnBaseline region = baseline.columns().get(1);
        assertThat(income.thresholds()).containsOnlyKeys("wasserstein");
        assertThat(income.thresholds().get("wasserstein")).isEqualTo(
                ((Calibration.Calibrated) income.calibrations().get(0)).threshold());
        assertThat(region.defaultTest()).isEqualTo("jensen_shannon");
        assertThat(region.thresholds()).containsOnlyKeys("jensen_shannon");
    }

    @Test
    void givesNoThresholdsWhenCalibrationIsOff() {
        BaselineSettings off = BaselineSettings.defaults().withCalibration(false, CalibrationPlan.defaults());

        TrainingBaseline baseline = new BaselineBuilder(off).build(2_020, training(1));

        assertThat(baseline.columns()).allSatisfy(column -> {
            assertThat(column.thresholds()).isEmpty();
            assertThat(column.calibrations()).isEmpty();
        });
    }

    @Test
    void aNumericColumnWithFewValuesGetsItsValuesAsDomain() {
        double[] flags = new double[3_000];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = i % 3 == 0 ? 1 : 0;
        }
        ColumnBaseline flag = BUILDER.build(3_000, Map.of("flag", new ColumnData.Numeric(SortedSample.of(flags), 0)))
                .columns().get(0);

        assertThat(flag.asCategories()).isTrue();
        assertThat(flag.defaultTest()).isEqualTo("jensen_shannon");
        assertThat(flag.facts().domain()).containsExactly("0", "1");
    }

    @Test
    void theSameDataAndSettingsGiveTheSameIdAndOtherDataAnother() {
        String first = BUILDER.build(2_020, training(1)).baselineId("fraud", "3");
        String again = BUILDER.build(2_020, training(1)).baselineId("fraud", "3");
        String otherData = BUILDER.build(2_020, training(2)).baselineId("fraud", "3");
        String otherSettings = new BaselineBuilder(BaselineSettings.defaults().withCalibration(false, CalibrationPlan.defaults()))
                .build(2_020, training(1)).baselineId("fraud", "3");

        assertThat(first).matches("fraud/3/[0-9a-f]{16}").isEqualTo(again).isNotEqualTo(otherData).isNotEqualTo(otherSettings);
    }

    private static QualitySummary quality(String... predictedThenActual) {
        QualityTally tally = new QualityTally(0);
        for (int i = 0; i < predictedThenActual.length; i += 2) {
            tally.addPrediction();
            tally.add(OutcomeTyping.AUTO.outcome(predictedThenActual[i], predictedThenActual[i + 1], Map.of(), Map.of(), 0));
        }
        return tally.summary();
    }

    @Test
    void theQualityIsKeptAndChangesTheIdWhileNoQualityLeavesTheIdAsBefore() {
        TrainingBaseline without = BUILDER.build(2_020, training(1));
        TrainingBaseline explicitNull = BUILDER.build(2_020, training(1), null);
        TrainingBaseline right = BUILDER.build(2_020, training(1), quality("yes", "yes", "no", "no"));
        TrainingBaseline half = BUILDER.build(2_020, training(1), quality("yes", "yes", "no", "yes"));

        assertThat(without.quality()).isNull();
        assertThat(explicitNull.baselineId("fraud", "3")).isEqualTo(without.baselineId("fraud", "3"));
        assertThat(right.quality().metrics()).containsEntry("accuracy", 1.0);
        assertThat(right.baselineId("fraud", "3")).isNotEqualTo(without.baselineId("fraud", "3"))
                .isNotEqualTo(half.baselineId("fraud", "3"))
                .isEqualTo(BUILDER.build(2_020, training(1), quality("yes", "yes", "no", "no")).baselineId("fraud", "3"));
    }

    @Test
    void aColumnWithoutValidValuesHasNoDefaultTestAndNoRange() {
        ColumnBaseline empty = BUILDER.build(5, Map.of("empty", new ColumnData.Numeric(SortedSample.of(new double[0]), 5)))
                .columns().get(0);

        assertThat(empty.defaultTest()).isNull();
        assertThat(empty.facts().min()).isNull();
        assertThat(empty.facts().missingRate()).isEqualTo(1.0);
        assertThat(empty.calibrations()).isEmpty();
    }
}
