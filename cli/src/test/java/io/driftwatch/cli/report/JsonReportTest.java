package io.driftwatch.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JsonReportTest {
    private static JsonNode render(DriftComparison report) throws Exception {
        DatasetJudgement judgement = DatasetJudgement.of(report, 15_000, 20);
        return new ObjectMapper().readTree(JsonReport.render(report, judgement, TestOptions.DEFAULT));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void eachColumnListsItsInformationalTestsWithTheKeysOfItsDecidingOnesWhileTheVerdictStaysTheDecidingTests()
            throws Exception {
        GoldenCase golden = GoldenCases.load("normal_scale_large");

        JsonNode column = render(InformingReports.compare(golden, InformingReports.LENIENT_WASSERSTEIN)).at("/columns/x");

        assertThat(keys(column.get("tests"))).containsExactly("wasserstein");
        assertThat(keys(column.get("informational"))).containsExactly("ks", "psi");
        JsonNode ks = column.at("/informational/ks");
        assertThat(keys(ks)).isEqualTo(keys(column.at("/tests/wasserstein")));
        assertThat(ks.get("statistic").asDouble()).isCloseTo(golden.expected("ks", "statistic"), within(1e-9));
        assertThat(GoldenCases.pValueClose(ks.get("pvalue").asDouble(), golden.expected("ks_asymptotic", "pvalue"))).isTrue();
        assertThat(ks.get("condition").asText()).isEqualTo("p <= 0.05");
        assertThat(ks.get("verdict").asText()).isEqualTo("drift");
        assertThat(column.at("/informational/psi/statistic").asDouble())
                .isCloseTo(golden.expected("psi_quantile10", "statistic"), within(1e-9));
        assertThat(column.get("verdict").asText()).isEqualTo("no_drift");
        assertThat(column.get("drift").asBoolean()).isFalse();
    }

    @Test
    void withoutInformingTestsTheInformationalObjectIsEmpty() throws Exception {
        DriftComparison report = InformingReports.compare(GoldenCases.load("normal_scale_large"),
                InformingReports.LENIENT_WASSERSTEIN.withInformingTests(InformingTests.NONE));

        JsonNode root = render(report);

        assertThat(root.at("/columns/x/informational").isObject()).isTrue();
        assertThat(keys(root.at("/columns/x/informational"))).isEmpty();
        assertThat(root.at("/dataset/verdict").asText()).isEqualTo("no_drift");
    }
}
