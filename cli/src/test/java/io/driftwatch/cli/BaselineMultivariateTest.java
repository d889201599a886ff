package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.schemas.record.ReconstructionColumn;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.topology.multivariate.BaselineReconstructions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code baseline --multivariate pca} as a user meets it: the fit moves the baseline's id (and only the fit does: a
 * baseline without it keeps the statistics' hash), the summary names the features and the thresholds, the
 * {@code .json} output shows the fit, and what cannot be fitted is refused in one line.
 */
class BaselineMultivariateTest {
    @TempDir
    static Path directory;

    private static Path training;
    private static Path policy;

    @BeforeAll
    static void writeTheTrainingFile() throws Exception {
        training = MultivariateTrainingFile.write(directory, "train.csv");
        policy = MultivariateTrainingFile.policy(directory);
    }

    private static List<String> baseline(Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("baseline", "--model", "fraud", "--model-version", "3", "--input",
                input.toString(), "--policy", policy.toString(), "--no-calibrate", "--output", output.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static Baseline stored(String name, String... more) throws Exception {
        Path avro = directory.resolve(name);
        CommandRun.succeed(baseline(training, avro, more).toArray(String[]::new));
        return Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
    }

    @Test
    void theFitIsFoldedIntoTheIdSoItChangesWithTheFitAndNotWithoutIt() throws Exception {
        Baseline plain = stored("plain.avro");
        Baseline fitted = stored("fitted.avro", "--multivariate", "pca");
        Baseline otherChunks = stored("other.avro", "--multivariate", "pca", "--multivariate-chunk-rows", "50");

        assertThat(plain.getMultivariate()).isNull();
        assertThat(stored("plain-again.avro").getBaselineId()).isEqualTo(plain.getBaselineId());
        assertThat(fitted.getBaselineId()).startsWith("fraud/3/").isNotEqualTo(plain.getBaselineId());
        assertThat(otherChunks.getBaselineId()).isNotIn(plain.getBaselineId(), fitted.getBaselineId());
        // The fit's Avro bytes, each category map in key order, are folded onto the hash the baseline has without it:
        // that hash is untouched by the option existing.
        BaselineReconstruction fit = fitted.getMultivariate();
        BaselineReconstruction keyOrdered = BaselineReconstruction.newBuilder(fit).setColumns(fit.getColumns().stream()
                .map(column -> ReconstructionColumn.newBuilder(column).setShares(new TreeMap<>(column.getShares()))
                        .build()).toList()).build();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(plain.getContentHash().getBytes(StandardCharsets.US_ASCII));
        sha256.update(keyOrdered.toByteBuffer());
        assertThat(fitted.getContentHash()).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
        assertThat(fitted.getMultivariate().getChunking()).isEqualTo("--multivariate-chunks 10");
        assertThat(fitted.getMultivariate().getReferenceChunks()).hasSize(11);
        assertThat(otherChunks.getMultivariate().getChunking()).isEqualTo("--multivariate-chunk-rows 50");
        assertThat(otherChunks.getMultivariate().getReferenceChunks()).hasSize(9);
    }

    @Test
    void theSummaryNamesTheFeaturesTheComponentsEachChunkAndTheThresholds() throws Exception {
        Path avro = directory.resolve("summary.avro");
        String out = CommandRun.succeed(baseline(training, avro, "--multivariate", "pca", "--multivariate-chunks", "5")
                .toArray(String[]::new));
        ReconstructionReference reference = BaselineReconstructions.fromRecord(
                Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro))).getMultivariate());
        MetricBand thresholds = reference.thresholds().orElseThrow();

        assertThat(out).contains("Multivariate drift (PCA reconstruction error), fitted on 403 rows in 6 chunks"
                        + " (--multivariate-chunks 5)",
                "features: x1 (continuous), x2 (continuous), colour (categorical), member (categorical), zip (categorical)",
                String.format(Locale.ROOT, "thresholds: lower %.4f, upper %.4f", thresholds.lower(), thresholds.upper()));
        assertThat(out).containsPattern("components: " + reference.fit().subspace().componentCount()
                + " of 5 kept, explaining \\d+\\.\\d% of the variance");
        for (int chunk = 0; chunk < reference.chunks().size(); chunk++) {
            ReconstructionReference.Chunk one = reference.chunks().get(chunk);
            assertThat(out).containsPattern("\\s" + chunk + "\\s+" + one.rows() + "\\s+"
                    + String.format(Locale.ROOT, "%.4f", one.value()).replace(".", "\\."));
        }
    }

    @Test
    void aFileCutIntoManyChunksListsTheFirstTwentyAndCountsTheRest() {
        String out = CommandRun.succeed(baseline(training, directory.resolve("many.avro"), "--multivariate", "pca",
                "--multivariate-chunk-rows", "10").toArray(String[]::new));

        assertThat(out).contains("fitted on 403 rows in 41 chunks (--multivariate-chunk-rows 10)",
                "... and 21 more chunks (all of them in the .json output)");
        assertThat(out).containsPattern("\\s19\\s+10\\s+\\d").doesNotContainPattern("\\s20\\s+10\\s+\\d");
    }

    @Test
    void theJsonOutputShowsTheFitAndItsThresholdsAndNullWithoutIt() throws Exception {
        Baseline fitted = stored("json-fitted.avro", "--multivariate", "pca", "--multivariate-chunks", "5");
        Path json = directory.resolve("fitted.json");
        CommandRun.succeed(baseline(training, json, "--multivariate", "pca", "--multivariate-chunks", "5")
                .toArray(String[]::new));
        Path plainJson = directory.resolve("plain.json");
        CommandRun.succeed(baseline(training, plainJson).toArray(String[]::new));

        JsonNode multivariate = new ObjectMapper().readTree(json.toFile()).get("multivariate");
        assertThat(multivariate.get("method").asText()).isEqualTo("pca");
        assertThat(multivariate.get("chunking").asText()).isEqualTo("--multivariate-chunks 5");
        assertThat(multivariate.at("/columns/2/name").asText()).isEqualTo("colour");
        assertThat(multivariate.at("/columns/2/kind").asText()).isEqualTo("categorical");
        assertThat(multivariate.at("/columns/0/imputed_value").asDouble())
                .isEqualTo(fitted.getMultivariate().getColumns().get(0).getImputedValue());
        for (int chunk = 0; chunk < 6; chunk++) {
            assertThat(multivariate.at("/reference_chunks/" + chunk + "/value").asDouble())
                    .isEqualTo(fitted.getMultivariate().getReferenceChunks().get(chunk).getValue());
        }
        MetricBand thresholds = BaselineReconstructions.fromRecord(fitted.getMultivariate()).thresholds().orElseThrow();
        assertThat(multivariate.at("/thresholds/lower").asDouble()).isEqualTo(thresholds.lower());
        assertThat(multivariate.at("/thresholds/upper").asDouble()).isEqualTo(thresholds.upper());
        assertThat(new ObjectMapper().readTree(plainJson.toFile()).get("multivariate").isNull()).isTrue();
    }

    /** A labelled log: two features, the prediction, its score and the label, 120 rows. */
    private static Path labelledLog() throws Exception {
        StringBuilder csv = new StringBuilder("tenure,spend,predicted,p_churn,churned\n");
        for (int row = 0; row < 120; row++) {
            double score = (row * 37 % 100) / 100.0;
            csv.append(row % 24).append(',').append(String.format(Locale.ROOT, "%.1f", 20 + (row % 24) * 1.5 + row % 7))
                    .append(',').append(score >= 0.5 ? 1 : 0).append(',').append(String.format(Locale.ROOT, "%.2f", score))
                    .append(',').append((row * 53 % 100) / 100.0 < score ? 1 : 0).append('\n');
        }
        return Files.writeString(directory.resolve("labelled.csv"), csv);
    }

    @Test
    void thePredictionScoreAndLabelAreLeftOutAsCheckLeavesThemOut() throws Exception {
        Path log = labelledLog();
        Path avro = directory.resolve("labelled.avro");
        List<String> outcomes = List.of("--labels", "churned", "--prediction-column", "predicted", "--score-column",
                "p_churn");
        List<String> args = new ArrayList<>(List.of("baseline", "--model", "churn", "--model-version", "2", "--input",
                log.toString(), "--no-calibrate", "--output", avro.toString(), "--multivariate", "pca"));
        args.addAll(outcomes);
        CommandRun.succeed(args.toArray(String[]::new));
        List<String> check = new ArrayList<>(List.of("check", "--reference", log.toString(), "--current", log.toString(),
                "--chunk-count", "10", "--multivariate", "pca", "--format", "json"));
        check.addAll(outcomes);
        JsonNode checked = new ObjectMapper().readTree(CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND},
                check.toArray(String[]::new))).at("/multivariate/columns");

        List<String> stored = BaselineReconstructions.fromRecord(Baseline.fromByteBuffer(ByteBuffer.wrap(
                Files.readAllBytes(avro))).getMultivariate()).fit().columnNames();
        assertThat(stored).containsExactly("tenure", "spend");
        assertThat(checked).hasSize(2);
        assertThat(checked.get(0).asText()).isEqualTo(stored.get(0));
        assertThat(checked.get(1).asText()).isEqualTo(stored.get(1));
    }

    private static void assertRefusedInOneLine(Path input, List<String> options, String... phrases) {
        Path output = directory.resolve("refused.avro");
        List<String> args = baseline(input, output, options.toArray(String[]::new));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));

        assertThat(exit).as(out.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().lines().toList()).as(err.toString()).hasSize(1);
        assertThat(err.toString()).contains(phrases);
        assertThat(output).doesNotExist();
    }

    @Test
    void aChunkOptionWithoutMultivariateAsksForIt() {
        assertRefusedInOneLine(training, List.of("--multivariate-chunks", "5"), "--multivariate-chunks",
                "add --multivariate pca");
        assertRefusedInOneLine(training, List.of("--multivariate-chunk-rows", "50"), "--multivariate-chunk-rows",
                "add --multivariate pca");
    }

    @Test
    void bothChunkOptionsOrAValueBelowOneAreRefused() {
        assertRefusedInOneLine(training, List.of("--multivariate", "pca", "--multivariate-chunks", "5",
                "--multivariate-chunk-rows", "50"), "give one of --multivariate-chunks K and --multivariate-chunk-rows N");
        assertRefusedInOneLine(training, List.of("--multivariate", "pca", "--multivariate-chunks", "0"),
                "--multivariate-chunks 0", "1 or more");
        assertRefusedInOneLine(training, List.of("--multivariate", "pca", "--multivariate-chunk-rows", "0"),
                "--multivariate-chunk-rows 0", "1 or more");
    }

    @Test
    void anUnknownMethodNamesTheOneThereIs() {
        assertRefusedInOneLine(training, List.of("--multivariate", "kmeans"), "--multivariate kmeans",
                "give --multivariate pca");
    }

    @Test
    void moreChunksThanRowsIsRefusedWithTheRowCount() {
        assertRefusedInOneLine(training, List.of("--multivariate", "pca", "--multivariate-chunks", "500"),
                "--multivariate-chunks 500", "has 403 rows", "give at most 403 chunks");
    }

    @Test
    void aFileWithoutAVaryingFeatureIsRefusedWithTheFitsReason() throws Exception {
        Path constant = Files.writeString(directory.resolve("constant.csv"), """
                request_id,x1,colour
                r1,2.5,red
                r2,2.5,red
                r3,2.5,red
                """);
        assertRefusedInOneLine(constant, List.of("--multivariate", "pca", "--multivariate-chunks", "3"),
                "--multivariate pca cannot be fitted on " + constant, "no column varies");
    }

    @Test
    void aFileOfOneRowIsRefusedWithTheFitsReason() throws Exception {
        Path oneRow = Files.writeString(directory.resolve("one-row.csv"), "request_id,x1,colour\nr1,2.5,red\n");
        assertRefusedInOneLine(oneRow, List.of("--multivariate", "pca", "--multivariate-chunk-rows", "1"),
                "--multivariate pca cannot be fitted on " + oneRow, "at least two reference rows");
    }

    @Test
    void aFileWhoseOnlyFeatureHoldsNoValueIsRefusedForWantOfAFeature() throws Exception {
        Path empty = Files.writeString(directory.resolve("no-feature.csv"), "request_id,x1\nr1,\nr2,\nr3,\n");
        assertRefusedInOneLine(empty, List.of("--multivariate", "pca", "--multivariate-chunks", "3"),
                "--multivariate pca cannot be fitted on " + empty, "no columns");
    }
}
