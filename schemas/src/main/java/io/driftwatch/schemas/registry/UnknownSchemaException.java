package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The registry answered, and it does not know the schema id (or subject) asked for. The record that
 * names it is at fault and goes to the dead-letter topic.
 */
public final class UnknownSchemaException extends SchemaException {
    private final int schemaId;
    private final @Nullable String subject;

    public UnknownSchemaException(int schemaId, String message) {
        super(message);
        this.schemaId = schemaId;
        this.subject = null;
    }

    /** A lookup by subject that the registry does not know; {@link #schemaId()} is then -1. */
    public UnknownSchemaException(String subject, String message) {
        super(message);
        this.schemaId = -1;
        this.subject = subject;
    }

    /** The id asked for, or -1 when the lookup was by subject. */
    public int schemaId() {
        return schemaId;
    }

    /** The subject asked for, when the lookup was by subject. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }
}
