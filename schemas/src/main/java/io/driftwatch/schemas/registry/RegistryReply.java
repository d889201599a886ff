package io.driftwatch.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One HTTP answer of the registry, and the reading of its error body. Registries agree on
 * {@code {"error_code": 40403, "message": "..."}} but not on everything: Karapace leaves out
 * {@code error_code} on auth failures, FastAPI-style bodies say {@code detail}, and a proxy in front of
 * the registry answers with HTML. {@link #describe()} copes with all of them, falling back to the status
 * line.
 *
 * @param status HTTP status code
 * @param body   the body as text, possibly empty
 */
record RegistryReply(int status, String body) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_CHARS = 1_000;
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    RegistryReply {
        requireNonNull(body, "body");
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The registry's own error code ({@code 40403}), when the body carries one. */
    @Nullable Integer errorCode() {
        JsonNode object = jsonObject();
        JsonNode code = object == null ? null : object.get("error_code");
        return code != null && code.canConvertToInt() ? code.asInt() : null;
    }

    /**
     * @return e.g. {@code registry answered 404, error_code 40403: Schema 42 not found}, or
     *         {@code registry answered HTTP 502 Bad Gateway (the body is not JSON)}
     */
    String describe() {
        JsonNode object = jsonObject();
        if (object == null)
            return "registry answered HTTP " + status + reason() + (body.isBlank() ? " with an empty body" : " (the body is not JSON)");
        Integer code = errorCode();
        String message = text(object, "message");
        if (message == null)
            message = text(object, "detail");
        return "registry answered " + status + (code == null ? "" : ", error_code " + code)
                + (message == null ? "" : ": " + shorten(message));
    }

    /** True when the answer is a registry's error body rather than a proxy's or web server's page. */
    boolean hasJsonBody() {
        return jsonObject() != null;
    }

    /** The body as a JSON object, or null when it is not one. */
    @Nullable JsonNode jsonObject() {
        if (body.isBlank())
            return null;
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String reason() {
        String reason = REASONS.get(status);
        return reason == null ? "" : " " + reason;
    }

    private static @Nullable String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static String shorten(String message) {
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
