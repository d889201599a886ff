package io.driftwatch.schemas.registry;

import org.apache.avro.Schema;

/**
 * Finds the writer's schema of a Confluent-framed record by its id. Implementations cache: ids are
 * immutable in every registry, so a schema fetched once is valid forever.
 */
public interface SchemaLookup {

    /**
     * @throws UnknownSchemaException       when the registry says the id does not exist (a bad record)
     * @throws RegistryUnavailableException when the registry cannot answer (wait and retry)
     */
    Schema schemaById(int schemaId);
}
