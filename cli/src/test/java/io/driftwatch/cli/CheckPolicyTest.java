package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.profile.ColumnProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CheckPolicyTest {
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    @TempDir
    Path directory;

    private Path reference;
    private Path current;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void writeRequestLogs() throws IOException {
        reference = RequestLogFiles.write(directory.resolve("reference.csv"), 2_000, 1L,
                Instant.parse("2026-01-01T00:00:00Z"), 0, REGIONS);
        current = RequestLogFiles.write(directory.resolve("current.csv"), 1_000, 2L,
                Instant.parse("2026-03-01T00:00:00Z"), 4_000, REGIONS);
    }

    private int check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(), "--current",
                current.toString(), "--format", "json"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    private String policy(String name, String yaml) throws IOException {
        return Files.writeString(directory.resolve(name), yaml).toString();
    }

    @Test
    void aPolicyExcludingTheRequestIdAndTimestampStopsCheckFlaggingThem() throws IOException {
        check();
        assertThat(json().at("/columns/request_id/verdict").asText()).isEqualTo("drift");
        assertThat(json().at("/columns/received_at/verdict").asText()).isEqualTo("drift");

        int exit = check("--policy", policy("credit.yaml", """
                model: credit
                features:
                  exclude: [request_id, received_at]
                """));

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(json().at("/columns").has("request_id")).isFalse();
        assertThat(json().at("/columns").has("received_at")).isFalse();
        assertThat(json().at("/columns").has("active")).isTrue();
        assertThat(json().at("/excluded").toString()).isEqualTo("[\"received_at\",\"request_id\"]");
        assertThat(json().at("/schema").findValuesAsText("column")).doesNotContain("request_id", "received_at");
    }

    @Test
    void excludeAloneLeavesTheColumnsOutAndTheTableSaysWhich() throws IOException {
        check("--exclude", "request_id,received_at");
        JsonNode commaList = json();
        check("--exclude", "request_id", "--exclude", "received_at");

        assertThat(json()).isEqualTo(commaList);
        assertThat(json().at("/columns").has("request_id")).isFalse();
        run("check", "--reference", reference.toString(), "--current", current.toString(), "--exclude", "request_id");
        assertThat(out.toString()).contains("excluded (not features, not read): request_id\n")
                .doesNotContain("\nrequest_id ");
    }

    @Test
    void aColumnsOwnTestAndThresholdReplaceItsDefaultSelection() throws IOException {
        check("--policy", policy("credit.yaml", """
                model: credit
                features:
                  columns:
                    income:
                      tests: {ks: {threshold: 0.01}}
                """));

        JsonNode income = json().at("/columns/income/tests");
        assertThat(income.size()).isEqualTo(1);
        assertThat(income.at("/ks/threshold").asDouble()).isEqualTo(0.01);
        assertThat(income.at("/ks/condition").asText()).isEqualTo("p <= 0.01");
        assertThat(json().at("/columns/age/tests").has("wasserstein")).isTrue();
    }

    @Test
    void perTestBinningAndLogBaseGiveTheNumbersOfTheCommandLineOptionsOnThatColumn() throws IOException {
        check("--tests", "jensen_shannon", "--binning", "sturges", "--log-base", "2");
        double commandLine = json().at("/columns/income/tests/jensen_shannon/statistic").asDouble();
        check();
        double ageByDefault = json().at("/columns/age/tests/wasserstein/statistic").asDouble();

        check("--policy", policy("credit.yaml", """
                model: credit
                features:
                  columns:
                    income:
                      tests: {jensen_shannon: {threshold: 0.1, binning: sturges, log_base: 2}}
                """));

        assertThat(json().at("/columns/income/tests/jensen_shannon/statistic").asDouble()).isEqualTo(commandLine);
        assertThat(commandLine).isNotCloseTo(0, within(1e-6));
        assertThat(json().at("/columns/age/tests/wasserstein/statistic").asDouble()).isEqualTo(ageByDefault);
        assertThat(json().at("/options/binning").asText()).isEqualTo("quantile");
    }

    @Test
    void anExpectationThatBreaksGivesExitFourWithTheFindingNamingIt() throws IOException {
        int exit = check("--policy", policy("credit.yaml", """
                model: credit
                features:
                  columns:
                    region:
                      expect: {values: [north, south, east], unseen: error}
                """));

        assertThat(exit).isEqualTo(ExitCode.NOT_JUDGED);
        List<JsonNode> errors = new ArrayList<>();
        json().at("/schema").forEach(finding -> {
            if (finding.get("severity").asText().equals("error")) {
                errors.add(finding);
            }
        });
        assertThat(errors).hasSize(1);
        JsonNode finding = errors.get(0);
        assertThat(finding.get("column").asText()).isEqualTo("region");
        assertThat(finding.get("detail").asText()).contains("expect.values").contains("'west'");
    }

    @Test
    void anEmptyInformListGivesNoInformationalTests() throws IOException {
        check();
        assertThat(json().at("/columns/income/informational").size()).isEqualTo(2);

        check("--policy", policy("credit.yaml", """
                model: credit
                features:
                  inform: []
                """));

        json().at("/columns").forEach(column -> assertThat(column.get("informational").size()).isZero());
    }

    @Test
    void aCalibratedThresholdInCheckEqualsTheOneBaselineStoresForTheSameFile() throws IOException {
        String policy = policy("credit.yaml", """
                model: credit
                features:
                  exclude: [request_id, received_at]
                  columns:
                    income:
                      tests: {psi: {threshold: calibrated, binning: sturges}}
                """);
        check("--policy", policy);
        JsonNode psi = json().at("/columns/income/tests/psi");
        Path baselineFile = directory.resolve("credit-v1.json");

        int exit = run("baseline", "--model", "credit", "--model-version", "v1", "--input", reference.toString(),
                "--policy", policy, "--output", baselineFile.toString());

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode columns = new ObjectMapper().readTree(baselineFile.toFile()).get("columns");
        assertThat(columns.has("request_id")).isFalse();
        assertThat(columns.has("received_at")).isFalse();
        assertThat(columns.at("/income/thresholds/psi").asDouble()).isEqualTo(psi.get("threshold").asDouble());
        assertThat(columns.at("/income/thresholds").has("wasserstein")).isTrue();
        assertThat(psi.get("condition").asText()).startsWith("statistic >= 0.");
        assertThat(out.toString()).contains("Excluded (not features, not read): received_at, request_id")
                .contains("psi (policy)");
    }

    @Test
    void aTestThatCannotBeCalibratedSaysWhyInsteadOfJudgingByADefault() throws IOException {
        check("--policy", policy("credit.yaml", """
                model: credit
                features:
                  columns:
                    income:
                      tests: {ks: {threshold: calibrated}}
                """));

        assertThat(json().at("/columns/income/tests").size()).isZero();
        assertThat(json().at("/columns/income/not_applicable/ks").asText())
                .startsWith("its threshold is calibrated, and calibration gave none: ks decides on its p-value");
    }

    @Test
    void aPolicySilentOnEverythingGivesByteIdenticalJson() throws IOException {
        check();
        String withoutPolicy = out.toString();

        check("--policy", policy("credit.yaml", "model: credit\n"));

        assertThat(out.toString()).isEqualTo(withoutPolicy);
    }

    @Test
    void testOptionsBesideAPolicyAreRefusedWithOneLine() throws IOException {
        int exit = check("--policy", policy("credit.yaml", "model: credit\n"), "--binning", "sturges");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("driftwatch: --binning and --policy both choose tests: choose one (drop"
                + " --binning, or write it in the policy file)\n");
    }

    @Test
    void aBrokenPolicyFileGivesFileLineColumnAndExitTwo() throws IOException {
        String file = policy("credit.yaml", """
                model: credit
                features:
                  columns:
                    region: {tests: {ks: {}}, type: categorical}
                """);

        int exit = check("--policy", file);

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).startsWith(file + ":4:").contains("ks compares numbers");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void policiesOfTwoModelsNeedModelToChooseOne() throws IOException {
        String credit = policy("credit.yaml", "model: credit\nfeatures: {exclude: [request_id]}\n");
        String churn = policy("churn.yaml", "model: churn\nfeatures: {exclude: [received_at]}\n");

        assertThat(check("--policy", credit, "--policy", churn)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("models churn, credit; name the one to apply with --model");

        check("--policy", credit, "--policy", churn, "--model", "churn");
        assertThat(json().at("/excluded").toString()).isEqualTo("[\"received_at\"]");
    }

    @Test
    void aWindowComparedFromProfilesWithTheConvertedSettingsGivesChecksPerTestOptionNumbers() throws Exception {
        Path file = Path.of(policy("credit.yaml", """
                model: credit
                features:
                  exclude: [request_id, received_at]
                  columns:
                    income:
                      tests: {jensen_shannon: {threshold: 0.1, binning: sturges, log_base: 2}, psi: {binning: doane}}
                """));
        check("--policy", file.toString());
        JsonNode checked = json().at("/columns/income/tests");
        EffectivePolicy policy = PolicySet.of(List.of(PolicyDocument.read(file)))
                .effective("credit", Optional.empty(), PolicyLayer.builder("defaults").build());

        DriftComparison window = new ProfileComparator(PolicyComparison.settings(policy, ComparisonSettings.DEFAULT)
                .withMinCurrentRecords(0)).compare(profiles(reference, policy), profiles(current, policy));

        ColumnReport income = window.columns().get("income");
        assertThat(income.tests().keySet()).containsExactly("jensen_shannon", "psi");
        for (String test : List.of("jensen_shannon", "psi")) {
            assertThat(income.tests().get(test).outcome().method()).isEqualTo(Method.EXACT);
            assertThat(income.tests().get(test).outcome().statistic())
                    .isCloseTo(checked.at("/" + test + "/statistic").asDouble(), within(1e-12));
        }
        assertThat(window.columns().keySet()).containsExactlyInAnyOrder("income", "age", "active", "region");
    }

    /** The file's columns as a window's profiles, each numeric one holding its values exactly, as the stream keeps them. */
    private static Map<String, ColumnProfile> profiles(Path file, EffectivePolicy policy) throws BadInputException {
        Table table = new TableReader(Map.of(), policy.excludedColumns()).read(file);
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        new BaselineBuilder(BaselineSettings.defaults().withCalibration(false, CalibrationPlan.defaults()))
                .build(table.rows(), table.columns()).columns().forEach(column -> profiles.put(column.name(), column.profile()));
        return profiles;
    }

    @Test
    void theExampleOfTheCheckPageRunsAsThePageSays() throws IOException {
        String page = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/check.md"));
        int section = page.indexOf("## With a policy");
        int start = page.indexOf("```yaml\n", section);
        assertThat(section).as("docs/check.md has a section on policies").isNotNegative();
        assertThat(start).as("that section has a ```yaml example").isNotNegative();
        String example = page.substring(start + "```yaml\n".length(), page.indexOf("```", start + 7));

        int exit = check("--policy", policy("credit.yaml", example));

        assertThat(exit).isIn(ExitCode.OK, ExitCode.FOUND);
        assertThat(json().at("/excluded").toString()).isEqualTo("[\"received_at\",\"request_id\"]");
        json().at("/columns").forEach(column -> assertThat(column.get("informational").size()).isZero());
        JsonNode income = json().at("/columns/income/tests");
        assertThat(income.at("/jensen_shannon/threshold").asDouble()).isEqualTo(0.1);
        assertThat(income.at("/psi/condition").asText()).startsWith("statistic >= 0.");
        assertThat(json().at("/schema").findValuesAsText("severity")).doesNotContain("error");
    }
}
