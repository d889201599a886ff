package io.driftwatch.topology.ingest;

/**
 * The schema registry stayed unreachable for longer than one record may wait. Thrown out of the
 * topology on purpose: the stream thread is replaced and the record is processed again from the last
 * committed offset, so nothing is dead-lettered or lost for an outage that is not the record's fault.
 */
public final class RegistryOutageException extends RuntimeException {
    public RegistryOutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
