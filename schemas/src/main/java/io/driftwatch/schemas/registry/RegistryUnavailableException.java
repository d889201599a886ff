package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;

/**
 * The registry could not be reached or failed on its side (connection refused, timeout, HTTP 5xx) even
 * after the client's retries. No record is at fault: the caller waits and tries again rather than
 * dead-lettering anything.
 */
public final class RegistryUnavailableException extends SchemaException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryUnavailableException(String message) {
        super(message);
    }
}
