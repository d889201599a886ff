package io.driftwatch.topics;

/** A topic driftwatch needs could not be created or did not become ready: the service cannot start. */
public final class TopicProvisioningException extends RuntimeException {
    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
