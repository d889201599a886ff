package io.driftwatch.policy.infer;

import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyInferenceTest {
    private static final int ROWS = 500;
    private static final PolicyInference INFERENCE = new PolicyInference(BaselineSettings.defaults());

    private static ColumnData numbers(IntFunction<Double> value) {
        return new ColumnData.Numeric(SortedSample.of(IntStream.range(0, ROWS).mapToDouble(value::apply).toArray()), 0);
    }

    private static ColumnData labels(IntFunction<String> value) {
        return new ColumnData.Categorical(CategoryCounts.ofValues(IntStream.range(0, ROWS).mapToObj(value).toList()), 0);
    }

    private static InferredPolicy infer(String name, ColumnData column) {
        return INFERENCE.infer("m", ROWS, Map.of(name, column));
    }

    @Test
    void rowNumbersAndEpochSecondsAreExcludedAsNoFeatures() {
        assertThat(infer("row", numbers(i -> 1.0 + i)).excluded())
                .containsEntry("row", "a row number: the consecutive whole numbers 1 to 500, one per row");
        assertThat(infer("ts", numbers(i -> 1_717_200_000.0 + 60 * i)).excluded())
                .containsEntry("ts", "a timestamp: one distinct whole number per row, all epoch seconds between 2000 and 2100");
    }

    @Test
    void distinctDecimalsAndWholeNumbersOutsideTheEpochRangeStayFeatures() {
        Random random = new Random(3);
        assertThat(infer("score", numbers(i -> random.nextGaussian())).excluded()).isEmpty();
        assertThat(infer("amount", numbers(i -> 100.0 + 7 * i)).excluded()).isEmpty();
    }

    @Test
    void timestampsWithASpaceForTheTAreExcluded() {
        assertThat(infer("at", labels(i -> "2024-06-01 10:" + String.format(Locale.ROOT, "%02d:%02d", i / 60, i % 60))).excluded())
                .containsEntry("at", "a timestamp: every value is an ISO-8601 date or time");
    }

    @Test
    void nearlyUniqueLabelsAreExcludedButAManyValuedTextIsNot() {
        assertThat(infer("token", labels(i -> "t" + (i % 490))).excluded())
                .containsEntry("token", "nearly unique, as an id: 490 distinct values in 500");
        assertThat(infer("reason", labels(i -> "r" + (i % 300))).excluded()).isEmpty();
    }

    @Test
    void aColumnNamedAsAnIdWithFewValuesIsAFeature() {
        assertThat(infer("region_id", numbers(i -> (double) (i % 4))).excluded()).isEmpty();
        assertThat(infer("storeId", labels(i -> "s" + (i % 40))).excluded())
                .containsEntry("storeId", "named as an id, and its values agree: 40 distinct labels in 500");
    }

    @Test
    void aColumnWithNoValueIsExcluded() {
        InferredPolicy policy = INFERENCE.infer("m", ROWS, Map.of("empty", new ColumnData.Numeric(SortedSample.of(new double[0]), ROWS)));

        assertThat(policy.excluded()).containsEntry("empty", "no value in 500 rows: nothing to compare");
    }

    @Test
    void rareValuesGiveNoAllowedList() {
        InferredColumn column = infer("plan", labels(i -> i == 0 ? "legacy" : i % 2 == 0 ? "basic" : "pro")).feature("plan");

        assertThat(column.allowedValues()).isEmpty();
        assertThat(column.valuesNote()).contains("1 of its 3 values seen fewer than 5 times, so no list of allowed values");
    }

    @Test
    void aRangeIsWidenedByATenthOfItsSpanAndRoundedOutwards() {
        TrainingRange range = TrainingRange.of(SortedSample.of(new double[] {-12.3, 4.5, 87.6}));

        assertThat(range.min()).isEqualTo(-23.0);
        assertThat(range.max()).isEqualTo(98.0);
        assertThat(TrainingRange.of(SortedSample.of(new double[] {0.02, 0.7})).min()).isEqualTo(0.0);
        assertThat(TrainingRange.of(SortedSample.of(new double[] {5, 5})).max()).isEqualTo(5.0);
    }

    @Test
    void theMissingLimitAddsHeadroomAndRoundsUpToAWholePercent() {
        assertThat(MissingShare.limit(new ColumnData.Numeric(SortedSample.of(new double[] {1}), 0))).isEmpty();
        assertThat(limitFor(30, 1000)).isEqualTo(0.05);
        assertThat(limitFor(1, 1000)).isEqualTo(0.02);
        assertThat(limitFor(900, 1000)).isEqualTo(1.0);
    }

    private static double limitFor(int missing, int rows) {
        return MissingShare.limit(new ColumnData.Numeric(SortedSample.of(new double[rows - missing]), missing)).orElseThrow();
    }

    @Test
    void fewerRowsThanCalibrationNeedsAreRefused() {
        assertThatThrownBy(() -> INFERENCE.infer("m", 29, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("29 rows are too few to infer a policy from; give at least 30");
    }

    @Test
    void trickyColumnNamesAndValuesReadBackAsValidPolicy() throws PolicyException {
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        List<String> values = List.of("yes", "0123", "a: b", "off");
        columns.put("a: b", labels(i -> values.get(i % values.size())));
        columns.put("yes", numbers(i -> i * 0.5));
        String yaml = InferredPolicyYaml.render(INFERENCE.infer("no", ROWS, columns), "x.csv", Instant.EPOCH);

        ModelPolicy policy = PolicyDocument.parse("x.yaml", yaml).policy();

        assertThat(policy.model()).isEqualTo("no");
        assertThat(policy.features().columns()).containsOnlyKeys("a: b", "yes");
        assertThat(policy.features().columns().get("a: b").expect().orElseThrow().allowedValues())
                .contains(List.of("0123", "a: b", "off", "yes"));
    }

    @Test
    void aFileOfOnlyNonFeaturesIsAValidPolicyWithTheirReasons() throws PolicyException {
        InferredPolicy inferred = infer("id", labels(i -> "id-" + i));
        String yaml = InferredPolicyYaml.render(inferred, "ids.csv", Instant.EPOCH);

        assertThat(yaml).contains("  exclude:\n    - id  # nearly unique, as an id: 500 distinct values in 500\n")
                .doesNotContain("columns:");
        assertThat(PolicyDocument.parse("ids.yaml", yaml).policy().features().exclude()).containsExactly("id");
    }

    @Test
    void theInferredPolicyShownInTheDocsIsAValidPolicy() throws IOException, PolicyException {
        String page = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("policies.md"));
        int start = page.indexOf("```yaml\n", page.indexOf("## Start from your training data")) + "```yaml\n".length();
        String shown = page.substring(start, page.indexOf("```", start));

        ModelPolicy policy = PolicyDocument.parse("docs/policies.md", shown).policy();

        assertThat(policy.features().exclude()).containsExactlyInAnyOrder("request_id", "received_at", "event_ms", "customer_id");
        assertThat(policy.features().columns()).containsOnlyKeys("is_member", "income", "children", "reason");
    }
}
