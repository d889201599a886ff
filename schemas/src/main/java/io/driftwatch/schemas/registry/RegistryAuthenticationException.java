package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.SchemaException;

/**
 * The registry refused the credentials (HTTP 401) or the permission (HTTP 403). No record is at fault and
 * retrying with the same credentials cannot help: a person must fix the setting the message names.
 */
public final class RegistryAuthenticationException extends SchemaException {
    public RegistryAuthenticationException(String message) {
        super(message);
    }
}
