package io.driftwatch.schemas.registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.driftwatch.schemas.registry.FakeRegistryDialect.VND_JSON;
import static io.driftwatch.schemas.registry.TestSchemas.READING_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientFailureTest {
    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(FakeRegistryDialect.CONFLUENT);
    private final int id = registry.register("readings-value", READING_V1.toString());

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private SchemaRegistryClient client() {
        return new SchemaRegistryClient(registry.clientSettings().build());
    }

    @Test
    void unavailableRegistryIsRetriedUntilItAnswers() {
        registry.failNext(2, 503);

        assertThat(client().schemaById(id)).isEqualTo(READING_V1);
        assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isEqualTo(3);
    }

    @Test
    void tooManyRequestsIsRetriedLikeAnOutage() {
        registry.failNext(1, 429);

        assertThat(client().schemaById(id)).isEqualTo(READING_V1);
        assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isEqualTo(2);
    }

    @Test
    void outageLongerThanTheRetriesSaysWhatFailedHowOftenAndTheLastAnswer() {
        registry.failNext(3, 503);

        assertThatThrownBy(() -> client().schemaById(id))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("schema registry " + registry.url() + " unavailable: GET /schemas/ids/" + id + " failed 3 times;"
                        + " last failure: registry answered 503, error_code 50003: Error while forwarding the request to the primary");
    }

    @Test
    void registryThatHangsTimesOutOnEveryAttemptThenIsUnavailable() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings()
                .requestTimeout(Duration.ofMillis(100)).build());
        registry.delayNext(3, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.schemaById(id))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("schema registry " + registry.url() + " unavailable: GET /schemas/ids/" + id + " failed 3 times;"
                        + " last failure: no answer within 100 ms (driftwatch.schema.registry.request.timeout.ms)");
        assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isEqualTo(3);
    }

    @Test
    void registryThatIsNotListeningIsUnavailable() {
        SchemaRegistryClient client = client();
        registry.close();

        assertThatThrownBy(() -> client.schemaById(id))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageEndingWith("failed 3 times; last failure: connection refused or unreachable"
                        + " (is driftwatch.schema.registry.url right and the registry running?)");
    }

    @Test
    void unknownIdNamesTheIdAndTheRegistrysAnswer() {
        assertThatThrownBy(() -> client().schemaById(42))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessage("unknown schema id 42 (registry answered 404, error_code 40403: Schema 42 not found)");
    }

    @Test
    void proxyErrorPageFallsBackToTheStatusLine() {
        registry.answerNext(3, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");

        assertThatThrownBy(() -> client().schemaById(id))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageEndingWith("failed 3 times; last failure: registry answered HTTP 502 Bad Gateway (the body is not JSON)");
    }

    @Test
    void emptyErrorBodyIsSaidToBeEmpty() {
        registry.answerNext(3, 500, "text/plain", "");

        assertThatThrownBy(() -> client().schemaById(id))
                .hasMessageEndingWith("last failure: registry answered HTTP 500 Internal Server Error with an empty body");
    }

    @Test
    void notFoundPageWithoutARegistryCodeIsAConfigurationProblem() {
        registry.answerNext(1, 404, "text/html", "<html>Not Found</html>");

        assertThatThrownBy(() -> client().schemaById(id))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("schema registry " + registry.url() + " does not serve GET /schemas/ids/" + id
                        + " (registry answered HTTP 404 Not Found (the body is not JSON)): check driftwatch.schema.registry.url;"
                        + " Apicurio needs its /apis/ccompat/v7 path");
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        registry.answerNext(1, 422, VND_JSON, "{\"error_code\": 42202, \"message\": \"The specified version is not valid\"}");

        assertThatThrownBy(() -> client().latest("readings-value"))
                .isInstanceOf(RegistryRequestException.class)
                .hasMessage("schema registry " + registry.url() + " refused GET /subjects/readings-value/versions/latest"
                        + " (registry answered 422, error_code 42202: The specified version is not valid)");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void invalidSchemaIsRefusedWithTheRegistrysReason() {
        registry.answerNext(1, 422, VND_JSON, "{\"error_code\": 42201, \"message\": \"Invalid schema\"}");

        assertThatThrownBy(() -> client().register("readings-value", READING_V1))
                .isInstanceOf(RegistryRequestException.class)
                .hasMessage("schema registry " + registry.url() + " refused schema io.driftwatch.test.Reading for subject"
                        + " 'readings-value' (registry answered 422, error_code 42201: Invalid schema)");
    }

    @Test
    void protobufSchemaIsUnsupportedAndSaysSo() {
        registry.answerNext(1, 200, VND_JSON, "{\"schemaType\": \"PROTOBUF\", \"schema\": \"syntax = \\\"proto3\\\";\"}");

        assertThatThrownBy(() -> client().schemaById(7))
                .isInstanceOfSatisfying(UnsupportedSchemaException.class, e -> assertThat(e.schemaId()).isEqualTo(7))
                .hasMessage("schema id 7 is a PROTOBUF schema; driftwatch reads only Avro schemas from the registry"
                        + " (for JSON records, read the topic as JSON)");
    }

    @Test
    void schemaWithReferencesIsUnsupportedAndSaysSo() {
        registry.answerNext(1, 200, VND_JSON, "{\"schema\": \"\\\"string\\\"\", \"references\":"
                + " [{\"name\": \"io.x.Unit\", \"subject\": \"unit\", \"version\": 1}]}");

        assertThatThrownBy(() -> client().schemaById(7))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessage("schema id 7 uses schema references [{\"name\":\"io.x.Unit\",\"subject\":\"unit\",\"version\":1}],"
                        + " which driftwatch does not resolve; register the schema with the referenced types inlined");
    }

    @Test
    void schemaThatIsNotAvroIsUnsupported() {
        registry.answerNext(1, 200, VND_JSON, "{\"schema\": \"{\\\"type\\\": \\\"recrod\\\"}\"}");

        assertThatThrownBy(() -> client().schemaById(7))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageStartingWith("schema id 7 is not valid Avro: ");
    }

    @Test
    void successThatIsNotJsonMeansTheUrlIsNotARegistry() {
        registry.answerNext(1, 200, "text/html", "<html>Please sign in</html>");

        assertThatThrownBy(() -> client().schemaById(id))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("schema registry " + registry.url() + " answered GET /schemas/ids/" + id + " with a body that is"
                        + " not a JSON object: does driftwatch.schema.registry.url point at a Confluent-compatible registry API?");
    }

    @Test
    void longRegistryMessagesAreShortenedToOneLine() {
        registry.answerNext(1, 422, VND_JSON, "{\"error_code\": 42201, \"message\": \"line one\\n  line two " + "x".repeat(2_000) + "\"}");

        assertThatThrownBy(() -> client().schemaById(id))
                .hasMessageContaining("error_code 42201: line one line two xxx")
                .hasMessageEndingWith("x...)");
    }
}
