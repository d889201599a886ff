package io.driftwatch.cli.produce;

import io.driftwatch.schemas.registry.SchemaRegistryClient;
import io.driftwatch.schemas.registry.SubjectNameStrategy;
import org.apache.avro.Schema;

import static java.util.Objects.requireNonNull;

/**
 * Where {@code produce} registers the schema of the records it frames for {@code avro-registry}: a registry
 * and the subject naming the topic's readers use, so a reader asking for the subject's latest schema finds it.
 */
public record SchemaRegistration(SchemaRegistryClient registry, SubjectNameStrategy subjects) {
    public SchemaRegistration {
        requireNonNull(registry, "registry");
        requireNonNull(subjects, "subjects");
    }

    /**
     * @return the schema's global id, which every record's framing carries
     * @throws io.driftwatch.schemas.SchemaException when the registry refuses the schema or cannot be reached
     */
    int register(String topic, Schema schema) {
        return registry.register(subjects.subject(topic, false, schema), schema);
    }
}
