package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class WindowProfilesTest {
    private final WindowProfiles kind = new WindowProfiles();

    @Test
    void aNumericProfileAsJsonHoldsCountsAndTheSummaryDecodedFromItsBytesNotTheBytes() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.numericProfile(0))));

        assertThat(line.get("feature").asText()).isEqualTo("income");
        assertThat(line.get("type").asText()).isEqualTo("NUMERIC");
        assertThat(line.get("count").asLong()).isEqualTo(5);
        assertThat(line.get("missing").asLong()).isEqualTo(2);
        JsonNode summary = line.get("summary");
        assertThat(summary.get("min").asDouble()).isEqualTo(1.0);
        assertThat(summary.get("max").asDouble()).isEqualTo(5.0);
        assertThat(summary.get("mean").asDouble()).isEqualTo(3.0);
        assertThat(summary.get("std").asDouble()).isEqualTo(Math.sqrt(2.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(line.has("profile")).isFalse();
    }

    @Test
    void aCategoricalProfileShowsItsDistinctCountAndMostFrequentCategories() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.categoricalProfile()))).get("summary");

        assertThat(summary.get("distinct_estimate").asLong()).isEqualTo(3);
        assertThat(summary.get("top_categories").get(0).get("category").asText()).isEqualTo("DE");
        assertThat(summary.get("top_categories").get(0).get("count_high").asLong()).isEqualTo(3);
        assertThat(kind.rows(ReportRecords.categoricalProfile()).get(0))
                .containsExactly("2026-12-07T10:00:00Z", "credit", "v7", "country", "CATEGORICAL", "6", "0", "~3 distinct  top DE, FR, FI");
    }

    @Test
    void aTableRowPerWindowAndFeatureSummarisesTheNumericColumn() {
        assertThat(kind.rows(ReportRecords.numericProfile(1)).get(0)).containsExactly("2026-12-07T11:00:00Z", "credit", "v7",
                "income", "NUMERIC", "5", "2", "min 1.0000  max 5.0000  mean 3.0000  std 1.4142");
    }

    @Test
    void profileBytesThatDoNotDecodeSaySoInsteadOfFailing() {
        var profile = ReportRecords.numericProfile(0);
        profile.setProfile(ByteBuffer.wrap(new byte[] {9, 9}));

        assertThat(kind.json(profile).get("summary").get("unreadable").asText()).isNotEmpty();
        assertThat(kind.rows(profile).get(0).get(7)).startsWith("profile unreadable: ");
    }
}
