package io.driftwatch.schemas.registry;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Which registry subject a topic's schema lives under, as Confluent's serializers decide it. Producers
 * and driftwatch must agree on it, or driftwatch registers its records under a subject nobody reads and
 * finds no "latest" schema for the topics it watches.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-value} or {@code <topic>-key}: one schema lineage per topic (Confluent's default). */
    TOPIC("TopicNameStrategy"),
    /** The record's full name, e.g. {@code io.driftwatch.schemas.record.InferenceLog}: one lineage per type. */
    RECORD("RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: several record types per topic, each with its own lineage. */
    TOPIC_RECORD("TopicRecordNameStrategy");

    private final String confluentClassName;

    SubjectNameStrategy(String confluentClassName) {
        this.confluentClassName = confluentClassName;
    }

    /**
     * @param topic  the topic the record is written to
     * @param isKey  true for the record key's schema, false for the value's
     * @param schema the schema; RECORD and TOPIC_RECORD need a named type (record, enum or fixed)
     * @throws IllegalArgumentException when the strategy needs a name and the schema has none
     */
    public String subject(String topic, boolean isKey, Schema schema) {
        requireNonNull(topic, "topic");
        requireNonNull(schema, "schema");
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case RECORD -> fullName(topic, schema);
            case TOPIC_RECORD -> topic + "-" + fullName(topic, schema);
        };
    }

    private String fullName(String topic, Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> throw new IllegalArgumentException(this + " subject naming needs a named schema (record, enum or fixed)"
                    + " but topic " + topic + " has a " + schema.getType().getName() + " schema; use TOPIC naming for it");
        };
    }

    /**
     * Reads a configured strategy: {@code topic}, {@code record}, {@code topic_record} (any case, '-' for '_'),
     * or the name of Confluent's strategy class, so a producer's setting can be copied as it is.
     *
     * @param setting the name of the setting, for the message
     * @throws ConfigException naming the setting and the accepted values
     */
    public static SubjectNameStrategy parse(String setting, String value) {
        requireNonNull(setting, "setting");
        requireNonNull(value, "value");
        String normalised = value.strip();
        String simpleName = normalised.substring(normalised.lastIndexOf('.') + 1);
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.name().equalsIgnoreCase(normalised.replace('-', '_')) || strategy.confluentClassName.equals(simpleName))
                return strategy;
        }
        String accepted = Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new ConfigException(setting, value, "must be one of " + accepted + " (or Confluent's TopicNameStrategy,"
                + " RecordNameStrategy, TopicRecordNameStrategy)");
    }
}
