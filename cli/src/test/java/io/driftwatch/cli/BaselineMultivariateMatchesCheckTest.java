package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.chunk.ChunkPlan;
import io.driftwatch.cli.chunk.Chunker;
import io.driftwatch.cli.chunk.ThresholdRule;
import io.driftwatch.cli.multivariate.Features;
import io.driftwatch.cli.multivariate.MultivariateChunks;
import io.driftwatch.cli.report.ChunkedFileCheck;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.multivariate.ColumnEncoder;
import io.driftwatch.stats.multivariate.ColumnKind;
import io.driftwatch.stats.multivariate.PrincipalSubspace;
import io.driftwatch.stats.multivariate.ReconstructionFit;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.topology.multivariate.BaselineReconstructions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for the PCA reconstruction fit: {@code baseline --multivariate pca --multivariate-chunks 5} stores,
 * number for number, the fit, reference chunk values and thresholds {@code check --multivariate pca --chunk-count 5}
 * makes on the same file as its reference, with the same features typed alike (the id the policy excludes left
 * out, the boolean, the colour with a missing value and the zip code the policy declares categorical), so the
 * stream judges its windows by exactly what {@code check} judges its chunks by.
 */
class BaselineMultivariateMatchesCheckTest {
    private static final int CHUNKS = 5;

    @TempDir
    static Path directory;

    private static Path training;
    private static Path policy;
    private static Baseline stored;
    private static ReconstructionReference restored;

    @BeforeAll
    static void storeTheFitInABaseline() throws Exception {
        training = MultivariateTrainingFile.write(directory, "train.csv");
        policy = MultivariateTrainingFile.policy(directory);
        Path avro = directory.resolve("fraud-3.avro");
        CommandRun.succeed("baseline", "--model", "fraud", "--model-version", "3", "--input", training.toString(),
                "--policy", policy.toString(), "--no-calibrate", "--multivariate", "pca", "--multivariate-chunks",
                Integer.toString(CHUNKS), "--output", avro.toString());
        stored = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
        restored = BaselineReconstructions.fromRecord(stored.getMultivariate());
    }

    /** check's own path on the training file as reference and as current, cut by --chunk-count 5. */
    private static MultivariateChunks checked() throws Exception {
        ChunkPlan plan = new ChunkPlan(new Chunker.Count(CHUNKS), null, false, ThresholdRule.LOO);
        ChunkedFileCheck chunked = ChunkedFileCheck.run(training, training, Map.of("zip", ColumnType.CATEGORICAL),
                Set.of("request_id"), ComparisonSettings.DEFAULT, CalibrationTargets.NONE, 0, plan, true);
        return MultivariateChunks.of(Features.of(chunked.whole().report(), Set.of()), training, training,
                chunked.referenceLayout(), chunked.currentLayout());
    }

    @Test
    void theStoredFitIsNumberForNumberTheFitCheckMakesOnTheSameFile() throws Exception {
        MultivariateChunks checked = checked();
        ReconstructionFit fromBaseline = restored.fit();
        ReconstructionFit fromCheck = checked.fit();

        assertThat(fromBaseline.encoders()).isEqualTo(fromCheck.encoders());
        assertThat(fromBaseline.scalerMeans()).containsExactly(fromCheck.scalerMeans());
        assertThat(fromBaseline.scalerScales()).containsExactly(fromCheck.scalerScales());
        PrincipalSubspace baselineSubspace = fromBaseline.subspace();
        PrincipalSubspace checkSubspace = fromCheck.subspace();
        assertThat(baselineSubspace.mean()).containsExactly(checkSubspace.mean());
        assertThat(baselineSubspace.componentCount()).isEqualTo(checkSubspace.componentCount());
        for (int component = 0; component < checkSubspace.componentCount(); component++) {
            assertThat(baselineSubspace.components()[component]).as("component " + component)
                    .containsExactly(checkSubspace.components()[component]);
        }
        assertThat(baselineSubspace.explainedVarianceRatios()).containsExactly(checkSubspace.explainedVarianceRatios());
        assertThat(restored.thresholds()).contains(checked.thresholds());
    }

    @Test
    void theFeaturesAreTheTrainingColumnsTypedAsCheckTypesThemWithoutTheExcludedId() {
        assertThat(restored.fit().columnNames()).containsExactly("x1", "x2", "colour", "member", "zip");
        assertThat(restored.fit().encoders().stream().map(ColumnEncoder::kind)).containsExactly(ColumnKind.CONTINUOUS,
                ColumnKind.CONTINUOUS, ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL);
        assertThat(stored.getMultivariate().getChunking()).isEqualTo("--multivariate-chunks 5");
    }

    @Test
    void theReferenceChunksAreCheckChunksOfTheSameFileWithTheirValues() throws Exception {
        MultivariateChunks checked = checked();

        // 403 rows in chunks of 403 / 5 = 80: five full chunks and one of the 3 left over, as check --chunk-count 5.
        assertThat(restored.chunks().stream().map(ReconstructionReference.Chunk::rows))
                .containsExactly(80L, 80L, 80L, 80L, 80L, 3L);
        assertThat(checked.chunks()).hasSameSizeAs(restored.chunks());
        for (int chunk = 0; chunk < restored.chunks().size(); chunk++) {
            assertThat(restored.chunks().get(chunk).value()).as("chunk " + chunk)
                    .isEqualTo(checked.chunks().get(chunk).errors().value());
        }
    }

    @Test
    void checksJsonReportShowsTheStoredColumnsThresholdsAndChunkValues() throws Exception {
        String json = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check", "--reference",
                training.toString(), "--current", training.toString(), "--policy", policy.toString(), "--chunk-count",
                Integer.toString(CHUNKS), "--multivariate", "pca", "--format", "json");

        JsonNode multivariate = new ObjectMapper().readTree(json).get("multivariate");
        List<String> columns = new ArrayList<>();
        multivariate.get("columns").forEach(column -> columns.add(column.asText()));
        assertThat(columns).isEqualTo(restored.fit().columnNames());
        PrincipalSubspace subspace = restored.fit().subspace();
        assertThat(multivariate.get("components").asInt()).isEqualTo(subspace.componentCount());
        for (int component = 0; component < subspace.componentCount(); component++) {
            assertThat(multivariate.get("explained_variance").get(component).asDouble())
                    .isEqualTo(subspace.explainedVarianceRatios()[component]);
        }
        MetricBand thresholds = restored.thresholds().orElseThrow();
        assertThat(multivariate.at("/thresholds/lower").asDouble()).isEqualTo(thresholds.lower());
        assertThat(multivariate.at("/thresholds/upper").asDouble()).isEqualTo(thresholds.upper());
        JsonNode chunks = new ObjectMapper().readTree(json).get("chunks");
        assertThat(chunks).hasSize(restored.chunks().size());
        for (int chunk = 0; chunk < restored.chunks().size(); chunk++) {
            assertThat(chunks.get(chunk).at("/multivariate/value").asDouble()).as("chunk " + chunk)
                    .isEqualTo(restored.chunks().get(chunk).value());
        }
    }
}
