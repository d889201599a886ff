package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.tabular.SameDataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code check} with chunks: NannyML's chunkers and threshold rule, each chunk judged as {@code check} judges a file. */
class CheckChunksTest {
    private static final String HEADER = "ts,x,colour";

    @TempDir
    Path directory;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    /** Rows an hour apart from 2026-03-01, x normal (shifted by {@code shift} from row {@code shiftFrom}), colour of three. */
    private static List<String> rows(int count, long seed, double shift, int shiftFrom) {
        Random random = new Random(seed);
        String[] colours = {"red", "green", "blue"};
        List<String> rows = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int row = 0; row < count; row++) {
            double x = random.nextGaussian() + (row >= shiftFrom ? shift : 0);
            rows.add(String.format(Locale.ROOT, "%s,%.6f,%s", start.plusSeconds(3600L * row), x,
                    colours[random.nextInt(colours.length)]));
        }
        return rows;
    }

    private Path csv(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        return Files.write(directory.resolve(name), lines);
    }

    private String[] check(Path reference, Path current, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(), "--current",
                current.toString(), "--format", "json", "--exclude", "ts"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void rowChunksReportEachChunksLinesRowsAndResultsBesideTheUnchangedWholeFileReport() throws IOException {
        Path reference = csv("reference.csv", rows(300, 1, 0, 0));
        Path current = csv("current.csv", rows(250, 2, 0, 0));
        run(check(reference, current, "--tests", "ks,chi_square"));
        JsonNode plain = json();

        int exit = run(check(reference, current, "--tests", "ks,chi_square", "--chunk-rows", "100"));

        JsonNode report = json();
        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(report.get("columns")).isEqualTo(plain.get("columns"));
        assertThat(report.get("dataset")).isEqualTo(plain.get("dataset"));
        assertThat(report.at("/chunking/chunker").asText()).isEqualTo("--chunk-rows 100");
        JsonNode chunks = report.get("chunks");
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(2).get("index").asInt()).isEqualTo(2);
        assertThat(chunks.get(2).get("rows").asLong()).isEqualTo(50);
        assertThat(chunks.get(2).get("first_line").asLong()).isEqualTo(202);
        assertThat(chunks.get(2).get("last_line").asLong()).isEqualTo(251);
        assertThat(chunks.get(2).get("start").isNull()).isTrue();
        assertThat(chunks.get(0).at("/columns/x/n_current").asLong()).isEqualTo(100);
        assertThat(chunks.get(0).at("/dataset/verdict").asText()).isEqualTo("no_drift");
        assertThat(report.has("reference_chunks")).isFalse();
    }

    @Test
    void aChunksResultIsExactlyThatOfCheckOnAFileOfThatChunksRows() throws IOException {
        Path reference = csv("reference.csv", rows(300, 3, 0, 0));
        List<String> currentRows = rows(250, 4, 0.4, 120);
        Path current = csv("current.csv", currentRows);
        Path secondChunk = csv("chunk1.csv", currentRows.subList(100, 200));
        run(check(reference, secondChunk, "--tests", "ks,chi_square,wasserstein,jensen_shannon"));
        JsonNode alone = json();

        run(check(reference, current, "--tests", "ks,chi_square,wasserstein,jensen_shannon", "--chunk-rows", "100"));

        JsonNode chunk = json().at("/chunks/1");
        assertThat(chunk.get("columns")).isEqualTo(alone.get("columns"));
        assertThat(chunk.get("schema")).isEqualTo(alone.get("schema"));
        assertThat(chunk.get("dataset")).isEqualTo(alone.get("dataset"));
    }

    @Test
    void aJsonLinesChunkWithKeysMissingFromSomeRowsIsExactlyThatOfCheckOnThoseRows() throws IOException {
        Path reference = csv("reference.csv", rows(300, 17, 0, 0));
        List<String> lines = new ArrayList<>();
        Random random = new Random(18);
        for (int row = 0; row < 90; row++) {
            String x = row % 7 == 0 ? "" : String.format(Locale.ROOT, "\"x\": %.6f, ", random.nextGaussian() + row / 60.0);
            lines.add("{" + x + "\"colour\": \"" + (row % 3 == 0 ? "red" : "blue") + "\"}");
        }
        Path current = Files.write(directory.resolve("current.jsonl"), lines);
        Path lastChunk = Files.write(directory.resolve("chunk2.jsonl"), lines.subList(60, 90));
        run(check(reference, lastChunk, "--tests", "ks,chi_square", "--min-rows", "1"));
        JsonNode alone = json();

        run(check(reference, current, "--tests", "ks,chi_square", "--min-rows", "1", "--chunk-count", "3"));

        JsonNode chunk = json().at("/chunks/2");
        assertThat(chunk.at("/columns/x/missing_current").asLong()).isEqualTo(4);
        assertThat(chunk.get("columns")).isEqualTo(alone.get("columns"));
        assertThat(chunk.get("dataset")).isEqualTo(alone.get("dataset"));
        assertThat(chunk.get("first_line").asLong()).isEqualTo(61);
    }

    @Test
    void aParquetChunkInTimeOrderIsExactlyThatOfCheckOnThoseRows() throws Exception {
        Path reference = csv("reference.csv", rows(300, 19, 0, 0));
        List<String> currentRows = rows(120, 20, 0.5, 60);
        List<String> shuffled = new ArrayList<>(currentRows);
        Collections.shuffle(shuffled, new Random(21));
        String select = "CAST(ts AS TIMESTAMP) AS ts, CAST(x AS DOUBLE) AS x, colour";
        Path current = SameDataFiles.parquetFromCsv(csv("current.csv", shuffled), select, directory.resolve("current.parquet"));
        Path lastChunk = SameDataFiles.parquetFromCsv(csv("chunk1.csv", currentRows.subList(60, 120)), select,
                directory.resolve("chunk1.parquet"));
        run(check(reference, lastChunk, "--tests", "ks,chi_square"));
        JsonNode alone = json();

        run(check(reference, current, "--tests", "ks,chi_square", "--chunk-count", "2", "--time-column", "ts"));

        JsonNode chunk = json().at("/chunks/1");
        assertThat(chunk.get("columns")).isEqualTo(alone.get("columns"));
        assertThat(chunk.get("rows").asLong()).isEqualTo(60);
        assertThat(chunk.get("start").asText()).isEqualTo("2026-03-03T12:00:00Z");
        assertThat(chunk.get("end").asText()).isEqualTo("2026-03-05T23:00:00Z");
    }

    @Test
    void periodChunksOfTheReferenceNeedItsTimeColumnAndSaySo() throws IOException {
        Path reference = Files.write(directory.resolve("reference.csv"), List.of("x,colour", "1.0,red", "2.0,blue"));
        Path current = csv("current.csv", rows(30, 22, 0, 0));

        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(),
                "--chunk-period", "1d", "--time-column", "ts", "--reference-chunks");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(reference + " has no column 'ts'; --time-column names the column of the"
                + " rows' times");
    }

    @Test
    void theHtmlReportHasAChunkSectionAndTheHelpListsTheChunkOptions() throws IOException {
        Path reference = csv("reference.csv", rows(300, 23, 0, 0));
        Path current = csv("current.csv", rows(200, 24, 3.0, 100));

        run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "html",
                "--tests", "ks", "--exclude", "ts", "--chunk-rows", "100");
        String page = out.toString();
        run("check", "--help");

        assertThat(page).contains("<h2>Chunks of the current data (--chunk-rows 100; thresholds: loo)</h2>")
                .contains("<td>1</td><td class=\"drift\">drift</td><td>-</td><td>100</td><td>102-201</td><td>x (ks ");
        assertThat(out.toString()).contains("--chunk-rows=N", "--chunk-count=K", "--chunk-period=P", "--chunk-offset=D",
                "--time-column=COL", "--reference-chunks", "--threshold-rule=loo|nannyml");
    }

    @Test
    void aPeriodChunkHoldsTheRowsOfItsPeriodWhateverTheFilesOrderAndTheTimeIsNotCompared() throws IOException {
        Path reference = csv("reference.csv", rows(300, 5, 0, 0));
        List<String> currentRows = new ArrayList<>(rows(72, 6, 0, 0));
        Collections.reverse(currentRows);
        Path current = csv("current.csv", currentRows);

        run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "json",
                "--chunk-period", "1d", "--chunk-offset", "6h", "--time-column", "ts", "--min-rows", "1");

        JsonNode report = json();
        assertThat(report.get("chunks")).hasSize(4);
        assertThat(report.at("/chunks/0/start").asText()).isEqualTo("2026-02-28T06:00:00Z");
        assertThat(report.at("/chunks/0/end").asText()).isEqualTo("2026-03-01T06:00:00Z");
        assertThat(report.at("/chunks/0/rows").asLong()).isEqualTo(6);
        assertThat(report.at("/chunks/1/rows").asLong()).isEqualTo(24);
        assertThat(report.at("/chunks/3/rows").asLong()).isEqualTo(18);
        assertThat(report.at("/chunks/0/first_line").asLong()).isEqualTo(68);
        assertThat(report.at("/chunks/0/last_line").asLong()).isEqualTo(73);
        assertThat(report.at("/chunks/0/columns").has("ts")).isFalse();
        assertThat(report.get("excluded").toString()).contains("ts");
    }

    @Test
    void nannymlsRuleHoldsEachChunkToTheMeanPlusThreeStandardDeviationsOfTheReferenceChunks() throws IOException {
        Path reference = csv("reference.csv", rows(500, 7, 0, 0));
        Path current = csv("current.csv", rows(300, 8, 1.0, 200));

        int exit = run(check(reference, current, "--tests", "ks,chi_square", "--chunk-rows", "100", "--threshold-rule",
                "nannyml", "--reference-chunks",
                "--min-rows", "1"));

        JsonNode report = json();
        double[] statistics = new double[5];
        for (int chunk = 0; chunk < 5; chunk++) {
            statistics[chunk] = report.at("/reference_chunks/" + chunk + "/columns/x/tests/ks/statistic").asDouble();
        }
        double mean = Arrays.stream(statistics).average().orElseThrow();
        double variance = Arrays.stream(statistics).map(d -> (d - mean) * (d - mean)).sum() / statistics.length;
        double upper = mean + 3 * Math.sqrt(variance);
        JsonNode shifted = report.at("/chunks/2/columns/x/tests/ks");
        assertThat(shifted.get("threshold").asDouble()).isCloseTo(upper, within(1e-12));
        assertThat(shifted.get("condition").asText()).startsWith("statistic > ");
        assertThat(shifted.get("drift").asBoolean()).isTrue();
        assertThat(report.at("/chunks/0/columns/x/tests/ks/drift").asBoolean()).isFalse();
        assertThat(report.at("/chunks/0/columns/colour/tests/chi_square/condition").asText()).isEqualTo("p < 0.05");
        assertThat(report.at("/chunking/threshold_rule").asText()).isEqualTo("nannyml");
        assertThat(exit).isEqualTo(ExitCode.FOUND);
    }

    @Test
    void aDriftedChunkExitsOneEvenWhenTheWholeFileDidNotDrift() throws IOException {
        Path reference = csv("reference.csv", rows(2000, 9, 0, 0));
        Path current = csv("current.csv", rows(2000, 9, 5.0, 1980));

        int exit = run(check(reference, current, "--tests", "ks", "--chunk-rows", "20"));

        JsonNode report = json();
        assertThat(report.at("/dataset/verdict").asText()).as(report.at("/columns").toString()).isEqualTo("no_drift");
        assertThat(report.at("/chunks/99/dataset/verdict").asText()).isEqualTo("drift");
        assertThat(exit).isEqualTo(ExitCode.FOUND);
    }

    @Test
    void aChunkTooSmallToJudgeSaysSoWithoutChangingTheExitCodeWhichFollowsTheWholeFile() throws IOException {
        Path reference = csv("reference.csv", rows(300, 25, 0, 0));
        Path current = csv("current.csv", rows(230, 25, 0, 0));

        int exit = run(check(reference, current, "--tests", "ks", "--chunk-rows", "110"));
        JsonNode lastChunk = json().at("/chunks/2");
        int tooFewRows = run(check(reference, current, "--tests", "ks", "--chunk-rows", "110", "--min-rows", "1000"));

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(lastChunk.at("/rows").asLong()).isEqualTo(10);
        assertThat(lastChunk.at("/dataset/verdict").asText()).isEqualTo("not_judged");
        assertThat(lastChunk.at("/dataset/reasons/0").asText()).contains("10 rows, fewer than the 20 a verdict needs");
        assertThat(tooFewRows).isEqualTo(ExitCode.NOT_JUDGED);
    }

    @Test
    void theTableShowsOneLinePerChunkWithItsDriftedColumns() throws IOException {
        Path reference = csv("reference.csv", rows(300, 11, 0, 0));
        Path current = csv("current.csv", rows(200, 12, 3.0, 100));

        run("check", "--reference", reference.toString(), "--current", current.toString(), "--tests", "ks",
                "--exclude", "ts", "--chunk-rows", "100");

        assertThat(out.toString()).contains("Chunks of " + current + " against the whole reference (--chunk-rows 100;"
                + " thresholds: loo):").containsPattern("\\n1 +drift +- +100 +102-201 +x \\(ks ");
    }

    @Test
    void whenOnlyAChunkDriftedTheReportSaysSoFirstWhereTheExitCodeComesFrom() throws IOException {
        Path reference = csv("reference.csv", rows(2000, 9, 0, 0));
        Path current = csv("current.csv", rows(2000, 9, 5.0, 1980));
        String[] table = {"check", "--reference", reference.toString(), "--current", current.toString(), "--tests", "ks",
                "--exclude", "ts", "--chunk-rows", "20"};

        int exit = run(table);
        List<String> lines = out.toString().lines().toList();
        List<String> html = new ArrayList<>(List.of(table));
        html.addAll(List.of("--format", "html"));
        run(html.toArray(String[]::new));

        assertThat(exit).isEqualTo(ExitCode.FOUND);
        // Chunks 2, 6 and 59 are KS's false alarms at p <= 0.05 on 20 rows (about 5 in 100 expected); 99 is the shift.
        assertThat(lines.get(0)).isEqualTo("CHUNKS DRIFTED: 4 of 100 chunks of the current data (2, 6, 59, 99; the first"
                + " from line 42)");
        assertThat(lines.get(1)).startsWith("No dataset drift: ");
        assertThat(out.toString()).contains("<strong class=\"drift\">CHUNKS DRIFTED: 4 of 100 chunks of the current data"
                + " (2, 6, 59, 99; the first from line 42)</strong>");
    }

    @Test
    void aRowWithoutATimeIsRefusedNamingTheFileLineAndColumn() throws IOException {
        Path reference = csv("reference.csv", rows(30, 13, 0, 0));
        List<String> currentRows = new ArrayList<>(rows(30, 14, 0, 0));
        currentRows.set(4, ",0.5,red");
        Path current = csv("current.csv", currentRows);

        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(),
                "--chunk-period", "1d", "--time-column", "ts");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(current + " line 6, column 'ts': the time is missing");
    }

    @Test
    void chunkOptionsThatCannotWorkTogetherAreRefusedInOneLine() throws IOException {
        Path reference = csv("reference.csv", rows(30, 15, 0, 0));
        Path current = csv("current.csv", rows(30, 16, 0, 0));
        String[][] refusals = {
                {"--chunk-rows", "10", "--chunk-count", "3"},
                {"--chunk-period", "1d"},
                {"--threshold-rule", "nannyml"},
                {"--chunk-rows", "0"},
                {"--chunk-count", "-1"},
                {"--chunk-period", "1d", "--chunk-offset", "1d", "--time-column", "ts"},
                {"--chunk-period", "a day", "--time-column", "ts"},
                {"--reference-chunks"}};
        String[] messages = {"give one chunker: --chunk-rows, --chunk-count or --chunk-period, not 2",
                "--chunk-period cuts the rows by their times; name the column of times with --time-column COL",
                "--threshold-rule nannyml sets thresholds from the reference's chunks; give a chunker",
                "--chunk-rows 0: give a number of rows, 1 or more",
                "--chunk-count -1: give a number of chunks, 1 or more",
                "--chunk-offset 1d: give an offset smaller than the period 1d",
                "--chunk-period a day: give a duration",
                "--reference-chunks is for chunks; give a chunker"};
        for (int i = 0; i < refusals.length; i++) {
            List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(), "--current",
                    current.toString()));
            args.addAll(List.of(refusals[i]));
            int exit = run(args.toArray(String[]::new));
            assertThat(exit).as(String.join(" ", refusals[i])).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(err.toString()).as(String.join(" ", refusals[i])).contains(messages[i]);
        }
    }
}
