package io.driftwatch.tools.demo;

import io.driftwatch.stats.baseline.ColumnBaseline;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import io.driftwatch.stats.profile.FeatureProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBaselineTest {
    @TempDir
    Path directory;

    @Test
    void profilesTheModelsPredictionAsThePredictionBesideTheSevenInputs() throws Exception {
        Path scored = ScoredTraining.write(BundledData.copy(BundledData.REFERENCE, directory), directory);

        TrainingBaseline baseline = DemoBaseline.build(scored);

        assertThat(baseline.columns()).extracting(ColumnBaseline::name).containsExactly("age", "income", "credit_score",
                "num_accounts", "region", "device", "employment_years", FeatureProfiles.PREDICTION);
        ColumnBaseline prediction = baseline.columns().get(7);
        assertThat(prediction.profile()).isInstanceOfSatisfying(CategoricalProfile.class, profile -> {
            assertThat(profile.count()).isEqualTo(1000);
            assertThat(profile.frequencies()).extracting(CategoryFrequency::category)
                    .containsExactlyInAnyOrder(CreditTraffic.APPROVE, CreditTraffic.DECLINE);
        });
    }
}
