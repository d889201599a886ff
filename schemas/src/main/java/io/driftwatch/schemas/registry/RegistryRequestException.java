package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;

/**
 * The registry refused a request as invalid (an HTTP 4xx other than not-found, conflict or an auth refusal,
 * e.g. 422 for a schema it cannot parse). Retrying the same request cannot help.
 */
public final class RegistryRequestException extends SchemaException {
    public RegistryRequestException(String message) {
        super(message);
    }
}
