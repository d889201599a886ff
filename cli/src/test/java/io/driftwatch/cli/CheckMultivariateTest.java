package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.stats.multivariate.CategoricalColumn;
import io.driftwatch.stats.multivariate.ContinuousColumn;
import io.driftwatch.stats.multivariate.FeatureColumn;
import io.driftwatch.stats.multivariate.FeatureTable;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.stats.multivariate.ReconstructionFit;
import io.driftwatch.stats.multivariate.ReconstructionFitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --multivariate pca}: a flipped correlation that no per-column test can see alerts, each chunk's value
 * is the stats core's on that chunk's rows, and what cannot be computed is refused in one line.
 *
 * <p>The current file is the reference's rows chunk by chunk, so its first chunks hold exactly a reference chunk's
 * rows and cannot pass thresholds set at 3 standard deviations from 8 chunks (no value of n lies more than √(n-1)
 * standard deviations from their mean); the flipped chunks keep each column's values and change only how x2 pairs
 * with x1.
 */
class CheckMultivariateTest {
    private static final int CHUNK_ROWS = 50;
    private static final int CHUNKS = 8;
    private static final int FIRST_FLIPPED = 5;
    private static final String[] COLOURS = {"red", "green", "blue"};

    @TempDir
    Path directory;

    /** Rows of x1, x2 = x1 plus a little noise, and a colour with some missing; the CSV's fields. */
    private static List<String[]> referenceRows() {
        Random random = new Random(25);
        List<String[]> rows = new ArrayList<>();
        for (int row = 0; row < CHUNK_ROWS * CHUNKS; row++) {
            double x1 = random.nextGaussian();
            double x2 = x1 + 0.2 * random.nextGaussian();
            String colour = random.nextDouble() < 0.05 ? "" : COLOURS[random.nextInt(COLOURS.length)];
            rows.add(new String[]{format(x1), format(x2), colour});
        }
        return rows;
    }

    /** The reference's rows, x2 re-paired in the flipped chunks (largest x1 with smallest x2) and one colour unseen. */
    private static List<String[]> currentRows(List<String[]> reference) {
        List<String[]> rows = new ArrayList<>();
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            List<String[]> chunkRows = reference.subList(chunk * CHUNK_ROWS, (chunk + 1) * CHUNK_ROWS).stream()
                    .map(String[]::clone).toList();
            if (chunk >= FIRST_FLIPPED) {
                List<String> x2Ascending = chunkRows.stream().map(row -> row[1])
                        .sorted(Comparator.comparingDouble(Double::parseDouble)).toList();
                List<String[]> byX1Descending = chunkRows.stream()
                        .sorted(Comparator.comparingDouble((String[] row) -> Double.parseDouble(row[0])).reversed()).toList();
                for (int rank = 0; rank < CHUNK_ROWS; rank++) {
                    byX1Descending.get(rank)[1] = x2Ascending.get(rank);
                }
                chunkRows.get(0)[2] = "purple";
            }
            rows.addAll(chunkRows);
        }
        return rows;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private Path csv(String name, List<String[]> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of("x1,x2,colour"));
        rows.forEach(row -> lines.add(String.join(",", row)));
        return Files.write(directory.resolve(name), lines);
    }

    /** The rows as the stats core takes them, columns in {@code order}: numbers parsed, a blank colour missing. */
    private static FeatureTable table(List<String[]> rows, List<String> order) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (String name : order) {
            int field = List.of("x1", "x2", "colour").indexOf(name);
            if (name.equals("colour")) {
                columns.add(CategoricalColumn.of(name, rows.stream().map(row -> row[field].isEmpty() ? null : row[field]).toList()));
            } else {
                columns.add(ContinuousColumn.of(name, rows.stream().mapToDouble(row -> Double.parseDouble(row[field])).toArray()));
            }
        }
        return new FeatureTable(columns);
    }

    private JsonNode checkJson(Path reference, Path current) throws IOException {
        String out = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check", "--reference",
                reference.toString(), "--current", current.toString(), "--format", "json", "--chunk-rows",
                Integer.toString(CHUNK_ROWS), "--threshold-rule", "nannyml", "--multivariate", "pca");
        return new ObjectMapper().readTree(out);
    }

    @Test
    void theChunksWhoseCorrelationFlippedAlertAndTheOthersDoNot() throws IOException {
        List<String[]> reference = referenceRows();
        JsonNode report = checkJson(csv("reference.csv", reference), csv("current.csv", currentRows(reference)));

        List<Boolean> alerts = new ArrayList<>();
        report.get("chunks").forEach(chunk -> alerts.add(chunk.get("multivariate").get("alert").asBoolean()));
        assertThat(alerts).containsExactly(false, false, false, false, false, true, true, true);
        assertThat(report.get("multivariate").get("method").asText()).isEqualTo("pca_reconstruction_error");
        assertThat(report.get("multivariate").get("thresholds").get("lower").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void noPerColumnTestDriftsOnTheFlippedColumns() throws IOException {
        List<String[]> reference = referenceRows();
        JsonNode report = checkJson(csv("reference.csv", reference), csv("current.csv", currentRows(reference)));

        for (int chunk = FIRST_FLIPPED; chunk < CHUNKS; chunk++) {
            JsonNode columns = report.get("chunks").get(chunk).get("columns");
            assertThat(columns.get("x1").get("drift").asBoolean()).as("x1 in chunk " + chunk).isFalse();
            assertThat(columns.get("x2").get("drift").asBoolean()).as("x2 in chunk " + chunk).isFalse();
        }
    }

    @Test
    void eachChunksValueIsTheStatsCoresErrorOnThatChunksRows() throws IOException {
        List<String[]> reference = referenceRows();
        List<String[]> current = currentRows(reference);
        JsonNode report = checkJson(csv("reference.csv", reference), csv("current.csv", current));

        List<String> order = new ArrayList<>();
        report.get("multivariate").get("columns").forEach(column -> order.add(column.asText()));
        assertThat(order).containsExactlyInAnyOrder("x1", "x2", "colour");
        ReconstructionFit fit = ReconstructionFitter.fit(table(reference, order));
        assertThat(report.get("multivariate").get("components").asInt()).isEqualTo(fit.subspace().componentCount());
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            ReconstructionErrors expected = fit.errorsOf(table(current.subList(chunk * CHUNK_ROWS,
                    (chunk + 1) * CHUNK_ROWS), order));
            JsonNode actual = report.get("chunks").get(chunk).get("multivariate");
            assertThat(actual.get("value").asDouble()).as("chunk " + chunk).isEqualTo(expected.value());
            assertThat(actual.get("sampling_error").asDouble()).as("chunk " + chunk).isEqualTo(expected.samplingError());
        }
    }

    @Test
    void theTableReportPrintsARowPerChunk() throws IOException {
        List<String[]> reference = referenceRows();
        String table = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check", "--reference",
                csv("reference.csv", reference).toString(), "--current", csv("current.csv", currentRows(reference)).toString(),
                "--chunk-rows", Integer.toString(CHUNK_ROWS), "--multivariate", "pca");

        String section = table.substring(table.indexOf("Multivariate drift per chunk (PCA reconstruction error)"));
        assertThat(section.lines().filter(line -> line.endsWith("reconstruction_error")).map(line -> line.substring(0, line.indexOf(" "))))
                .containsExactly("5", "6", "7");
    }

    @Test
    void theHtmlReportHoldsTheSameTableAsASection() throws IOException {
        List<String[]> reference = referenceRows();
        String html = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check", "--reference",
                csv("reference.csv", reference).toString(), "--current", csv("current.csv", currentRows(reference)).toString(),
                "--chunk-rows", Integer.toString(CHUNK_ROWS), "--multivariate", "pca", "--format", "html");

        String section = html.substring(html.indexOf("<h2>Multivariate drift per chunk (PCA reconstruction error)</h2>"));
        assertThat(section.substring(0, section.indexOf("</section>"))).contains("thresholds")
                .containsSubsequence(">0<", ">5<", "reconstruction_error", ">7<", "reconstruction_error");
    }

    @Test
    void theTimeExcludedLabelPredictionAndScoreColumnsAreNotFeatures() throws IOException {
        List<String> lines = new ArrayList<>(List.of("ts,id,x1,x2,colour,label,prediction,p"));
        List<String[]> rows = referenceRows();
        for (int row = 0; row < rows.size(); row++) {
            String[] features = rows.get(row);
            lines.add(String.join(",", "2026-03-01T00:00:00Z", Integer.toString(row), features[0], features[1], features[2],
                    Integer.toString(row % 2), Integer.toString(row / 2 % 2), "0.5"));
        }
        Path file = Files.write(directory.resolve("labelled.csv"), lines);

        String out = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check", "--reference", file.toString(),
                "--current", file.toString(), "--format", "json", "--chunk-rows", "100", "--time-column", "ts",
                "--exclude", "id", "--labels", "label", "--prediction-column", "prediction", "--score-column", "p",
                "--multivariate", "pca");

        List<String> columns = new ArrayList<>();
        new ObjectMapper().readTree(out).get("multivariate").get("columns").forEach(column -> columns.add(column.asText()));
        assertThat(columns).containsExactlyInAnyOrder("x1", "x2", "colour");
    }

    @Test
    void booleansAndColumnsDeclaredCategoricalAreEncodedAsCategoriesAsCheckTypesThem() throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("x1,flag,grade"));
        List<Double> x1 = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        for (int row = 0; row < 200; row++) {
            x1.add(Double.parseDouble(format(random.nextGaussian())));
            flags.add(random.nextBoolean() ? "true" : "false");
            grades.add(Integer.toString(1 + random.nextInt(3)));
            lines.add(format(x1.get(row)) + "," + flags.get(row) + "," + grades.get(row));
        }
        Path file = Files.write(directory.resolve("typed.csv"), lines);

        JsonNode report = new ObjectMapper().readTree(CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check",
                "--reference", file.toString(), "--current", file.toString(), "--format", "json", "--chunk-rows", "100",
                "--column-type", "grade=categorical", "--multivariate", "pca"));

        List<FeatureColumn> columns = new ArrayList<>();
        report.get("multivariate").get("columns").forEach(column -> columns.add(switch (column.asText()) {
            case "x1" -> ContinuousColumn.of("x1", x1.stream().mapToDouble(Double::doubleValue).toArray());
            case "flag" -> CategoricalColumn.of("flag", flags);
            default -> CategoricalColumn.of("grade", grades);
        }));
        FeatureTable whole = new FeatureTable(columns);
        ReconstructionFit fit = ReconstructionFitter.fit(whole);
        for (int chunk = 0; chunk < 2; chunk++) {
            int first = chunk * 100;
            FeatureTable rows = new FeatureTable(columns.stream().map(column -> slice(column, first, first + 100)).toList());
            assertThat(report.get("chunks").get(chunk).get("multivariate").get("value").asDouble()).as("chunk " + chunk)
                    .isEqualTo(fit.errorsOf(rows).value());
        }
    }

    private static FeatureColumn slice(FeatureColumn column, int from, int to) {
        if (column instanceof ContinuousColumn continuous) {
            return ContinuousColumn.of(column.name(), IntStream.range(from, to).mapToDouble(continuous::value).toArray());
        }
        CategoricalColumn categorical = (CategoricalColumn) column;
        return CategoricalColumn.of(column.name(), IntStream.range(from, to).mapToObj(categorical::value).toList());
    }

    @Test
    void multivariateDriftNeverChangesTheExitCode() throws IOException {
        List<String[]> reference = referenceRows();
        Path referenceFile = csv("reference.csv", reference);
        Path currentFile = csv("current.csv", currentRows(reference));
        String[] plain = {"check", "--reference", referenceFile.toString(), "--current", currentFile.toString(),
                "--chunk-rows", Integer.toString(CHUNK_ROWS), "--threshold-rule", "nannyml"};
        String[] multivariate = Arrays.copyOf(plain, plain.length + 2);
        multivariate[plain.length] = "--multivariate";
        multivariate[plain.length + 1] = "pca";

        assertThat(run(multivariate).exit()).isEqualTo(run(plain).exit());
    }

    @Test
    void withoutAChunkerItIsRefusedInOneLine() throws IOException {
        List<String[]> reference = referenceRows();
        Path file = csv("reference.csv", reference);

        Outcome outcome = run("check", "--reference", file.toString(), "--current", file.toString(), "--multivariate", "pca");

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err().strip().lines()).singleElement().asString().contains("--chunk-rows");
    }

    @Test
    void anUnknownMethodIsRefusedInOneLine() throws IOException {
        Path file = csv("reference.csv", referenceRows());

        Outcome outcome = run("check", "--reference", file.toString(), "--current", file.toString(), "--chunk-rows", "50",
                "--multivariate", "umap");

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err().strip().lines()).singleElement().asString().contains("umap").contains("pca");
    }

    @Test
    void aReferenceThePcaCannotBeFittedOnIsRefusedInOneLineWithTheFitsReason() throws IOException {
        List<String[]> constant = IntStream.range(0, 100).mapToObj(row -> new String[]{"1.0", "2.0", "red"}).toList();
        Path file = csv("constant.csv", constant);

        Outcome outcome = run("check", "--reference", file.toString(), "--current", file.toString(), "--chunk-rows", "50",
                "--multivariate", "pca");

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err().strip().lines()).singleElement().asString()
                .contains("--multivariate pca cannot be fitted on " + file);
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
