package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;

/**
 * The registry knows the schema id, but driftwatch cannot read records written with it: the schema is not
 * Avro ({@code schemaType} PROTOBUF or JSON), uses schema references, or is not valid Avro. The record
 * that names the id is at fault and goes to the dead-letter topic.
 */
public final class UnsupportedSchemaException extends SchemaException {
    private final int schemaId;

    public UnsupportedSchemaException(int schemaId, String message) {
        super(message);
        this.schemaId = schemaId;
    }

    public UnsupportedSchemaException(int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.schemaId = schemaId;
    }

    /** The id whose schema cannot be used. */
    public int schemaId() {
        return schemaId;
    }
}
