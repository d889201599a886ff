package io.driftwatch.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.expect.UnseenValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code check} of two files with a policy's expectations, as its reports show them and its verdict weighs them. */
class FileCheckExpectationsTest {
    @TempDir
    Path directory;

    private Path csv(String name, int rows, int largeIncomes, String oddCity) throws Exception {
        String body = IntStream.range(0, rows).mapToObj(i -> (i < largeIncomes ? 2.5e7 : 40_000 + i) + ","
                + (i == 0 ? oddCity : i % 2 == 0 ? "oslo" : "rome")).collect(Collectors.joining("\n"));
        return Files.writeString(directory.resolve(name), "income,city\n" + body + "\n");
    }

    private FileCheck run(List<ColumnExpectation> expectations) throws Exception {
        return FileCheck.run(csv("reference.csv", 200, 0, "oslo"), csv("current.csv", 200, 3, "lima"), Map.of(),
                ComparisonSettings.DEFAULT.withExpectations(expectations), DriftDefaults.MIN_CHECK_ROWS);
    }

    @Test
    void anExpectationBrokenAtErrorWithholdsTheVerdictNamingIt() throws Exception {
        FileCheck check = run(List.of(ColumnExpectation.of("income").withMax(10_000_000).withSeverity(SchemaFinding.Severity.ERROR)));

        assertThat(check.judgement().outcome()).isEqualTo(DatasetJudgement.Outcome.NOT_JUDGED);
        assertThat(check.judgement().reasons()).containsExactly(
                "income: above_max (expect.max = 10000000: 3 of 200 values (1.5%) above, largest 25000000)");
    }

    @Test
    void theJsonReportListsEachBrokenExpectationWithItsKindAndSeverity() throws Exception {
        FileCheck check = run(List.of(ColumnExpectation.of("income").withMax(10_000_000),
                ColumnExpectation.of("city").withValues(Set.of("oslo", "rome"), UnseenValues.ERROR),
                ColumnExpectation.of("age").withRequired(true)));

        JsonNode schema = new ObjectMapper().readTree(JsonReport.render(check.report(), check.judgement(),
                TestOptions.DEFAULT)).get("schema");

        assertThat(schema).extracting(node -> node.get("column").asText() + " " + node.get("finding").asText() + " "
                + node.get("severity").asText()).contains("income above_max warning", "city unexpected_value error",
                "age required_column error");
        assertThat(check.judgement().outcome()).isEqualTo(DatasetJudgement.Outcome.NOT_JUDGED);
    }

    @Test
    void theTableReportShowsABrokenExpectationAsASchemaFindingLine() throws Exception {
        FileCheck check = run(List.of(ColumnExpectation.of("city").withValues(Set.of("oslo", "rome"), UnseenValues.ERROR)));

        String table = TableReport.render(check.report(), check.judgement(), "reference.csv", "current.csv");

        assertThat(table).contains("  error   unexpected_value   city: expect.values = ['oslo', 'rome']: 1 of 200 values"
                + " (0.5%) are outside the allowed set: 'lima'\n");
    }
}
