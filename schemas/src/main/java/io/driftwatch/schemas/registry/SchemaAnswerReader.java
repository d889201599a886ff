package io.driftwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

import java.util.Locale;

import static io.driftwatch.schemas.registry.RegistrySettings.URL_CONFIG;
import static java.util.Objects.requireNonNull;

/**
 * Reads the JSON of a registry's successful answer about a schema into Avro. Registries differ in what
 * they send for Avro: Confluent, Karapace and Redpanda leave {@code schemaType} out, Apicurio writes
 * {@code "AVRO"}; any other type (PROTOBUF, JSON) is refused, as are schema references, which this client
 * does not resolve. An answer without the fields every registry sends means the URL does not point at a
 * registry, which is the environment's fault, not the record's.
 */
final class SchemaAnswerReader {
    private final RegistryUrl url;

    SchemaAnswerReader(RegistryUrl url) {
        this.url = requireNonNull(url, "url");
    }

    /** @param call the request, e.g. {@code GET /schemas/ids/42}, for messages */
    JsonNode body(RegistryReply reply, String call) {
        JsonNode object = reply.jsonObject();
        if (object == null)
            throw notARegistry(call, "a body that is not a JSON object");
        return object;
    }

    int requiredInt(JsonNode answer, String field, String call) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt())
            throw notARegistry(call, "no integer '" + field + "' field");
        return value.asInt();
    }

    /**
     * @param schemaId the id the schema has (or -1 if not known yet), for messages
     * @throws UnsupportedSchemaException when the schema is not Avro, has references or does not parse
     */
    Schema avroSchema(JsonNode answer, int schemaId, String call) {
        JsonNode type = answer.get("schemaType");
        if (type != null && !type.isNull() && !type.asText().toUpperCase(Locale.ROOT).equals("AVRO"))
            throw new UnsupportedSchemaException(schemaId, "schema id " + schemaId + " is a " + type.asText()
                    + " schema; driftwatch reads only Avro schemas from the registry (for JSON records, read the topic as JSON)");
        JsonNode references = answer.get("references");
        if (references != null && references.isArray() && !references.isEmpty())
            throw new UnsupportedSchemaException(schemaId, "schema id " + schemaId + " uses schema references " + references
                    + ", which driftwatch does not resolve; register the schema with the referenced types inlined");
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual())
            throw notARegistry(call, "no 'schema' text field");
        try {
            return new Schema.Parser().setValidateDefaults(false).parse(text.asText());
        } catch (RuntimeException e) { // Avro 1.12 throws NullPointerException for unknown type names, not only SchemaParseException
            throw new UnsupportedSchemaException(schemaId, "schema id " + schemaId + " is not valid Avro: " + e.getMessage(), e);
        }
    }

    private RegistryUnavailableException notARegistry(String call, String what) {
        return new RegistryUnavailableException("schema registry " + url + " answered " + call + " with " + what
                + ": does " + URL_CONFIG + " point at a Confluent-compatible registry API?");
    }
}
