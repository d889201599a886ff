package io.driftwatch.schemas.registry;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static io.driftwatch.schemas.registry.TestSchemas.READING_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectNameStrategyTest {

    @Test
    void topicNamingAppendsValueOrKey() {
        assertThat(SubjectNameStrategy.TOPIC.subject("readings", false, READING_V1)).isEqualTo("readings-value");
        assertThat(SubjectNameStrategy.TOPIC.subject("readings", true, Schema.create(Schema.Type.STRING))).isEqualTo("readings-key");
    }

    @Test
    void recordNamingUsesTheFullName() {
        assertThat(SubjectNameStrategy.RECORD.subject("readings", false, READING_V1)).isEqualTo("io.driftwatch.test.Reading");
    }

    @Test
    void topicRecordNamingJoinsBoth() {
        assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("readings", false, READING_V1))
                .isEqualTo("readings-io.driftwatch.test.Reading");
    }

    @Test
    void recordNamingOfAnUnnamedSchemaSuggestsTopicNaming() {
        assertThatThrownBy(() -> SubjectNameStrategy.RECORD.subject("ids", true, Schema.create(Schema.Type.LONG)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RECORD subject naming needs a named schema (record, enum or fixed) but topic ids has a long schema;"
                        + " use TOPIC naming for it");
    }

    @Test
    void configuredValuesMayBeOurNamesOrConfluentsClassNames() {
        assertThat(SubjectNameStrategy.parse("s", "topic")).isEqualTo(SubjectNameStrategy.TOPIC);
        assertThat(SubjectNameStrategy.parse("s", " Topic-Record ")).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
        assertThat(SubjectNameStrategy.parse("s", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .isEqualTo(SubjectNameStrategy.RECORD);
        assertThat(SubjectNameStrategy.parse("s", "TopicRecordNameStrategy")).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
    }

    @Test
    void unknownValueListsTheAcceptedOnes() {
        assertThatThrownBy(() -> SubjectNameStrategy.parse("driftwatch.subject.name.strategy", "by-topic"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value by-topic for configuration driftwatch.subject.name.strategy: must be one of topic, record,"
                        + " topic_record (or Confluent's TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy)");
    }
}
