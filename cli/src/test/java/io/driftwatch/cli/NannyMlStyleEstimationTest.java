package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code check --estimate-performance} on the NannyML-style analysis: NannyML's CBPE of the binary classifier fitted
 * on the labelled reference and applied to each size-500 chunk of the analysis. Every chunk's estimate, sampling
 * error, band, thresholds and alert is held to {@code nannyml-style/cbpe_expected.json}, which {@code cbpe_expected.py}
 * computed with the NumPy definitions of {@code stats/src/test/resources/cbpe/cbpe_reference.py}.
 */
class NannyMlStyleEstimationTest {
    private static final double CLOSE = 1e-9;
    private static final List<String> METRICS = List.of("accuracy", "precision", "recall", "specificity", "f1", "roc_auc",
            "average_precision", "business_value");
    private static JsonNode expected;
    private static JsonNode realized;
    private static JsonNode report;
    private static int exit;
    private static String err;

    @BeforeAll
    static void estimateTheAnalysis() throws Exception {
        Path folder = folder();
        expected = new ObjectMapper().readTree(folder.resolve("cbpe_expected.json").toFile());
        realized = new ObjectMapper().readTree(folder.resolve("expected.json").toFile()).at("/quality/analysis");
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(errors))
                .execute(arguments("json"));
        err = errors.toString();
        report = new ObjectMapper().readTree(out.toString());
    }

    private static String[] arguments(String format) throws URISyntaxException {
        Path folder = folder();
        return new String[]{"check", "--reference", folder.resolve("reference.csv.gz").toString(),
                "--current", folder.resolve("analysis.csv.gz").toString(), "--exclude", "request_id,prediction",
                "--time-column", "scored_at", "--chunk-rows", "500", "--labels", "label",
                "--prediction-column", "prediction", "--score-column", "score",
                "--business-value", "[[0, -100], [-500, 200]]", "--estimate-performance", "--format", format};
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(NannyMlStyleEstimationTest.class.getClassLoader().getResource("nannyml-style"),
                "nannyml-style").toURI());
    }

    @Test
    void theExitCodeStaysTheDriftVerdictsAndTheCalibrationDecisionIsNannyMls() {
        assertThat(exit).as(err).isEqualTo(ExitCode.FOUND);
        JsonNode estimation = report.get("estimation");
        assertThat(estimation.get("calibrated").asBoolean()).isEqualTo(expected.get("calibrated").asBoolean()).isTrue();
        assertThat(estimation.get("expected_calibration_error_before").asDouble())
                .isCloseTo(expected.get("expected_calibration_error_before").asDouble(), within(CLOSE));
        assertThat(estimation.get("expected_calibration_error_after").asDouble())
                .isCloseTo(expected.get("expected_calibration_error_after").asDouble(), within(CLOSE));
        assertThat(estimation.get("positive_class").asText()).isEqualTo("1");
    }

    @Test
    void everyChunksEstimateSamplingErrorBandThresholdsAndAlertAreCbpesAsNumPyComputesThem() {
        JsonNode chunks = report.get("chunks");
        assertThat(chunks).hasSize(expected.get("chunks").size());
        int alerts = 0;
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            for (String metric : METRICS) {
                String where = "chunk " + chunk + " " + metric;
                JsonNode got = chunks.get(chunk).at("/estimated/" + metric);
                JsonNode want = expected.at("/chunks/" + chunk + "/" + metric);
                double scale = metric.equals("business_value") ? 1e4 : 1;
                for (String field : List.of("value", "sampling_error", "lower_band", "upper_band")) {
                    assertThat(got.get(field).asDouble()).as(where + " " + field)
                            .isCloseTo(want.get(field).asDouble(), within(CLOSE * scale));
                }
                assertThat(got.get("lower_threshold").asDouble()).as(where + " lower threshold")
                        .isCloseTo(expected.at("/thresholds/" + metric + "/lower").asDouble(), within(CLOSE * scale));
                assertThat(got.get("upper_threshold").asDouble()).as(where + " upper threshold")
                        .isCloseTo(expected.at("/thresholds/" + metric + "/upper").asDouble(), within(CLOSE * scale));
                assertThat(got.get("alert").asBoolean()).as(where + " alert").isEqualTo(want.get("alert").asBoolean());
                alerts += got.get("alert").asBoolean() ? 1 : 0;
            }
        }
        assertThat(alerts).as("the planted shift moves some estimates outside their thresholds").isPositive();
    }

    @Test
    void aLabelledChunkShowsItsRealizedValueBesideTheEstimate() {
        JsonNode chunks = report.get("chunks");
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            for (String metric : METRICS) {
                assertThat(chunks.get(chunk).at("/estimated/" + metric + "/realized").asDouble()).as("chunk " + chunk + " " + metric)
                        .isCloseTo(realized.get(chunk).get(metric).asDouble(), within(1e-9));
            }
        }
    }

    @Test
    void theTableAndThePageShowTheEstimatesBesideTheRealizedValues() throws Exception {
        StringWriter out = new StringWriter();
        int tableExit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).execute(arguments("table"));

        assertThat(tableExit).isEqualTo(ExitCode.FOUND);
        List<String> lines = out.toString().lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("Estimated performance per chunk"))
                .findFirst().orElseThrow());
        assertThat(lines.get(header)).contains("calibrated");
        assertThat(lines.get(header + 1)).startsWith("chunk").contains("accuracy", "average_precision", "business_value",
                "alerts");
        assertThat(lines.get(header + 2)).startsWith("thresholds").contains(String.format(java.util.Locale.ROOT,
                "[%.4f, %.4f]", expected.at("/thresholds/accuracy/lower").asDouble(),
                expected.at("/thresholds/accuracy/upper").asDouble()));
        assertThat(lines.get(header + 3)).startsWith("0 ").contains(String.format(java.util.Locale.ROOT, "%.4f (%.4f)",
                expected.at("/chunks/0/accuracy/value").asDouble(), realized.get(0).get("accuracy").asDouble()));
        assertThat(lines.get(header + 3 + 6)).startsWith("6 ").endsWith("recall, f1, business_value");

        StringWriter page = new StringWriter();
        String[] html = arguments("html");
        DriftwatchCommand.commandLine().setOut(new PrintWriter(page)).execute(html);
        assertThat(page.toString()).contains("<h2>Estimated performance per chunk</h2>",
                "<td class=\"warn\">recall, f1, business_value</td>");
    }
}
