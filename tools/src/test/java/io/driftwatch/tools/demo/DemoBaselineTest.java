package io.driftwatch.tools.demo;

import io.driftwatch.cli.BaselineCommand;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.stats.baseline.ColumnBaseline;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import io.driftwatch.stats.profile.FeatureProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBaselineTest {
    @TempDir
    Path directory;

    @Test
    void profilesTheModelsPredictionAsThePredictionBesideTheSevenInputsAndNeitherItsScoresNorItsLabels() throws Exception {
        Path scored = ScoredTraining.write(BundledData.copy(BundledData.REFERENCE, directory), directory, 7L);

        TrainingBaseline baseline = DemoBaseline.build(scored, ScoredTraining.ESTIMATION);

        assertThat(baseline.columns()).extracting(ColumnBaseline::name).containsExactly("age", "income", "credit_score",
                "num_accounts", "region", "device", "employment_years", FeatureProfiles.PREDICTION);
        ColumnBaseline prediction = baseline.columns().get(7);
        assertThat(prediction.profile()).isInstanceOfSatisfying(CategoricalProfile.class, profile -> {
            assertThat(profile.count()).isEqualTo(1000);
            assertThat(profile.frequencies()).extracting(CategoryFrequency::category)
                    .containsExactlyInAnyOrder(CreditModel.APPROVE, CreditModel.DECLINE);
        });
    }

    @Test
    void storesTheBaselineAndCbpeFitThatBaselineEstimatePerformanceStoresForTheSameFile() throws Exception {
        Path scored = ScoredTraining.write(BundledData.copy(BundledData.REFERENCE, directory), directory, 7L);
        Path commandOutput = directory.resolve("credit-v1.avro");
        List<String> arguments = new ArrayList<>(List.of("--model", "credit", "--model-version", "v1", "--input", scored.toString()));
        arguments.addAll(List.of(ScoredTraining.ESTIMATION.options().split(" ", -1)));
        arguments.addAll(List.of("--output", commandOutput.toString()));
        StringWriter commandOut = new StringWriter();

        int exit = new CommandLine(new BaselineCommand()).setOut(new PrintWriter(commandOut)).execute(arguments.toArray(String[]::new));
        Baseline demo = DemoBaseline.record(scored, "credit", "v1", ScoredTraining.ESTIMATION, Clock.systemUTC());

        assertThat(exit).as(commandOut.toString()).isZero();
        Baseline command = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(commandOutput)));
        BaselineEstimation fit = demo.getPerformanceEstimation();
        assertThat(fit).isNotNull().isEqualTo(command.getPerformanceEstimation());
        assertThat(fit.getPositiveClass()).isEqualTo(CreditModel.APPROVE);
        assertThat(demo.getQuality()).isNotNull().isEqualTo(command.getQuality());
        assertThat(demo.getContentHash()).isEqualTo(command.getContentHash());
    }
}
