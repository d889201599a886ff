package io.driftwatch.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.schemas.registry.FakeRegistryDialect;
import io.driftwatch.schemas.registry.FakeSchemaRegistry;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth, tested at the seam: a team's training file through {@code driftwatch baseline}, its production
 * traffic through {@code driftwatch produce} in each input format and the running service, against
 * {@code driftwatch check} on the very rows of each window. Every kind of column docs/check.md promises is here:
 * doubles with missing values (empty, and {@code NA} and {@code NaN} as scoring logs write them, from the first row
 * of each window), integers, booleans written {@code True}/{@code False} (pandas) and
 * {@code true}/{@code false}, 1/0 flags, strings, a column most rows lack, and the prediction. Windows are held
 * exactly, so the stream's report must equal {@code check}'s: the same columns, types, tests, statistics and
 * p-values to the last bit, verdicts, schema findings and dataset verdict.
 */
class StreamMatchesCheckIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int TRAINING_ROWS = 3_000;
    private static final int WINDOW_ROWS = 1_000;
    private static final String HEADER = "income,age,member,active,flag,region,tenure";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final RunTopics TOPICS = new RunTopics("stream-matches-check");
    private static FakeSchemaRegistry registry;
    @TempDir
    static Path directory;
    private static Path trainingForCheck;
    private static final List<Path> windowsForCheck = new ArrayList<>();
    private static Path traffic;

    @BeforeAll
    static void publishTheBaselineAndWriteTheTraffic() throws IOException {
        registry = FakeSchemaRegistry.start(FakeRegistryDialect.CONFLUENT);
        Random random = new Random(2026);
        StringBuilder training = new StringBuilder(HEADER + ",prediction\n");
        for (int i = 0; i < TRAINING_ROWS; i++) {
            training.append(row(random, false, false)).append('\n');
        }
        Path trainingFile = Files.writeString(directory.resolve("train.csv"), training);
        run("baseline", "--model", "credit", "--model-version", "v7", "--input", trainingFile.toString(),
                "--prediction-column", "prediction", "--no-calibrate", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", TOPICS.baselines());
        trainingForCheck = Files.writeString(directory.resolve("train-check.csv"),
                training.toString().replaceFirst(",prediction\n", ",__prediction__\n"));

        StringBuilder replay = new StringBuilder("request_id,event_time," + HEADER + ",prediction\n");
        for (int window = 0; window < 2; window++) {
            StringBuilder rows = new StringBuilder(HEADER + ",__prediction__\n");
            for (int i = 0; i < WINDOW_ROWS; i++) {
                String row = row(random, window == 1, i == 0);
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 600L);
                replay.append("req-").append(window).append('-').append(i).append(',').append(time).append(',').append(row).append('\n');
                rows.append(row).append('\n');
            }
            windowsForCheck.add(Files.writeString(directory.resolve("window-" + window + ".csv"), rows));
        }
        traffic = Files.writeString(directory.resolve("traffic.csv"), replay);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /**
     * One row of the team's data; the second window's income and membership have moved. Tenure is {@code NaN} when
     * unknown, always in a window's first row, whose string the stream would otherwise type the column by.
     */
    private static String row(Random random, boolean shifted, boolean firstOfWindow) {
        String income = random.nextDouble() < 0.02 ? (random.nextBoolean() ? "" : "NA") : String.format(Locale.ROOT, "%.2f",
                52_000 + (shifted ? 14_000 : 0) + random.nextGaussian() * 9_000);
        int age = 18 + random.nextInt(60);
        String member = random.nextDouble() < (shifted ? 0.6 : 0.3) ? "True" : "False";
        String active = random.nextBoolean() ? "true" : "false";
        int flag = random.nextDouble() < 0.1 ? 1 : 0;
        String region = List.of("north", "south", "east", "west").get(random.nextInt(4));
        String tenure = random.nextDouble() < 0.7 || firstOfWindow ? "NaN" : String.format(Locale.ROOT, "%.1f", random.nextDouble() * 12);
        double prediction = Math.min(1, Math.max(0, 0.2 + random.nextGaussian() * 0.1 + (member.equals("True") ? 0.2 : 0)));
        return String.join(",", income, Integer.toString(age), member, active, Integer.toString(flag), region, tenure,
                String.format(Locale.ROOT, "%.4f", prediction));
    }

    /** A command that may find drift (check) as well as succeed. */
    private static String run(String... args) {
        return CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, args);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "avro-single", "avro-registry"})
    void everyWindowsReportEqualsCheckOnTheSameRows(String format) throws Exception {
        String topic = "inferences-" + format;
        List<String> produce = new ArrayList<>(List.of("produce", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic, "--encoding", format, "--model", "credit", "--model-version", "v7"));
        if (format.equals("avro-registry")) {
            produce.addAll(List.of("--registry", registry.url()));
        }
        produce.add(traffic.toString());
        run(produce.toArray(String[]::new));

        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.putAll(TOPICS.settings());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "seam-" + format);
        settings.put(DriftwatchConfig.INPUT_FORMAT_CONFIG, format);
        if (format.equals("avro-registry")) {
            settings.put("driftwatch.schema.registry.url", registry.url());
        }
        settings.put(DriftwatchConfig.INFERENCES_TOPIC_CONFIG, topic);
        settings.put(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG, "reports-" + format);
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "0");
        settings.put(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, "2000");
        settings.put(DriftwatchConfig.EXACT_VALUES_CONFIG, "5000");
        List<DriftReport> reports;
        try (DriftwatchService service = DriftwatchService.start(new DriftwatchConfig(settings), new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state-" + format).toString()))) {
            reports = CommittedTopic.values(broker.bootstrapServers(), "reports-" + format,
                    Topics.DRIFT_REPORTS.valueSerde().deserializer(),
                    found -> found.size() >= 2, Duration.ofSeconds(90));
        }
        assertThat(reports).as("one report per window").hasSize(2);
        for (int window = 0; window < 2; window++) {
            DriftReport stream = reports.get(window);
            assertThat(stream.getWindowStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(window)));
            assertThat(stream.getRecords()).isEqualTo(WINDOW_ROWS);
            assertThat(stream.getSchemaFindings()).as("NaN is a missing number, not a string").extracting(SkewFinding::getKind)
                    .doesNotContain(SkewKind.TYPE_CHANGE);
            JsonNode check = JSON.readTree(run("check", "--reference", trainingForCheck.toString(),
                    "--current", windowsForCheck.get(window).toString(), "--format", "json"));
            assertSameReport(format + " window " + window, stream, check);
        }
        assertThat(reports.get(0).getDatasetDrift()).as("the training period's own distribution").isFalse();
        assertThat(reports.get(1).getColumns()).filteredOn(column -> column.getFeature().equals("income"))
                .singleElement().satisfies(income -> assertThat(income.getVerdict().name()).isEqualTo("DRIFT"));
    }

    private static void assertSameReport(String what, DriftReport stream, JsonNode check) {
        JsonNode columns = check.get("columns");
        assertThat(stream.getColumns()).extracting(ColumnDrift::getFeature).as(what + ": columns")
                .containsExactlyInAnyOrderElementsOf(names(columns.fieldNames()));
        for (ColumnDrift column : stream.getColumns()) {
            String where = what + ", " + column.getFeature();
            JsonNode expected = columns.get(column.getFeature());
            assertThat(column.getColumnType().name().toLowerCase(Locale.ROOT)).as(where + ": type").isEqualTo(expected.get("type").asText());
            assertThat(column.getComparedAsCategories()).as(where + ": as categories")
                    .isEqualTo("categories".equals(expected.path("compared_as").asText()));
            assertThat(column.getReferenceCount()).as(where + ": n_reference").isEqualTo(expected.get("n_reference").asLong());
            assertThat(column.getCurrentCount()).as(where + ": n_current").isEqualTo(expected.get("n_current").asLong());
            assertThat(column.getReferenceMissing()).as(where + ": missing_reference").isEqualTo(expected.get("missing_reference").asLong());
            assertThat(column.getCurrentMissing()).as(where + ": missing_current").isEqualTo(expected.get("missing_current").asLong());
            assertThat(column.getVerdict().name().toLowerCase(Locale.ROOT)).as(where + ": verdict").isEqualTo(expected.get("verdict").asText());
            assertSameResults(where + ": tests", column.getTests(), expected.get("tests"));
            assertSameResults(where + ": informational", column.getInformational(), expected.get("informational"));
            assertThat(column.getInformational()).as(where + ": informational").isNotEmpty();
        }
        TreeSet<String> checkFindings = new TreeSet<>();
        check.get("schema").forEach(finding -> checkFindings.add(finding.get("column").asText() + ":"
                + finding.get("finding").asText() + ":" + finding.get("severity").asText() + ":" + finding.get("detail").asText()));
        TreeSet<String> streamFindings = new TreeSet<>();
        for (SkewFinding finding : stream.getSchemaFindings()) {
            streamFindings.add(finding.getFeature() + ":" + finding.getKind().name().toLowerCase(Locale.ROOT) + ":"
                    + finding.getSeverity().name().toLowerCase(Locale.ROOT) + ":" + finding.getDetail());
        }
        assertThat(streamFindings).as(what + ": schema findings").isEqualTo(checkFindings);
        JsonNode dataset = check.get("dataset");
        assertThat(stream.getDatasetColumns()).as(what + ": columns compared").isEqualTo(dataset.get("columns").asInt());
        assertThat(stream.getDriftedColumns()).as(what + ": drifted columns").isEqualTo(dataset.get("drifted_columns").asInt());
        assertThat(stream.getDatasetDrift()).as(what + ": dataset drift").isEqualTo(dataset.get("drift").asBoolean());
    }

    private static void assertSameResults(String where, List<TestResult> results, JsonNode expected) {
        assertThat(results).extracting(TestResult::getTest).as(where).containsExactlyElementsOf(names(expected.fieldNames()));
        for (TestResult test : results) {
            JsonNode expectedTest = expected.get(test.getTest());
            assertThat(test.getMethod()).as(where + ": held exactly").isNotEqualTo(TestMethod.SKETCH);
            assertThat(test.getMethod().name().toLowerCase(Locale.ROOT)).isEqualTo(expectedTest.get("method").asText());
            assertThat(test.getStatistic()).as(where + ": " + test.getTest() + " statistic, bit for bit")
                    .isEqualTo(expectedTest.get("statistic").asDouble());
            if (expectedTest.get("pvalue").isNull()) {
                assertThat(test.getPValue()).isNull();
            } else {
                assertThat(test.getPValue()).as(where + ": p-value").isEqualTo(expectedTest.get("pvalue").asDouble());
            }
            assertThat(test.getThreshold()).isEqualTo(expectedTest.get("threshold").asDouble());
            assertThat(test.getVerdict().name().toLowerCase(Locale.ROOT)).isEqualTo(expectedTest.get("verdict").asText());
        }
    }

    private static List<String> names(Iterator<String> fieldNames) {
        List<String> names = new ArrayList<>();
        fieldNames.forEachRemaining(names::add);
        return names;
    }
}
