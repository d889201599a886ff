package io.driftwatch.schemas.registry;

import org.apache.avro.Schema;

/** Two versions of one record, the second a BACKWARD-compatible evolution of the first, and one that is not. */
final class TestSchemas {
    static final Schema READING_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Reading", "namespace": "io.driftwatch.test",
             "fields": [{"name": "sensor", "type": "string"}, {"name": "value", "type": "double"}]}""");
    static final Schema READING_V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "Reading", "namespace": "io.driftwatch.test",
             "fields": [{"name": "sensor", "type": "string"}, {"name": "value", "type": "double"},
                        {"name": "unit", "type": "string", "default": "celsius"}]}""");
    static final Schema READING_WITHOUT_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Reading", "namespace": "io.driftwatch.test",
             "fields": [{"name": "sensor", "type": "string"}, {"name": "value", "type": "double"},
                        {"name": "site", "type": "string"}]}""");

    private TestSchemas() {
    }
}
