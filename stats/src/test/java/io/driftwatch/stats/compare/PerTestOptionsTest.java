package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerTestOptionsTest {
    private static final TestOptions STURGES = new TestOptions(Binning.STURGES, LogBase.E, KsMethod.AUTO);
    private static final ComparisonSettings PSI = new ComparisonSettings(TestOptions.DEFAULT, List.of("psi"), Map.of(),
            Map.of(), Map.of(), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);

    private static Map<String, ColumnData> twice(double[] values) {
        ColumnData column = new ColumnData.Numeric(SortedSample.of(values), 0);
        return Map.of("x", column, "y", column);
    }

    @Test
    void aColumnsOwnOptionsGiveEvidentlysPsiThereAndLeaveTheOtherColumnsOnTheDefaults() {
        GoldenCase golden = GoldenCases.load("lognormal_small_current");
        ComparisonSettings settings = PSI.withOptionsByColumn(Map.of("x", Map.of("psi", STURGES)));

        DriftComparison report = new DatasetComparator(settings).compare(twice(golden.referenceValues()),
                twice(golden.currentValues()));
        DriftComparison defaults = new DatasetComparator(PSI).compare(twice(golden.referenceValues()),
                twice(golden.currentValues()));

        assertThat(report.columns().get("x").tests().get("psi").outcome().statistic())
                .isCloseTo(golden.expected("psi_evidently", "statistic"), within(1e-9));
        assertThat(report.columns().get("y").tests().get("psi").outcome().statistic())
                .isEqualTo(defaults.columns().get("y").tests().get("psi").outcome().statistic());
    }

    @Test
    void theOptionsOfEveryColumnHoldWhereAColumnHasNoneOfItsOwn() {
        ComparisonSettings settings = PSI.withOptionsByColumn(Map.of(ComparisonSettings.EVERY_COLUMN, Map.of("psi", STURGES),
                "y", Map.of("ks", new TestOptions(Binning.QUANTILE, LogBase.E, KsMethod.EXACT))));

        assertThat(settings.optionsFor("x", "psi")).isEqualTo(STURGES);
        assertThat(settings.optionsFor("y", "psi")).isEqualTo(STURGES);
        assertThat(settings.optionsFor("y", "ks").ksMethod()).isEqualTo(KsMethod.EXACT);
        assertThat(settings.optionsFor("x", "ks")).isEqualTo(TestOptions.DEFAULT);
    }

    @Test
    void onSketchesATestWhoseOwnBinningHasNoSketchFormIsNotApplicableWithTheReason() {
        GoldenCase golden = GoldenCases.load("lognormal_small_current");
        NumericProfileConfig sketchOnly = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);
        CategoricalProfileConfig categories = CategoricalProfileConfig.defaults();
        ColumnProfile reference = GoldenColumns.reference(golden, sketchOnly, categories, 0, 0, 0).profile();
        ColumnProfile current = GoldenColumns.current(golden, sketchOnly, categories, 0, 0, 0).profile();
        ComparisonSettings settings = PSI.withMinCurrentRecords(0).withOptionsByColumn(Map.of("x", Map.of("psi", STURGES)));

        ColumnReport column = new ProfileComparator(settings).compare(Map.of("x", reference), Map.of("x", current))
                .columns().get("x");

        assertThat(column.tests()).isEmpty();
        assertThat(column.notApplicable().get("psi")).containsIgnoringCase("sturges");
    }

    @Test
    void aTestWhoseCalibrationFailedDoesNotRunAndItsColumnSaysWhy() {
        GoldenCase golden = GoldenCases.load("lognormal_small_current");
        ComparisonSettings settings = PSI.withCalibratedThresholds(Map.of("y", Map.of("psi", 0.3)),
                Map.of("x", Map.of("psi", "every chunk gave the same statistic 0.0")));

        DriftComparison report = new DatasetComparator(settings).compare(twice(golden.referenceValues()),
                twice(golden.currentValues()));

        assertThat(report.columns().get("x").notApplicable().get("psi"))
                .isEqualTo("its threshold is calibrated, and calibration gave none: every chunk gave the same statistic 0.0");
        assertThat(report.columns().get("y").tests().get("psi").threshold().value()).isEqualTo(0.3);
    }
}
