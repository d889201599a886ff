package io.driftwatch.cli.reports;

import io.driftwatch.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TopicContentsTest {

    @Test
    void aRecordOfAnotherDriftwatchTopicNamesWhatTheTopicHoldsAndTheCommandThatReadsIt() {
        byte[] profile = Topics.PROFILES.valueSerde().serializer().serialize("driftwatch.profiles", ReportRecords.numericProfile(0));

        assertThat(TopicContents.wrongTopic("driftwatch.profiles", profile, "drift reports")).isEqualTo(
                "topic driftwatch.profiles holds window profiles, not drift reports: read it with driftwatch reports profiles");
    }

    @Test
    void aDriftReportReadAsDeadLettersPointsAtReportsDrift() {
        byte[] drift = Topics.DRIFT_REPORTS.valueSerde().serializer().serialize("t", ReportRecords.drift("credit", 0));

        assertThat(TopicContents.wrongTopic("t", drift, "dead letters")).endsWith("read it with driftwatch reports drift");
    }

    @Test
    void aRecordNothingKnowsIsCalledUnknownWithItsSize() {
        byte[] text = "model: credit".getBytes(StandardCharsets.UTF_8);

        assertThat(TopicContents.wrongTopic("driftwatch.policies", text, "quality reports")).isEqualTo(
                "topic driftwatch.policies holds records that are not quality reports nor any other record driftwatch"
                        + " writes (13 bytes); is the topic right (--topic, or the topic settings of --config)?");
    }
}
