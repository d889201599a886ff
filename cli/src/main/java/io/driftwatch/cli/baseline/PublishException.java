package io.driftwatch.cli.baseline;

/**
 * A baseline could not be published: Kafka did not answer, refused the topic or the record. Neither the
 * input's fault nor driftwatch's, so the CLI prints the message (which names the topic, the cause and what
 * to check) without a stack trace and exits 3.
 */
public final class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
