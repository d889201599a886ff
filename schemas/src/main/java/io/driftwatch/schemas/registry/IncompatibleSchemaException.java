package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;

/**
 * The registry refused to register a schema because it breaks the subject's compatibility rule (HTTP 409).
 * Retrying cannot help: the schema or the subject's compatibility level has to change.
 */
public final class IncompatibleSchemaException extends SchemaException {
    private final String subject;

    public IncompatibleSchemaException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    /** The subject the schema was registered under. */
    public String subject() {
        return subject;
    }
}
