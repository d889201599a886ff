package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A NannyML-style analysis end to end, as a team moving from NannyML runs it with {@code check}: a labelled reference
 * and analysis period of a binary classifier cut into chunks of 500 rows (the analysis's last chunk incomplete), every
 * chunk of both compared with the whole reference with NannyML's definitions (KS D, Jensen-Shannon on Doane's or
 * per-value bins, Wasserstein, chi-square contingency, L-infinity) and judged by NannyML's thresholds from the
 * reference's chunks, and the realized quality of every chunk (scikit-learn's definitions, NannyML's business value)
 * judged by the bands of the reference's chunks. Every value is held to {@code nannyml-style/expected.json}, which
 * {@code generate.py} computed
 * beside the data with NumPy and SciPy alone, from NannyML's definitions written out.
 */
class NannyMlStyleAnalysisTest {
    private static final double CLOSE = 1e-9;
    private static JsonNode expected;
    private static JsonNode report;
    private static int exit;
    private static String err;

    @BeforeAll
    static void runTheAnalysis() throws Exception {
        Path folder = resource("nannyml-style");
        expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(errors)).execute(
                "check", "--reference", folder.resolve("reference.csv").toString(),
                "--current", folder.resolve("analysis.csv").toString(),
                "--exclude", "request_id,prediction", "--time-column", "scored_at",
                "--labels", "label", "--prediction-column", "prediction", "--score-column", "score",
                "--business-value", "[[0, -100], [-500, 200]]",
                "--chunk-rows", "500", "--reference-chunks", "--threshold-rule", "nannyml",
                "--tests", "ks,jensen_shannon,wasserstein,chi_square_contingency,l_infinity",
                "--binning", "doane", "--log-base", "2", "--format", "json");
        err = errors.toString();
        report = new ObjectMapper().readTree(out.toString());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(NannyMlStyleAnalysisTest.class.getClassLoader().getResource(name), name).toURI());
    }

    @Test
    void theAnalysisExitsOneBecauseLaterChunksDriftAndCutsTheChunksAsNannyMlsSizeChunker() {
        assertThat(exit).as(err).isEqualTo(ExitCode.FOUND);
        assertChunks(report.get("chunks"), expected.get("analysis_chunks"));
        assertChunks(report.get("reference_chunks"), expected.get("reference_chunks"));
        assertThat(report.get("chunks")).hasSize(11);
        assertThat(report.at("/chunks/10/rows").asInt()).as("the incomplete last chunk is kept").isEqualTo(250);
    }

    private static void assertChunks(JsonNode chunks, JsonNode expectedChunks) {
        assertThat(chunks).hasSize(expectedChunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            JsonNode want = expectedChunks.get(i);
            assertThat(chunk.get("index").asInt()).isEqualTo(i);
            assertThat(chunk.get("rows").asInt()).isEqualTo(want.get("rows").asInt());
            assertThat(chunk.get("first_line").asInt()).as("the header is line 1").isEqualTo(want.get("first_row").asInt() + 1);
            assertThat(chunk.get("last_line").asInt()).isEqualTo(want.get("last_row").asInt() + 1);
            assertThat(chunk.get("start").asText()).isEqualTo(want.get("start").asText());
            assertThat(chunk.get("end").asText()).isEqualTo(want.get("end").asText());
        }
    }

    @Test
    void everyChunksStatisticThresholdAndAlertIsNannyMlsAsNumPyAndSciPyComputeThem() {
        int compared = 0;
        for (Map.Entry<String, JsonNode> method : expected.get("drift").properties()) {
            String column = method.getKey().substring(0, method.getKey().indexOf('/'));
            String test = method.getKey().substring(method.getKey().indexOf('/') + 1);
            JsonNode want = method.getValue();
            // driftwatch's wasserstein is divided by the reference's standard deviation; NannyML's is not.
            double scale = want.has("reference_std") ? want.get("reference_std").asDouble() : 1;
            compared += assertPeriod(report.get("reference_chunks"), column, test, want.get("reference"),
                    want.get("reference_p"), want.get("reference_alerts"), want.get("upper_threshold"), scale);
            compared += assertPeriod(report.get("chunks"), column, test, want.get("analysis"), want.get("analysis_p"),
                    want.get("analysis_alerts"), want.get("upper_threshold"), scale);
        }
        assertThat(compared).as("4 columns x 3 tests x 21 chunks").isEqualTo(4 * 3 * 21);
    }

    private static int assertPeriod(JsonNode chunks, String column, String test, JsonNode statistics, JsonNode pValues,
                                    JsonNode alerts, JsonNode upperThreshold, double scale) {
        for (int i = 0; i < chunks.size(); i++) {
            String where = "chunk " + i + " " + column + " " + test;
            JsonNode result = chunks.get(i).at("/columns/" + column + "/tests/" + test);
            assertThat(result.isMissingNode()).as(where + " in " + chunks.get(i).at("/columns/" + column)).isFalse();
            assertThat(result.get("statistic").asDouble()).as(where)
                    .isCloseTo(statistics.get(i).asDouble() / scale, within(CLOSE * Math.max(1, statistics.get(i).asDouble() / scale)));
            if (!pValues.get(i).isNull()) {
                assertThat(result.get("pvalue").asDouble()).as(where + " p-value").isCloseTo(pValues.get(i).asDouble(), within(CLOSE));
            }
            if (upperThreshold.isNull()) {
                assertThat(result.get("condition").asText()).as(where).isEqualTo("p < 0.05");
            } else {
                assertThat(result.get("threshold").asDouble()).as(where + " threshold")
                        .isCloseTo(upperThreshold.asDouble() / scale, within(CLOSE * Math.max(1, upperThreshold.asDouble() / scale)));
            }
            assertThat(result.get("drift").asBoolean()).as(where + " alert").isEqualTo(alerts.get(i).asBoolean());
        }
        return chunks.size();
    }

    @Test
    void everyChunksRealizedQualityBandAndAlertIsNannyMlsAsNumPyComputesThem() {
        JsonNode quality = expected.get("quality");
        for (String metric : List.of("accuracy", "precision", "recall", "f1", "specificity", "balanced_accuracy", "roc_auc",
                "average_precision", "macro_precision", "macro_recall", "macro_f1", "log_loss", "business_value")) {
            JsonNode band = report.at("/quality/bands/" + metric);
            assertThat(band.get("lower").asDouble()).as(metric + " lower band")
                    .isCloseTo(quality.at("/bands/" + metric + "/lower").asDouble(), within(CLOSE * 1e5));
            assertThat(band.get("upper").asDouble()).as(metric + " upper band")
                    .isCloseTo(quality.at("/bands/" + metric + "/upper").asDouble(), within(CLOSE * 1e5));
        }
        assertQuality(report.get("chunks"), quality.get("analysis"));
        assertQuality(report.get("reference_chunks"), quality.get("reference"));
        assertThat(report.at("/chunks/6/quality/alerts")).as("the model's precision falls where the shift was planted")
                .extracting(JsonNode::asText).contains("precision");
    }

    private static void assertQuality(JsonNode chunks, JsonNode expectedChunks) {
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode got = chunks.get(i).get("quality");
            JsonNode want = expectedChunks.get(i);
            String where = "chunk " + i;
            assertThat(got.get("labelled").asLong()).as(where).isEqualTo(want.get("rows").asLong());
            for (String metric : List.of("accuracy", "precision", "recall", "f1", "specificity", "balanced_accuracy",
                    "roc_auc", "average_precision", "macro_precision", "macro_recall", "macro_f1", "log_loss")) {
                assertThat(got.at("/metrics/" + metric).asDouble()).as(where + " " + metric)
                        .isCloseTo(want.get(metric).asDouble(), within(CLOSE));
            }
            assertThat(got.at("/confusion_matrix/true_positive/count").asLong()).as(where).isEqualTo(want.get("tp").asLong());
            assertThat(got.at("/confusion_matrix/true_negative/count").asLong()).as(where).isEqualTo(want.get("tn").asLong());
            assertThat(got.at("/confusion_matrix/false_positive/count").asLong()).as(where).isEqualTo(want.get("fp").asLong());
            assertThat(got.at("/confusion_matrix/false_negative/count").asLong()).as(where).isEqualTo(want.get("fn").asLong());
            assertThat(got.at("/business_value/total").asDouble()).as(where).isEqualTo(want.get("business_value").asDouble());
            assertThat(got.get("alerts")).as(where + " alerts").extracting(JsonNode::asText)
                    .containsExactlyInAnyOrderElementsOf(want.get("alerts").valueStream().map(JsonNode::asText).toList());
        }
    }

    @Test
    void theTableAndThePageShowEachChunksQualityWithItsBandsAndAlerts() throws Exception {
        Path folder = resource("nannyml-style");
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        String[] args = {"check", "--reference", folder.resolve("reference.csv").toString(),
                "--current", folder.resolve("analysis.csv").toString(), "--exclude", "request_id,prediction",
                "--time-column", "scored_at", "--chunk-rows", "500", "--labels", "label", "--prediction-column", "prediction",
                "--score-column", "score"};

        int tableExit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(errors)).execute(args);

        assertThat(tableExit).as(errors.toString()).isEqualTo(ExitCode.FOUND);
        List<String> lines = out.toString().lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("Quality per chunk")).findFirst().orElseThrow());
        assertThat(lines.get(header + 1)).startsWith("chunk").contains("accuracy", "roc_auc", "alerts");
        assertThat(lines.get(header + 2)).startsWith("band").contains("[0.5654, 0.6822]");
        assertThat(lines.get(header + 3 + 6)).startsWith("6 ").endsWith("precision, f1");
        assertThat(lines.get(header + 3 + 5)).startsWith("5 ").endsWith("-");

        StringWriter page = new StringWriter();
        List<String> html = new ArrayList<>(List.of(args));
        html.addAll(List.of("--format", "html"));
        DriftwatchCommand.commandLine().setOut(new PrintWriter(page)).execute(html.toArray(String[]::new));
        assertThat(page.toString()).contains("<h2>Quality per chunk</h2>", "<td class=\"warn\">precision, f1</td>");
    }

    @Test
    void theAlertsFallWhereTheShiftWasPlanted() {
        assertThat(report.at("/chunks/5/columns/region/drift").asBoolean()).isFalse();
        for (int chunk = 6; chunk <= 10; chunk++) {
            assertThat(report.at("/chunks/" + chunk + "/columns/income/tests/jensen_shannon/drift").asBoolean()).as("chunk " + chunk).isTrue();
            assertThat(report.at("/chunks/" + chunk + "/columns/region/tests/chi_square_contingency/drift").asBoolean()).isTrue();
        }
        for (int chunk = 0; chunk < 10; chunk++) {
            assertThat(report.at("/reference_chunks/" + chunk + "/columns/income/drift").asBoolean())
                    .as("no reference chunk of income passes its own thresholds").isFalse();
        }
    }
}
