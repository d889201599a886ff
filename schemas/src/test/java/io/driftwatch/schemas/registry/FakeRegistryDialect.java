package io.driftwatch.schemas.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * How one schema-registry product words the same API, as far as its source shows: the path prefix, the
 * content type, whether {@code schemaType} is written for Avro, and the shape of error bodies. Read from
 * Confluent's API reference, Apicurio's ccompat exception mapper (Confluent codes via its
 * {@code CONFLUENT_CODE_MAP}, an incompatible schema as 409 with {@code error_code} 42203, bodies with no
 * code on auth failures), Karapace's FastAPI routers (no {@code error_code} on 401/403, {@code detail} on
 * unknown routes) and Redpanda's pandaproxy (40101/40301 auth codes, {@code Retry-After: 0} on 503).
 */
public enum FakeRegistryDialect {
    CONFLUENT("", FakeRegistryDialect.VND_JSON, false),
    APICURIO("/apis/ccompat/v7", "application/json", true),
    KARAPACE("", FakeRegistryDialect.VND_JSON, false),
    REDPANDA("", FakeRegistryDialect.VND_JSON, false);

    static final String VND_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String pathPrefix;
    private final String contentType;
    private final boolean writesAvroSchemaType;

    FakeRegistryDialect(String pathPrefix, String contentType, boolean writesAvroSchemaType) {
        this.pathPrefix = pathPrefix;
        this.contentType = contentType;
        this.writesAvroSchemaType = writesAvroSchemaType;
    }

    /** The path the API is served under, e.g. {@code /apis/ccompat/v7}; empty for the root. */
    public String pathPrefix() {
        return pathPrefix;
    }

    String contentType() {
        return contentType;
    }

    /** Adds {@code schemaType} (and Apicurio's empty {@code references}) to a schema answer. */
    void describeAvro(ObjectNode answer) {
        if (writesAvroSchemaType) {
            answer.put("schemaType", "AVRO");
            answer.putArray("references");
        }
    }

    /** One canned HTTP answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    Answer schemaNotFound(int id) {
        return switch (this) {
            case CONFLUENT, REDPANDA -> error(404, 40403, "Schema " + id + " not found");
            case APICURIO -> error(404, 40403, "No content with id/hash 'contentId-" + id + "' was found.");
            case KARAPACE -> error(404, 40403, "Schema not found");
        };
    }

    Answer subjectNotFound(String subject) {
        return switch (this) {
            case APICURIO -> error(404, 40401, "No artifact with ID '" + subject + "' in group 'null' was found.");
            case CONFLUENT, KARAPACE, REDPANDA -> error(404, 40401, "Subject '" + subject + "' not found.");
        };
    }

    Answer incompatible(String subject) {
        return switch (this) {
            case CONFLUENT, REDPANDA -> error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\"");
            case APICURIO -> error(409, 42203, "Incompatible artifact: " + subject + " [AVRO], num of incompatible diffs: {1}");
            case KARAPACE -> error(409, 409, "Incompatible schema, compatibility_mode=BACKWARD");
        };
    }

    Answer invalidSchema(String why) {
        return error(422, 42201, "Invalid schema: " + why);
    }

    Answer unauthorized() {
        return switch (this) {
            case CONFLUENT -> error(401, 401, "Unauthorized");
            case APICURIO -> new Answer(401, "text/plain", "");
            case KARAPACE -> new Answer(401, contentType, "{\"message\": \"Unauthorized\"}",
                    Map.of("WWW-Authenticate", "Basic realm=\"Karapace Schema Registry\""));
            case REDPANDA -> error(401, 40101, "Unauthorized");
        };
    }

    Answer forbidden() {
        return switch (this) {
            case CONFLUENT -> error(403, 40301, "User is denied operation on this server.");
            case APICURIO -> new Answer(403, "text/plain", "");
            case KARAPACE -> new Answer(403, contentType, "{\"message\": \"Forbidden\"}");
            case REDPANDA -> error(403, 40301, "Forbidden (superuser role required)");
        };
    }

    Answer unavailable(int status) {
        return switch (this) {
            case CONFLUENT, KARAPACE -> error(status, 50003, "Error while forwarding the request to the primary");
            case APICURIO -> error(status, 0, "Storage is not ready");
            case REDPANDA -> new Answer(status, contentType, errorBody(50302, "Broker not available"), Map.of("Retry-After", "0"));
        };
    }

    Answer noRoute() {
        return switch (this) {
            case CONFLUENT -> error(404, 404, "HTTP 404 Not Found");
            case APICURIO -> new Answer(404, "text/html", "<html><body><h1>Resource not found</h1></body></html>");
            case KARAPACE -> new Answer(404, "application/json", "{\"detail\":\"Not Found\"}");
            case REDPANDA -> new Answer(404, "application/json", "{\"message\":\"Not found\",\"code\":404}");
        };
    }

    private Answer error(int status, int errorCode, String message) {
        return new Answer(status, contentType, errorBody(errorCode, message));
    }

    private static String errorBody(int errorCode, String message) {
        return JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString();
    }
}
