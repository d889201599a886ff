package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CheckCommandTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    private String[] golden(GoldenCase golden, String... more) {
        String[] base = {"check", "--reference", golden.folder().resolve("reference.csv").toString(),
                "--current", golden.folder().resolve("current.csv").toString(), "--format", "json"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void reportsScipysKsStatisticAndExactPValueAndExitsOneOnDrift() throws IOException {
        GoldenCase golden = GoldenCases.load("normal_shift");
        int exit = run(golden(golden, "--tests", "ks"));
        JsonNode ks = json().at("/columns/x/tests/ks");
        assertThat(exit).isEqualTo(1);
        assertThat(ks.get("statistic").asDouble()).isCloseTo(golden.expected("ks", "statistic"), within(1e-9));
        assertThat(GoldenCases.pValueClose(ks.get("pvalue").asDouble(), golden.expected("ks", "pvalue"))).isTrue();
        assertThat(ks.get("method").asText()).isEqualTo("exact");
        assertThat(json().at("/dataset/drift").asBoolean()).isTrue();
        assertThat(json().at("/columns/x/n_reference").asLong()).isEqualTo(golden.expected().get("n_reference").asLong());
    }

    @Test
    void exitsZeroWhenTheSameDistributionIsComparedWithItsDefaultTest() throws IOException {
        int exit = run(golden(GoldenCases.load("normal_same")));
        assertThat(exit).isEqualTo(0);
        assertThat(json().at("/columns/x/tests").fieldNames().next()).isEqualTo("ks");
        assertThat(json().at("/dataset/drift").asBoolean()).isFalse();
    }

    @Test
    void reportsAnUnseenCategoryAsASchemaFinding() throws IOException {
        GoldenCase golden = GoldenCases.load("cat_shift_new_category");
        run(golden(golden, "--column-type", "x=categorical"));
        assertThat(json().at("/columns/x/unseen_categories/0").asText()).isEqualTo(golden.expectedUnseenCategories().get(0));
        assertThat(json().at("/schema/0/finding").asText()).isEqualTo("unseen_category");
    }

    @Test
    void sturgesBinningGivesEvidentlysPsi() throws IOException {
        GoldenCase golden = GoldenCases.load("lognormal_small_current");
        run(golden(golden, "--tests", "psi", "--binning", "sturges"));
        assertThat(json().at("/columns/x/tests/psi/statistic").asDouble())
                .isCloseTo(golden.expected("psi_evidently", "statistic"), within(1e-9));
    }

    @Test
    void exitsTwoNamingTheFileWhenItDoesNotExist() {
        int exit = run("check", "--reference", directory.resolve("missing.csv").toString(), "--current", directory.resolve("c.csv").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("missing.csv does not exist");
    }

    @Test
    void exitsTwoNamingFileLineAndColumnForAnUnparsableNumber() throws IOException {
        Path reference = Files.writeString(directory.resolve("r.csv"), "a,b\n1,2\n3,4\n");
        Path current = Files.writeString(directory.resolve("c.csv"), "a,b\n1,2\n3,four\n5,6\n");
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("c.csv line 3, column 'b': 'four' is not a number");
    }

    @Test
    void exitsTwoListingTheKnownTestsForAnUnknownOne() throws IOException {
        GoldenCase golden = GoldenCases.load("tiny_exact");
        int exit = run(golden(golden, "--tests", "ks,kolmogorov"));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown test 'kolmogorov'; known tests: ks, psi");
    }

    @Test
    void tableFormatListsDriftedColumnsFirst() throws IOException {
        Path reference = Files.writeString(directory.resolve("r.csv"), "steady,moved\n" + rows(0, 0));
        Path current = Files.writeString(directory.resolve("c.csv"), "steady,moved\n" + rows(0, 5));
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString());
        String table = out.toString();
        assertThat(exit).isEqualTo(1);
        assertThat(table).startsWith("DATASET DRIFT: 1 of 2 columns drifted");
        assertThat(table.indexOf("moved ")).isLessThan(table.indexOf("steady "));
        assertThat(table).contains("DRIFT");
    }

    private static String rows(double steadyShift, double movedShift) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rows.append(i % 37 + steadyShift).append(',').append(i % 41 + movedShift * 10).append('\n');
        }
        return rows.toString();
    }

    @Test
    void aCurrentFileMissingAColumnFailsTheGateWithExitFourWhateverTheOtherColumnsSay() throws IOException {
        Path reference = Files.writeString(directory.resolve("r.csv"), "steady,moved\n" + rows(0, 0));
        Path current = Files.writeString(directory.resolve("c.csv"), "steady\n" + rows(0, 0).replaceAll(",.*", ""));
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString());
        assertThat(exit).isEqualTo(ExitCode.NOT_JUDGED);
        assertThat(out.toString()).startsWith("NOT JUDGED (no verdict): 0 of 1 columns drifted")
                .contains("  - moved: missing_column (in the reference but not in the current data)")
                .doesNotContain("No dataset drift");
    }

    @Test
    void aFileReadWithTheWrongDelimiterComparesNothingAndIsNeverAPass() throws IOException {
        Path reference = Files.writeString(directory.resolve("r.csv"), "steady,moved\n" + rows(0, 0));
        Path current = Files.writeString(directory.resolve("c.csv"), "steady;moved\n" + rows(0, 0).replace(',', ';'));
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "json");
        assertThat(exit).isEqualTo(ExitCode.NOT_JUDGED);
        JsonNode dataset = json().get("dataset");
        assertThat(dataset.get("columns").asInt()).isZero();
        assertThat(dataset.get("verdict").asText()).isEqualTo("not_judged");
        assertThat(dataset.get("reasons").toString())
                .contains("no column could be compared", "steady: missing_column", "moved: missing_column");
    }

    @Test
    void aOneRowCurrentFilePrintsEveryStatisticButWithholdsTheVerdict() throws IOException {
        Path reference = Files.writeString(directory.resolve("r.csv"), "steady,moved\n" + rows(0, 0));
        Path current = Files.writeString(directory.resolve("c.csv"), "steady,moved\n500,900\n");
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "json");
        assertThat(exit).isEqualTo(ExitCode.NOT_JUDGED);
        assertThat(json().at("/columns/moved/tests/ks/statistic").asDouble()).isEqualTo(1.0);
        assertThat(json().at("/dataset/drift").asBoolean()).isTrue();
        assertThat(json().at("/dataset/reasons").toString()).contains("the current data has 1 row, fewer than the 20 a verdict needs");
        out.getBuffer().setLength(0);
        assertThat(run("check", "--reference", reference.toString(), "--current", current.toString(), "--min-rows", "1"))
                .isEqualTo(ExitCode.FOUND);
    }

    @Test
    void anAllEmptyCurrentColumnIsABrokenFeedReportedAsAFindingNotBadInput() throws IOException {
        Path reference = Files.writeString(directory.resolve("r.csv"), "steady,moved\n" + rows(0, 0));
        Path current = Files.writeString(directory.resolve("c.csv"), "steady,moved\n" + rows(0, 0).replaceAll(",.*", ","));
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "json");
        assertThat(exit).isEqualTo(ExitCode.NOT_JUDGED);
        assertThat(err.toString()).isEmpty();
        assertThat(json().at("/schema/0/column").asText()).isEqualTo("moved");
        assertThat(json().at("/schema/0/finding").asText()).isEqualTo("missing_column");
        assertThat(json().at("/schema/0/detail").asText()).contains("every current row is missing it (missing share 100%)");
        assertThat(json().at("/columns/steady/verdict").asText()).isEqualTo("no_drift");
    }

    @Test
    void aJsonArrayFieldIsReportedAsNotComparableAndTheRestIsJudged() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append("{\"age\": ").append(20 + i % 30).append(", \"tags\": [\"a\", \"b\"]}\n");
        }
        Path reference = Files.writeString(directory.resolve("r.jsonl"), lines.toString());
        Path current = Files.writeString(directory.resolve("c.jsonl"), lines.toString());
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "json");
        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(json().at("/schema/0/column").asText()).isEqualTo("tags");
        assertThat(json().at("/schema/0/finding").asText()).isEqualTo("not_comparable");
        assertThat(json().at("/schema/0/severity").asText()).isEqualTo("warning");
        assertThat(json().at("/dataset/verdict").asText()).isEqualTo("no_drift");
    }

    @Test
    void booleansSpelledTrueFalseByPandasAndTrueFalseByJsonAreOneColumnThatDoesNotDrift() throws IOException {
        StringBuilder csv = new StringBuilder("member\n");
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            csv.append(i % 3 == 0 ? "True" : "False").append('\n');
            jsonl.append("{\"member\": ").append(i % 3 == 0).append("}\n");
        }
        Path reference = Files.writeString(directory.resolve("train.csv"), csv.toString());
        Path current = Files.writeString(directory.resolve("today.jsonl"), jsonl.toString());
        int exit = run("check", "--reference", reference.toString(), "--current", current.toString(), "--format", "json");
        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(json().at("/columns/member/unseen_categories")).isEmpty();
        assertThat(json().at("/columns/member/tests/z_test/statistic").asDouble()).isZero();
        assertThat(json().get("schema")).isEmpty();
    }

    @Test
    void listTestsPrintsEveryTestWithItsDefaultThreshold() {
        int exit = run("check", "--list-tests");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("ks", "p <= 0.05", "wasserstein", "statistic >= 0.1", "chi_square", "p < 0.05");
    }

    @Test
    void informationalTestsThatWouldSayDriftLeaveTheExitCodeAndVerdictsToTheDecidingTest() throws IOException {
        GoldenCase golden = GoldenCases.load("normal_scale_large");

        int exit = run(golden(golden, "--threshold", "wasserstein=0.5"));

        assertThat(exit).isZero();
        assertThat(json().at("/columns/x/tests/wasserstein/verdict").asText()).isEqualTo("no_drift");
        assertThat(json().at("/columns/x/informational/ks/verdict").asText()).isEqualTo("drift");
        assertThat(json().at("/columns/x/verdict").asText()).isEqualTo("no_drift");
        assertThat(json().at("/dataset/verdict").asText()).isEqualTo("no_drift");
    }

    @Test
    void listTestsSaysWhichTestsInformByDefault() {
        int exit = run("check", "--list-tests");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Informing by default", "-> ks, psi", "-> psi");
    }
}
