package io.driftwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.schemas.SchemaException;
import org.apache.avro.Schema;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import static io.driftwatch.schemas.registry.RegistrySettings.URL_CONFIG;
import static java.util.Objects.requireNonNull;

/**
 * A client of the Confluent Schema Registry REST API ({@code application/vnd.schemaregistry.v1+json}), for
 * the three calls driftwatch makes: a schema by id (to read Confluent-framed records), the latest schema
 * of a subject, and registering the schemas of the records driftwatch writes. It speaks the subset that
 * Confluent, Apicurio's ccompat API, Karapace and Redpanda serve alike.
 *
 * <p>Caching: a schema by id is kept for ever (ids are immutable), and concurrent callers of an id not yet
 * fetched share one request; a registered schema's id is kept per subject; the latest schema of a subject
 * is reused for {@link RegistrySettings#latestCacheTtl()}. Thread-safe.
 *
 * <p>Failures: a record's fault (unknown id, a non-Avro schema) throws {@link UnknownSchemaException} or
 * {@link UnsupportedSchemaException}; an outage that outlasts the retries throws
 * {@link RegistryUnavailableException}; refused credentials throw {@link RegistryAuthenticationException};
 * an incompatible registration throws {@link IncompatibleSchemaException}. Messages never hold a secret.
 */
public final class SchemaRegistryClient implements SchemaLookup {
    private static final Set<Integer> NOT_FOUND_CODES = Set.of(40401, 40402, 40403);

    private final RegistrySettings settings;
    private final RegistryTransport transport;
    private final SchemaAnswerReader answers;
    private final Clock clock;
    private final LoadOnceCache<Integer, Schema> schemasById = new LoadOnceCache<>();
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Fetched> latestBySubject = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, String schemaJson) {
    }

    private record Fetched(RegisteredSchema latest, Instant fetchedAt) {
    }

    /** @throws org.apache.kafka.common.config.ConfigException when a trust or key store cannot be opened */
    public SchemaRegistryClient(RegistrySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock decides when a cached latest schema has expired */
    public SchemaRegistryClient(RegistrySettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.transport = new RegistryTransport(settings);
        this.answers = new SchemaAnswerReader(settings.url());
    }

    @Override
    public Schema schemaById(int schemaId) {
        return schemasById.get(schemaId, this::fetchById);
    }

    /**
     * @throws UnknownSchemaException with the subject when the registry has no such subject (or no version)
     */
    public RegisteredSchema latest(String subject) {
        requireNonNull(subject, "subject");
        Instant now = clock.instant();
        Fetched cached = latestBySubject.get(subject);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(settings.latestCacheTtl())))
            return cached.latest();
        RegisteredSchema latest = fetchLatest(subject);
        if (!settings.latestCacheTtl().isZero())
            latestBySubject.put(subject, new Fetched(latest, now));
        return latest;
    }

    /**
     * Registers {@code schema} under {@code subject}, or finds the id it already has there.
     *
     * @return the schema's global id
     * @throws IncompatibleSchemaException when the subject's compatibility rule refuses it
     */
    public int register(String subject, Schema schema) {
        requireNonNull(subject, "subject");
        requireNonNull(schema, "schema");
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer known = idsBySubjectSchema.get(key);
        if (known != null)
            return known;
        String path = subjectPath(subject) + "/versions";
        String call = "POST " + path;
        String body = RegistryReply.JSON.createObjectNode().put("schema", key.schemaJson()).toString();
        RegistryReply reply = transport.post(path, body);
        if (!reply.isSuccess())
            throw registrationRefused(subject, schema, reply, call);
        int id = answers.requiredInt(answers.body(reply, call), "id", call);
        idsBySubjectSchema.put(key, id);
        schemasById.put(id, schema);
        return id;
    }

    private Schema fetchById(int schemaId) {
        String path = "/schemas/ids/" + schemaId;
        String call = "GET " + path;
        RegistryReply reply = transport.get(path);
        if (!reply.isSuccess())
            throw lookupFailed(reply, call, () -> new UnknownSchemaException(schemaId,
                    "unknown schema id " + schemaId + " (" + reply.describe() + ")"));
        return answers.avroSchema(answers.body(reply, call), schemaId, call);
    }

    private RegisteredSchema fetchLatest(String subject) {
        String path = subjectPath(subject) + "/versions/latest";
        String call = "GET " + path;
        RegistryReply reply = transport.get(path);
        if (!reply.isSuccess())
            throw lookupFailed(reply, call, () -> new UnknownSchemaException(subject,
                    "unknown subject '" + subject + "' (" + reply.describe() + ")"));
        JsonNode answer = answers.body(reply, call);
        int id = answers.requiredInt(answer, "id", call);
        int version = answers.requiredInt(answer, "version", call);
        Schema schema = answers.avroSchema(answer, id, call);
        schemasById.put(id, schema);
        return new RegisteredSchema(subject, id, version, schema);
    }

    private SchemaException lookupFailed(RegistryReply reply, String call, Supplier<UnknownSchemaException> unknown) {
        if (reply.status() == 404)
            return isRegistryNotFound(reply) ? unknown.get() : notAnApiPath(reply, call);
        return new RegistryRequestException("schema registry " + settings.url() + " refused " + call + " (" + reply.describe() + ")");
    }

    private SchemaException registrationRefused(String subject, Schema schema, RegistryReply reply, String call) {
        String what = "schema " + schema.getFullName() + " for subject '" + subject + "'";
        return switch (reply.status()) {
            case 409 -> new IncompatibleSchemaException(subject, "schema registry " + settings.url() + " refused " + what
                    + " as incompatible with its earlier versions (" + reply.describe() + "): make the change compatible,"
                    + " or change the subject's compatibility level");
            case 404 -> notAnApiPath(reply, call);
            default -> new RegistryRequestException("schema registry " + settings.url() + " refused " + what + " ("
                    + reply.describe() + ")");
        };
    }

    /**
     * A 404 means "no such id or subject" only with a registry's own code. A 404 without one comes from a
     * web server or router that does not serve the API at this path, typically a URL missing Apicurio's
     * {@code /apis/ccompat/v7}; calling that an unknown schema would dead-letter every record.
     */
    private static boolean isRegistryNotFound(RegistryReply reply) {
        Integer code = reply.errorCode();
        return code != null && NOT_FOUND_CODES.contains(code);
    }

    private RegistryUnavailableException notAnApiPath(RegistryReply reply, String call) {
        return new RegistryUnavailableException("schema registry " + settings.url() + " does not serve " + call + " ("
                + reply.describe() + "): check " + URL_CONFIG + "; Apicurio needs its /apis/ccompat/v7 path");
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + settings.url() + "]";
    }
}
