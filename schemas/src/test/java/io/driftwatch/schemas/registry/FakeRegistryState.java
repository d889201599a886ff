package io.driftwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.registry.FakeRegistryDialect.Answer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link FakeSchemaRegistry} knows (schemas, ids, subjects and their versions) and its answers to the
 * API, worded in its dialect. Ids are global and start at 1; the same schema registered again, under any
 * subject, keeps its id. A new version must be BACKWARD compatible with the subject's latest (checked with
 * Avro's own {@link SchemaCompatibility}) unless the check is disabled for the subject. Thread-safe.
 */
final class FakeRegistryState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeRegistryDialect dialect;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new HashMap<>();
    private final Set<String> subjectsWithoutCompatibilityCheck = new HashSet<>();
    private int nextId = 1;

    FakeRegistryState(FakeRegistryDialect dialect) {
        this.dialect = dialect;
    }

    synchronized void disableCompatibilityCheck(String subject) {
        subjectsWithoutCompatibilityCheck.add(subject);
    }

    /** The answer to an API request, {@code apiPath} being the raw path after the dialect's prefix. */
    Answer answer(String method, String apiPath, String body) {
        String[] segments = apiPath.substring(1).split("/", -1);
        if (method.equals("GET") && segments.length == 3 && segments[0].equals("schemas") && segments[1].equals("ids"))
            return schemaById(segments[2]);
        if (segments[0].equals("subjects")) {
            if (method.equals("GET") && segments.length == 1)
                return subjects();
            String subject = segments.length > 1 ? decode(segments[1]) : "";
            if (segments.length == 3 && segments[2].equals("versions"))
                return method.equals("POST") ? registrationRequest(subject, body) : versions(subject);
            if (method.equals("GET") && segments.length == 4 && segments[2].equals("versions"))
                return subjectVersion(subject, segments[3]);
        }
        return dialect.noRoute();
    }

    private synchronized Answer schemaById(String idText) {
        Integer id = parseId(idText);
        String schema = id == null ? null : schemasById.get(id);
        if (schema == null)
            return id == null ? dialect.noRoute() : dialect.schemaNotFound(id);
        ObjectNode answer = JSON.createObjectNode().put("schema", schema);
        dialect.describeAvro(answer);
        return ok(answer);
    }

    private synchronized Answer subjects() {
        return ok(JSON.valueToTree(idsBySubject.keySet().stream().sorted().toList()));
    }

    private synchronized Answer versions(String subject) {
        List<Integer> ids = idsBySubject.get(subject);
        if (ids == null)
            return dialect.subjectNotFound(subject);
        List<Integer> versions = new ArrayList<>();
        for (int version = 1; version <= ids.size(); version++)
            versions.add(version);
        return ok(JSON.valueToTree(versions));
    }

    private synchronized Answer subjectVersion(String subject, String versionText) {
        List<Integer> ids = idsBySubject.get(subject);
        if (ids == null)
            return dialect.subjectNotFound(subject);
        Integer version = versionText.equals("latest") ? Integer.valueOf(ids.size()) : parseId(versionText);
        if (version == null || version < 1 || version > ids.size())
            return new Answer(404, dialect.contentType(), "{\"error_code\":40402,\"message\":\"Version " + versionText + " not found.\"}");
        int id = ids.get(version - 1);
        ObjectNode answer = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id);
        dialect.describeAvro(answer);
        answer.put("schema", schemasById.get(id));
        return ok(answer);
    }

    private Answer registrationRequest(String subject, String requestBody) {
        String schemaText = schemaTextOf(requestBody);
        return schemaText == null ? dialect.invalidSchema("the body is not a JSON object with a 'schema' text") : registration(subject, schemaText);
    }

    synchronized Answer registration(String subject, String schemaText) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) { // Avro throws NullPointerException for unknown type names
            return dialect.invalidSchema(e.getMessage());
        }
        String canonical = schema.toString();
        List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
        Integer existing = idsBySchema.get(canonical);
        if (existing != null && ids.contains(existing))
            return ok(JSON.createObjectNode().put("id", existing));
        if (!ids.isEmpty() && !subjectsWithoutCompatibilityCheck.contains(subject) && !readsLatest(schema, ids))
            return dialect.incompatible(subject);
        int id = existing != null ? existing : nextId++;
        schemasById.put(id, canonical);
        idsBySchema.put(canonical, id);
        idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return ok(JSON.createObjectNode().put("id", id));
    }

    /** BACKWARD: a reader of the new schema can read data written with the latest one. */
    private boolean readsLatest(Schema candidate, List<Integer> ids) {
        Schema latest = new Schema.Parser().parse(schemasById.get(ids.get(ids.size() - 1)));
        return SchemaCompatibility.checkReaderWriterCompatibility(candidate, latest).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    private static @Nullable String schemaTextOf(String requestBody) {
        try {
            JsonNode schema = JSON.readTree(requestBody).get("schema");
            return schema != null && schema.isTextual() ? schema.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Answer ok(JsonNode body) {
        return new Answer(200, dialect.contentType(), body.toString());
    }

    private static @Nullable Integer parseId(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
