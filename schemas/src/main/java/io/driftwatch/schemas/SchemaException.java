package io.driftwatch.schemas;

/**
 * Base of the schema module's failures. Unchecked because Kafka's serializer interfaces cannot declare
 * checked exceptions; each subtype says whether the record is at fault (dead-letter it) or the
 * environment is (wait and retry).
 */
public class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
