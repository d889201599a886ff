package io.driftwatch.cli.produce;

import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.topology.config.InputFormat;
import org.apache.avro.specific.SpecificRecordBase;

import static java.util.Objects.requireNonNull;

/**
 * The bytes of one record value in the topic's format, through the schemas module's encoders, so whatever
 * {@code produce} writes the matching decoder reads back.
 *
 * @param schemaId the registry id the Confluent framing carries; unused by the other formats
 */
record PayloadEncoder(InputFormat format, int schemaId) {
    PayloadEncoder {
        requireNonNull(format, "format");
    }

    byte[] encode(SpecificRecordBase record) {
        return switch (format) {
            case AVRO_REGISTRY -> RecordEncoders.confluent(record, schemaId);
            case AVRO_SINGLE -> RecordEncoders.singleObject(record);
            case JSON -> json(record);
        };
    }

    private static byte[] json(SpecificRecordBase record) {
        if (record instanceof InferenceLog log) {
            return RecordEncoders.json(log);
        } else if (record instanceof FeedbackLabel label) {
            return RecordEncoders.json(label);
        }
        throw new IllegalArgumentException("no JSON encoding for " + record.getSchema().getFullName());
    }
}
