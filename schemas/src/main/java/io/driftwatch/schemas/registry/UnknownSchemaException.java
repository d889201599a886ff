package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;

/**
 * The registry answered, and it does not know the schema id (or subject) asked for. The record that
 * names it is at fault and goes to the dead-letter topic.
 */
public final class UnknownSchemaException extends SchemaException {
    private final int schemaId;

    public UnknownSchemaException(int schemaId, String message) {
        super(message);
        this.schemaId = schemaId;
    }

    /** The id asked for, or -1 when the lookup was by subject. */
    public int schemaId() {
        return schemaId;
    }
}
