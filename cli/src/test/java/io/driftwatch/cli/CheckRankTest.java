package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.stats.rank.PearsonCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code check --rank}: the columns ordered by NannyML's rankers over the chunks of the current file, the ranking in
 * the JSON, table and HTML reports, what cannot be ranked refused in one line, and nothing changed without it.
 *
 * <p>Alert count: {@code b} is shifted by 1.5 standard deviations in chunks 1 to 4, {@code a} in chunk 4 only, and
 * {@code c} never. Correlation: the model's labels disagree with its predictions more often chunk by chunk, as
 * {@code x1} moves further; {@code x2} moves in a pattern of its own and {@code x3} not at all.
 */
class CheckRankTest {
    private static final Pattern SECOND_FIELD = Pattern.compile("^\\S+\\s+(\\S+)");
    private static final int CHUNK_ROWS = 200;
    private static final double[] X1_SHIFTS = {0, 0.2, 0.5, 0.8, 1.1, 1.4};
    private static final double[] X2_SHIFTS = {0.9, 0, 0.6, 0, 1.2, 0.3};

    @TempDir
    Path directory;

    private Path driftingColumns(String name, boolean shifted) throws IOException {
        Random random = new Random(shifted ? 11 : 12);
        List<String> lines = new ArrayList<>(List.of("a,b,c"));
        for (int row = 0; row < 5 * CHUNK_ROWS; row++) {
            int chunk = row / CHUNK_ROWS;
            double a = random.nextGaussian() + (shifted && chunk == 4 ? 1.5 : 0);
            double b = random.nextGaussian() + (shifted && chunk >= 1 ? 1.5 : 0);
            lines.add(number(a) + "," + number(b) + "," + number(random.nextGaussian()));
        }
        return Files.write(directory.resolve(name), lines);
    }

    /** x1, x2, x3, the prediction (from x3, so it does not drift) and the label, wrong more often as x1 moves. */
    private Path labelled(String name, boolean shifted) throws IOException {
        Random random = new Random(shifted ? 21 : 22);
        List<String> lines = new ArrayList<>(List.of("x1,x2,x3,prediction,label"));
        for (int row = 0; row < X1_SHIFTS.length * CHUNK_ROWS; row++) {
            int chunk = row / CHUNK_ROWS;
            double x1 = random.nextGaussian() + (shifted ? X1_SHIFTS[chunk] : 0);
            double x2 = random.nextGaussian() + (shifted ? X2_SHIFTS[chunk] : 0);
            double x3 = random.nextGaussian();
            int prediction = x3 > 0 ? 1 : 0;
            double wrongShare = 0.1 + (shifted ? 0.25 * X1_SHIFTS[chunk] : 0);
            int label = random.nextDouble() < wrongShare ? 1 - prediction : prediction;
            lines.add(String.join(",", number(x1), number(x2), number(x3), Integer.toString(prediction),
                    Integer.toString(label)));
        }
        return Files.write(directory.resolve(name), lines);
    }

    /**
     * x1, x2, the prediction, its calibrated score and, in the reference only, the label: in the current file the
     * scores crowd towards 0.5 chunk by chunk, so CBPE estimates a falling ROC AUC, as x1 moves further.
     */
    private Path scored(String name, boolean shifted) throws IOException {
        Random random = new Random(shifted ? 31 : 32);
        List<String> lines = new ArrayList<>(List.of("x1,x2,prediction,p,label"));
        for (int row = 0; row < X1_SHIFTS.length * CHUNK_ROWS; row++) {
            int chunk = row / CHUNK_ROWS;
            double x1 = random.nextGaussian() + (shifted ? X1_SHIFTS[chunk] : 0);
            double x2 = random.nextGaussian() + (shifted ? X2_SHIFTS[chunk] : 0);
            double score = 0.5 + (random.nextDouble() - 0.5) * (shifted ? 1 - 0.5 * X1_SHIFTS[chunk] : 1);
            String label = shifted ? "" : random.nextDouble() < score ? "1" : "0";
            lines.add(String.join(",", number(x1), number(x2), score > 0.5 ? "1" : "0", number(score), label));
        }
        return Files.write(directory.resolve(name), lines);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static JsonNode json(String... args) throws IOException {
        return new ObjectMapper().readTree(CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, args));
    }

    private String[] alertCountCheck(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--reference", driftingColumns("reference.csv", false).toString(),
                "--current", driftingColumns("current.csv", true).toString(), "--chunk-rows", Integer.toString(CHUNK_ROWS)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String[] correlationCheck(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--reference", labelled("reference.csv", false).toString(),
                "--current", labelled("current.csv", true).toString(), "--chunk-rows", Integer.toString(CHUNK_ROWS),
                "--labels", "label", "--prediction-column", "prediction"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theColumnThatDriftsInMoreChunksRanksFirstByAlertCount() throws IOException {
        JsonNode ranking = json(alertCountCheck("--format", "json", "--rank", "alert_count")).get("feature_ranking");

        assertThat(ranking.get("method").asText()).isEqualTo("alert_count");
        assertThat(ranking.get("chunks").asInt()).isEqualTo(5);
        assertThat(ranking.get("metric").isNull()).isTrue();
        assertThat(ranking.get("performance").isNull()).isTrue();
        List<JsonNode> features = StreamSupport.stream(ranking.get("features").spliterator(), false).toList();
        assertThat(features).extracting(feature -> feature.get("feature").asText()).containsExactly("b", "a", "c");
        assertThat(features).extracting(feature -> feature.get("alerts").asInt()).containsExactly(4, 1, 0);
        assertThat(features).extracting(feature -> feature.get("rank").asInt()).containsExactly(1, 2, 3);
        assertThat(features).extracting(feature -> feature.get("drifted").asBoolean()).containsExactly(true, true, false);
        assertThat(features).extracting(feature -> feature.get("test").asText()).containsOnly("ks");
        assertThat(features).allSatisfy(feature -> assertThat(feature.get("correlation").isNull()).isTrue());
    }

    @Test
    void theColumnWhoseShiftTracksTheAccuracyDropRanksFirstWithTheStatsCoresCorrelation() throws IOException {
        JsonNode report = json(correlationCheck("--format", "json", "--reference-chunks", "--rank", "correlation"));
        JsonNode ranking = report.get("feature_ranking");

        assertThat(ranking.get("method").asText()).isEqualTo("correlation");
        assertThat(ranking.get("metric").asText()).isEqualTo("accuracy");
        assertThat(ranking.get("performance").asText()).isEqualTo("realized");
        JsonNode first = ranking.get("features").get(0);
        assertThat(first.get("feature").asText()).isEqualTo("x1");
        assertThat(first.get("rank").asInt()).isEqualTo(1);

        double referenceMean = StreamSupport.stream(report.get("reference_chunks").spliterator(), false)
                .mapToDouble(chunk -> chunk.get("quality").get("metrics").get("accuracy").asDouble()).average().orElseThrow();
        String test = first.get("test").asText();
        double[] x1Statistics = StreamSupport.stream(report.get("chunks").spliterator(), false)
                .mapToDouble(chunk -> chunk.get("columns").get("x1").get("tests").get(test).get("statistic").asDouble()).toArray();
        double[] accuracyChange = StreamSupport.stream(report.get("chunks").spliterator(), false)
                .mapToDouble(chunk -> Math.abs(chunk.get("quality").get("metrics").get("accuracy").asDouble() - referenceMean))
                .toArray();
        PearsonCorrelation expected = PearsonCorrelation.of(x1Statistics, accuracyChange).orElseThrow();
        assertThat(ranking.get("reference_mean").asDouble()).isCloseTo(referenceMean, within(1e-12));
        assertThat(first.get("correlation").asDouble()).isCloseTo(expected.r(), within(1e-12));
        assertThat(first.get("p_value").asDouble()).isCloseTo(expected.pValue(), within(expected.pValue() * 1e-9));
        assertThat(expected.r()).isGreaterThan(0.9);
    }

    @Test
    void withEstimatedPerformanceTheCorrelationFollowsTheEstimateOnChunksWithoutLabels() throws IOException {
        JsonNode report = json("check", "--reference", scored("reference.csv", false).toString(), "--current",
                scored("current.csv", true).toString(), "--chunk-rows", Integer.toString(CHUNK_ROWS), "--labels", "label",
                "--prediction-column", "prediction", "--score-column", "p", "--positive-class", "1", "--estimate-performance",
                "--reference-chunks",
                "--rank", "correlation", "--format", "json");
        JsonNode ranking = report.get("feature_ranking");

        assertThat(ranking.get("performance").asText()).isEqualTo("estimated");
        assertThat(ranking.get("metric").asText()).isEqualTo("roc_auc");
        JsonNode first = ranking.get("features").get(0);
        assertThat(first.get("feature").asText()).isEqualTo("x1");
        double referenceMean = StreamSupport.stream(report.get("reference_chunks").spliterator(), false)
                .mapToDouble(chunk -> chunk.get("quality").get("metrics").get("roc_auc").asDouble()).average().orElseThrow();
        String test = first.get("test").asText();
        double[] x1Statistics = StreamSupport.stream(report.get("chunks").spliterator(), false)
                .mapToDouble(chunk -> chunk.get("columns").get("x1").get("tests").get(test).get("statistic").asDouble()).toArray();
        double[] rocAucChange = StreamSupport.stream(report.get("chunks").spliterator(), false)
                .mapToDouble(chunk -> Math.abs(chunk.get("estimated").get("roc_auc").get("value").asDouble() - referenceMean))
                .toArray();
        PearsonCorrelation expected = PearsonCorrelation.of(x1Statistics, rocAucChange).orElseThrow();
        assertThat(first.get("correlation").asDouble()).isCloseTo(expected.r(), within(1e-12));
        assertThat(expected.r()).isGreaterThan(0.9);
    }

    @Test
    void aColumnWithSeveralDecidingTestsIsRankedByTheOneFurthestPastItsThresholdOnTheWholeFile() throws IOException {
        JsonNode report = json(alertCountCheck("--format", "json", "--tests", "ks,psi", "--rank", "alert_count"));

        for (JsonNode feature : report.get("feature_ranking").get("features")) {
            JsonNode tests = report.get("columns").get(feature.get("feature").asText()).get("tests");
            double ksPastThreshold = Math.log(tests.get("ks").get("pvalue").asDouble()) / Math.log(0.05);
            double psiPastThreshold = tests.get("psi").get("statistic").asDouble() / 0.1;
            assertThat(feature.get("test").asText()).as(feature.get("feature").asText())
                    .isEqualTo(ksPastThreshold >= psiPastThreshold ? "ks" : "psi");
        }
    }

    @Test
    void theTableReportPrintsTheRankingAndTheHtmlListsTheColumnsInItsOrder() throws IOException {
        String table = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, alertCountCheck("--rank", "alert_count"));
        String html = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND},
                alertCountCheck("--rank", "alert_count", "--format", "html"));

        String section = table.substring(table.indexOf("Feature ranking, alert count over 5 chunks"));
        assertThat(section.lines().skip(2).limit(3).map(CheckRankTest::secondField)).containsExactly("b", "a", "c");
        assertThat(section).contains("4 of 5");
        String columns = html.substring(html.indexOf("<h2>Columns, in the order of the feature ranking (alert_count)</h2>"));
        assertThat(columns).containsSubsequence("id=\"column-b\"", "id=\"column-a\"", "id=\"column-c\"");
        assertThat(html).contains("<h2>Feature ranking</h2>");
    }

    @Test
    void theReportHasNoRankingWithoutRankAndTheExitCodeIsTheSameWithIt() throws IOException {
        String[] plain = alertCountCheck("--format", "json");
        String[] ranked = alertCountCheck("--format", "json", "--rank", "alert_count");

        assertThat(json(plain).has("feature_ranking")).isFalse();
        assertThat(run(ranked).exit()).isEqualTo(run(plain).exit()).isEqualTo(ExitCode.FOUND);
        assertThat(CommandRun.expecting(new int[]{ExitCode.FOUND}, alertCountCheck())).doesNotContain("Feature ranking");
    }

    @Test
    void correlationWithoutLabelsIsRefusedInOneLine() throws IOException {
        assertRefused(run(alertCountCheck("--rank", "correlation")), "--labels");
    }

    @Test
    void aRankingWithoutAChunkerIsRefusedInOneLine() throws IOException {
        Path file = driftingColumns("reference.csv", false);

        assertRefused(run("check", "--reference", file.toString(), "--current", file.toString(), "--rank", "alert_count"),
                "--chunk-rows");
    }

    @Test
    void anUnknownMethodIsRefusedInOneLine() throws IOException {
        assertRefused(run(alertCountCheck("--rank", "shap")), "--rank shap: give --rank alert_count or --rank correlation");
    }

    @Test
    void anUnknownMetricOrOneTheChunksDoNotHaveIsRefusedInOneLine() throws IOException {
        assertRefused(run(correlationCheck("--rank", "correlation", "--rank-metric", "auroc")), "auroc");
        assertRefused(run(correlationCheck("--rank", "correlation", "--rank-metric", "mae")),
                "the realized performance of the chunks has no mae");
    }

    private static String secondField(String line) {
        Matcher matcher = SECOND_FIELD.matcher(line);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void assertRefused(Outcome outcome, String text) {
        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err().strip().lines()).singleElement().asString().contains(text);
    }

    private record Outcome(int exit, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute(args);
        return new Outcome(exit, err.toString());
    }
}
