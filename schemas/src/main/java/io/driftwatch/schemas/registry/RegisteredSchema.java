package io.driftwatch.schemas.registry;

import org.apache.avro.Schema;

import static java.util.Objects.requireNonNull;

/**
 * A schema as registered under a subject: which version of the subject it is, and its global id (the id
 * Confluent-framed records carry).
 *
 * @param subject the subject, e.g. {@code inference-log-value}
 * @param id      the global schema id
 * @param version the version within the subject, from 1
 * @param schema  the parsed Avro schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
    public RegisteredSchema {
        requireNonNull(subject, "subject");
        requireNonNull(schema, "schema");
    }
}
