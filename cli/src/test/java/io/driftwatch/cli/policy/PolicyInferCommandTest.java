package io.driftwatch.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.tabular.SameDataFiles;
import io.driftwatch.policy.ColumnPolicy;
import io.driftwatch.policy.Expectation;
import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.ThresholdSpec;
import io.driftwatch.stats.compare.ColumnType;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyInferCommandTest {
    private static final int ROWS = 1_200;
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final List<String> ANSWERS = List.of("yes", "no", "0123", "a: b");

    @TempDir
    Path directory;

    private Path training;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /**
     * A credit model's training file as a team exports it: a UUID request id, an ISO-8601 time and epoch milliseconds of
     * each request, numeric customer ids (a customer makes several requests), a membership flag, a region, an income
     * missing in 3 rows of 100, the number of children, a short free-text reason and a survey answer whose values YAML
     * would misread unquoted.
     */
    @BeforeEach
    void writeTrainingFile() throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        lines.add("request_id,received_at,event_ms,customer_id,is_member,region,income,children,reason,answer");
        Instant start = Instant.parse("2024-06-01T00:00:00Z");
        for (int i = 0; i < ROWS; i++) {
            String income = i % 100 < 3 ? "" : String.format(Locale.ROOT, "%.2f", Math.exp(10.5 + 0.5 * random.nextGaussian()));
            lines.add(String.join(",", new UUID(random.nextLong(), random.nextLong()).toString(),
                    start.plusSeconds(37L * i).toString(), Long.toString(start.toEpochMilli() + 1_000L * i + random.nextInt(999)),
                    Integer.toString(10_000 + random.nextInt(300)), Boolean.toString(random.nextBoolean()),
                    REGIONS.get(random.nextInt(REGIONS.size())), income, Integer.toString(random.nextInt(4)),
                    "reason " + random.nextInt(150) + " of " + random.nextInt(2), ANSWERS.get(random.nextInt(ANSWERS.size()))));
        }
        training = Files.write(directory.resolve("credit-train.csv"), lines);
    }

    private String inferred() {
        Outcome outcome = run("policy", "infer", "--input", training.toString(), "--model", "credit");
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(ExitCode.OK);
        return outcome.out();
    }

    @Test
    void aParquetTrainingFileGivesThePolicyOfTheSameDataAsCsv() throws Exception {
        Path parquet = SameDataFiles.parquetFromCsv(training, "CAST(request_id AS UUID) AS request_id, "
                + "CAST(received_at AS TIMESTAMP) AS received_at, CAST(event_ms AS BIGINT) AS event_ms, "
                + "CAST(customer_id AS INTEGER) AS customer_id, CAST(is_member AS BOOLEAN) AS is_member, region, "
                + "CAST(income AS DECIMAL(12, 2)) AS income, CAST(children AS TINYINT) AS children, reason, answer",
                directory.resolve("credit-train.parquet"));

        Outcome outcome = run("policy", "infer", "--input", parquet.toString(), "--model", "credit");

        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(ExitCode.OK);
        assertThat(withoutSource(outcome.out())).isEqualTo(withoutSource(inferred()));
        assertThat(parsed(outcome.out()).features().exclude())
                .containsExactlyInAnyOrder("request_id", "received_at", "event_ms", "customer_id");
    }

    /** The policy without its first comment, which names the file it was inferred from and when. */
    private static List<String> withoutSource(String yaml) {
        return yaml.lines().filter(line -> !line.startsWith("# from ")).toList();
    }

    private ModelPolicy parsed(String yaml) throws PolicyException {
        return PolicyDocument.parse("credit.yaml", yaml).policy();
    }

    @Test
    void excludesIdsAndTimestampsEachWithItsReason() {
        String yaml = inferred();

        assertThat(yaml).contains(
                "    - request_id  # an id: every value is a UUID (1200 distinct in 1200)\n",
                "    - received_at  # a timestamp: every value is an ISO-8601 date or time\n",
                "    - event_ms  # a timestamp: one distinct whole number per row, all epoch milliseconds between 2000 and 2100\n",
                "    - customer_id  # named as an id, and its values agree: ");
    }

    @Test
    void theOutputIsAValidPolicyWithTheExcludedColumnsAndEveryFeature() throws PolicyException {
        ModelPolicy policy = parsed(inferred());

        assertThat(policy.model()).isEqualTo("credit");
        assertThat(policy.features().exclude()).containsExactlyInAnyOrder("request_id", "received_at", "event_ms", "customer_id");
        assertThat(policy.features().columns()).containsOnlyKeys("is_member", "region", "income", "children", "reason", "answer");
    }

    @Test
    void aRegionGetsItsValuesWithUnseenAsAWarning() throws PolicyException {
        Expectation region = expectation(parsed(inferred()), "region");

        assertThat(region.allowedValues()).contains(List.of("east", "north", "south", "west"));
        assertThat(region.unseen()).hasValueSatisfying(unseen -> assertThat(unseen.name()).isEqualTo("WARNING"));
        assertThat(region.required()).contains(true);
        assertThat(region.maxMissing()).isEmpty();
    }

    @Test
    void incomeGetsItsWidenedTrainingRangeAndAMissingShareAboveTheObservedThreePercent() throws PolicyException {
        String yaml = inferred();
        Expectation income = expectation(parsed(yaml), "income");

        assertThat(income.maxMissing()).hasValue(0.05);
        assertThat(income.min()).hasValue(0);
        assertThat(income.max().orElseThrow()).isGreaterThan(observedMaxIncome());
        assertThat(yaml).contains("        max_missing: 0.05  # 3.0% missing in training",
                "        min: 0  # training range ");
    }

    @Test
    void aBooleanIsCategoricalWithItsTwoValuesQuoted() throws PolicyException {
        String yaml = inferred();
        ColumnPolicy member = parsed(yaml).features().columns().get("is_member");

        assertThat(member.type()).contains(ColumnType.CATEGORICAL);
        assertThat(member.expect().orElseThrow().allowedValues()).contains(List.of("false", "true"));
        assertThat(yaml).contains("        values: [\"false\", \"true\"]");
    }

    @Test
    void valuesYamlWouldMisreadAreQuotedAndReadBackAsTheStrings() throws PolicyException {
        String yaml = inferred();

        assertThat(yaml).contains("        values: [\"0123\", \"a: b\", \"no\", \"yes\"]");
        assertThat(expectation(parsed(yaml), "answer").allowedValues()).contains(List.of("0123", "a: b", "no", "yes"));
    }

    @Test
    void aHighCardinalityTextGetsNoValuesAndSaysWhy() throws PolicyException {
        String yaml = inferred();

        assertThat(expectation(parsed(yaml), "reason").allowedValues()).isEmpty();
        assertThat(yaml).containsPattern("        # [0-9]+ distinct values: more than 20, so no list of allowed values\n");
    }

    @Test
    void thresholdsAreTheOnesBaselineCalibrateStoresForTheSameFile() throws PolicyException, IOException {
        ModelPolicy policy = parsed(inferred());
        Path baselineJson = directory.resolve("baseline.json");
        Outcome baseline = run("baseline", "--model", "credit", "--model-version", "1", "--input", training.toString(),
                "--output", baselineJson.toString());
        assertThat(baseline.exit()).as(baseline.err()).isEqualTo(ExitCode.OK);
        JsonNode columns = new ObjectMapper().readTree(baselineJson.toFile()).get("columns");

        for (String column : List.of("is_member", "region", "income", "reason", "answer")) {
            JsonNode stored = columns.get(column);
            String test = stored.get("default_test").asText();
            ThresholdSpec threshold = policy.features().columns().get(column).tests().orElseThrow().get(test)
                    .threshold().orElseThrow();
            assertThat(((ThresholdSpec.Level) threshold).value()).as(column)
                    .isEqualTo(stored.get("thresholds").get(test).asDouble());
        }
    }

    @Test
    void aNumberWithFewValuesShowsItsCategoricalTestInACommentRatherThanATestsEntry() throws PolicyException {
        String yaml = inferred();

        assertThat(parsed(yaml).features().columns().get("children").tests()).isEmpty();
        assertThat(yaml).contains("      # decided by jensen_shannon on its values as categories (at most 5 distinct),");
    }

    @Test
    void theModelDefaultsToTheFileNameWithoutItsExtension() throws PolicyException {
        Outcome outcome = run("policy", "infer", "--input", training.toString());

        assertThat(parsed(outcome.out()).model()).isEqualTo("credit-train");
    }

    @Test
    void outputWritesTheFileThatValidatePasses() {
        Path output = directory.resolve("credit.yaml");

        Outcome inferred = run("policy", "infer", "--input", training.toString(), "--model", "credit", "--output", output.toString());
        Outcome validated = run("policy", "validate", output.toString());

        assertThat(inferred.exit()).isEqualTo(ExitCode.OK);
        assertThat(inferred.out()).isEmpty();
        assertThat(validated.exit()).as(validated.err()).isEqualTo(ExitCode.OK);
        assertThat(validated.out()).startsWith(output + ": valid; model credit, versions *, id ");
    }

    @Test
    void aFileOfOneRowIsOneClearErrorLineAndExitTwo() throws IOException {
        Path one = Files.writeString(directory.resolve("one.csv"), "age,region\n42,north\n");

        Outcome outcome = run("policy", "infer", "--input", one.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err()).isEqualTo("driftwatch: " + one + " has 1 data rows; a policy is inferred from at least 30,"
                + " so give the model's training file\n");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void anEmptyFileIsOneClearErrorLineAndExitTwo() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.csv"), "");

        Outcome outcome = run("policy", "infer", "--input", empty.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err().lines()).hasSize(1).first().asString().startsWith("driftwatch: " + empty);
    }

    private double observedMaxIncome() {
        try {
            return Files.readAllLines(training).stream().skip(1).map(line -> line.split(",", -1)[6])
                    .filter(value -> !value.isEmpty()).mapToDouble(Double::parseDouble).max().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Expectation expectation(ModelPolicy policy, String column) {
        return policy.features().columns().get(column).expect().orElseThrow();
    }
}
