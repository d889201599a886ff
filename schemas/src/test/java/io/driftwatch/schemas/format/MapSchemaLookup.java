package io.driftwatch.schemas.format;

import io.driftwatch.schemas.registry.RegistryUnavailableException;
import io.driftwatch.schemas.registry.SchemaLookup;
import io.driftwatch.schemas.registry.UnknownSchemaException;
import org.apache.avro.Schema;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry in a map, for tests: no registry server runs here. It counts lookups (to show that
 * decoders cache) and can be switched off to play an outage.
 */
public final class MapSchemaLookup implements SchemaLookup {
    private final Map<Integer, Schema> schemasById;
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicBoolean unavailable = new AtomicBoolean();

    public MapSchemaLookup(Map<Integer, Schema> schemasById) {
        this.schemasById = Map.copyOf(schemasById);
    }

    @Override
    public Schema schemaById(int schemaId) {
        lookups.incrementAndGet();
        if (unavailable.get()) {
            throw new RegistryUnavailableException("registry at http://localhost:1 refused the connection");
        }
        Schema schema = schemasById.get(schemaId);
        if (schema == null) {
            throw new UnknownSchemaException(schemaId, "schema id " + schemaId + " not found");
        }
        return schema;
    }

    public int lookups() {
        return lookups.get();
    }

    public void goDown() {
        unavailable.set(true);
    }
}
