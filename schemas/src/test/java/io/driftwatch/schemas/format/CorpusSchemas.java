package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.InferenceLog;
import java.util.Map;
import org.apache.avro.Schema;

/** The writer schemas of the malformed corpus, by the Confluent schema id its records carry. */
final class CorpusSchemas {
    static final int CURRENT = 1;
    static final int OLDER = 2;
    static final int NEWER = 3;
    static final int FLAT = 4;
    static final int INCOMPATIBLE = 5;
    static final int NOT_A_RECORD = 6;
    static final int NODE = 7;
    static final int FLAT_STRING_AGE = 8;

    /** A linked list: nests as deep as its data, so it can exceed the nesting limit. */
    static final Schema NODE_SCHEMA = Samples.parse("""
            {"type": "record", "name": "Node", "namespace": "com.acme", "fields": [
              {"name": "value", "type": "int"},
              {"name": "next", "type": ["null", "Node"]}
            ]}""");

    /** The flat record with age sent as text, against the declared number type. */
    static final Schema FLAT_STRING_AGE_SCHEMA = Samples.parse("""
            {"type": "record", "name": "Scored", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "string"},
              {"name": "model", "type": "string"},
              {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "f_age", "type": "string"},
              {"name": "score", "type": "double"}
            ]}""");

    static final Map<Integer, Schema> BY_ID = Map.of(
            CURRENT, InferenceLog.getClassSchema(),
            OLDER, Samples.OLDER_INFERENCE,
            NEWER, Samples.NEWER_INFERENCE,
            FLAT, Samples.FLAT_USER,
            INCOMPATIBLE, Samples.INCOMPATIBLE_INFERENCE,
            NOT_A_RECORD, Schema.create(Schema.Type.STRING),
            NODE, NODE_SCHEMA,
            FLAT_STRING_AGE, FLAT_STRING_AGE_SCHEMA);

    private CorpusSchemas() {
    }
}
