package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;

import java.util.Map;

/**
 * The writer schemas of the malformed corpus, by the Confluent schema id its records carry: other versions of
 * InferenceLog (older and newer, which driftwatch must still read, and one it cannot), a model server's own flat
 * record with the mapping that reads it, and shapes that exist only to break a reader (a string, a linked list).
 * A registry serving the corpus's Confluent records must hand out exactly these ids.
 */
public final class CorpusSchemas {
    public static final int CURRENT = 1;
    public static final int OLDER = 2;
    public static final int NEWER = 3;
    public static final int FLAT = 4;
    public static final int INCOMPATIBLE = 5;
    public static final int NOT_A_RECORD = 6;
    public static final int NODE = 7;
    public static final int FLAT_STRING_AGE = 8;

    /** InferenceLog as it was before classScores and segments: both have defaults, so it still resolves. */
    public static final Schema OLDER_INFERENCE = parse("""
            {"type": "record", "name": "InferenceLog", "namespace": "io.driftwatch.schemas.record", "fields": [
              {"name": "requestId", "type": "string"},
              {"name": "modelName", "type": "string"},
              {"name": "modelVersion", "type": "string"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "features", "type": {"type": "map", "values": ["null", "double", "long", "string", "boolean"]}},
              {"name": "prediction", "type": ["double", "string"]}
            ]}""");

    /** A later InferenceLog with two added fields the current reader does not know. */
    public static final Schema NEWER_INFERENCE = parse("""
            {"type": "record", "name": "InferenceLog", "namespace": "io.driftwatch.schemas.record", "fields": [
              {"name": "requestId", "type": "string"},
              {"name": "tenant", "type": ["null", "string"], "default": null},
              {"name": "modelName", "type": "string"},
              {"name": "modelVersion", "type": "string"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "features", "type": {"type": "map", "values": ["null", "double", "long", "string", "boolean"]}},
              {"name": "prediction", "type": ["double", "string"]},
              {"name": "classScores", "type": ["null", {"type": "map", "values": "double"}], "default": null},
              {"name": "segments", "type": ["null", {"type": "map", "values": "string"}], "default": null},
              {"name": "latencyMillis", "type": "long", "default": 0}
            ]}""");

    /** An InferenceLog that dropped modelVersion, which the current reader needs and has no default for. */
    public static final Schema INCOMPATIBLE_INFERENCE = parse("""
            {"type": "record", "name": "InferenceLog", "namespace": "io.driftwatch.schemas.record", "fields": [
              {"name": "requestId", "type": "string"},
              {"name": "modelName", "type": "string"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "features", "type": {"type": "map", "values": ["null", "double", "long", "string", "boolean"]}},
              {"name": "prediction", "type": ["double", "string"]}
            ]}""");

    /** A model server's own flat record, read with {@link #FLAT_MAPPING}. */
    public static final Schema FLAT_USER = parse("""
            {"type": "record", "name": "Scored", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "string"},
              {"name": "model", "type": "string"},
              {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "f_age", "type": "int"},
              {"name": "f_income", "type": "double"},
              {"name": "f_city", "type": ["null", "string"]},
              {"name": "score", "type": "double"}
            ]}""");

    /** The brief's flat-record example, with the feature age declared numeric. */
    public static final Map<String, String> FLAT_MAPPING = Map.of(
            "driftwatch.mapping.inference.requestId", "id",
            "driftwatch.mapping.inference.modelName", "model",
            "driftwatch.mapping.inference.modelVersion", "const:v1",
            "driftwatch.mapping.inference.eventTime", "ts",
            "driftwatch.mapping.inference.prediction", "score",
            "driftwatch.mapping.inference.features", "prefix:f_",
            "driftwatch.mapping.inference.feature.type.age", "number");

    /** A linked list: nests as deep as its data, so it can exceed the nesting limit. */
    public static final Schema NODE_SCHEMA = parse("""
            {"type": "record", "name": "Node", "namespace": "com.acme", "fields": [
              {"name": "value", "type": "int"},
              {"name": "next", "type": ["null", "Node"]}
            ]}""");

    /** The flat record with age sent as text, against the declared number type. */
    public static final Schema FLAT_STRING_AGE_SCHEMA = parse("""
            {"type": "record", "name": "Scored", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "string"},
              {"name": "model", "type": "string"},
              {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "f_age", "type": "string"},
              {"name": "score", "type": "double"}
            ]}""");

    public static final Map<Integer, Schema> BY_ID = Map.of(
            CURRENT, InferenceLog.getClassSchema(),
            OLDER, OLDER_INFERENCE,
            NEWER, NEWER_INFERENCE,
            FLAT, FLAT_USER,
            INCOMPATIBLE, INCOMPATIBLE_INFERENCE,
            NOT_A_RECORD, Schema.create(Schema.Type.STRING),
            NODE, NODE_SCHEMA,
            FLAT_STRING_AGE, FLAT_STRING_AGE_SCHEMA);

    private CorpusSchemas() {
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
