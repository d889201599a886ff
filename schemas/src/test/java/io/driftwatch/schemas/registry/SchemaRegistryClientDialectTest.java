package io.driftwatch.schemas.registry;

import io.driftwatch.schemas.registry.FakeSchemaRegistry.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.driftwatch.schemas.registry.TestSchemas.READING_V1;
import static io.driftwatch.schemas.registry.TestSchemas.READING_V2;
import static io.driftwatch.schemas.registry.TestSchemas.READING_WITHOUT_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same calls against each registry's wording of the API. */
class SchemaRegistryClientDialectTest {

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void registeredSchemaIsFetchedBackByIdByAnotherClient(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            int id = new SchemaRegistryClient(registry.clientSettings().build()).register("readings-value", READING_V1);

            SchemaRegistryClient reader = new SchemaRegistryClient(registry.clientSettings().build());

            assertThat(reader.schemaById(id)).isEqualTo(READING_V1);
            assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void registrationPostsTheSchemaAsRegistryJson(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            new SchemaRegistryClient(registry.clientSettings().build()).register("readings-value", READING_V1);

            RecordedRequest post = registry.requests().get(0);
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.apiPath()).isEqualTo("/subjects/readings-value/versions");
            assertThat(post.header("Content-Type")).contains("application/vnd.schemaregistry.v1+json");
            assertThat(post.header("Accept").orElseThrow()).startsWith("application/vnd.schemaregistry.v1+json");
            assertThat(post.body()).isEqualTo(RegistryReply.JSON.createObjectNode().put("schema", READING_V1.toString()).toString());
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void latestOfASubjectHasTheNewestVersionAndItsId(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            registry.register("readings-value", READING_V1.toString());
            int newestId = registry.register("readings-value", READING_V2.toString());

            RegisteredSchema latest = new SchemaRegistryClient(registry.clientSettings().build()).latest("readings-value");

            assertThat(latest).isEqualTo(new RegisteredSchema("readings-value", newestId, 2, READING_V2));
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void registeringTheSameSchemaUnderAnotherSubjectGivesTheSameId(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

            assertThat(client.register("a-value", READING_V1)).isEqualTo(client.register("b-value", READING_V1));
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void unknownIdIsAnUnknownSchemaWithTheRegistrysCode(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

            assertThatThrownBy(() -> client.schemaById(42))
                    .isInstanceOfSatisfying(UnknownSchemaException.class, e -> assertThat(e.schemaId()).isEqualTo(42))
                    .hasMessageStartingWith("unknown schema id 42 (registry answered 404, error_code 40403: ");
            assertThat(registry.requestCount("GET", "/schemas/ids/42")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void unknownSubjectIsAnUnknownSchemaNamingTheSubject(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

            assertThatThrownBy(() -> client.latest("missing-value"))
                    .isInstanceOfSatisfying(UnknownSchemaException.class,
                            e -> assertThat(e.subject()).contains("missing-value"))
                    .hasMessageStartingWith("unknown subject 'missing-value' (registry answered 404, error_code 40401: ");
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void incompatibleRegistrationSaysWhatToChange(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            registry.register("readings-value", READING_V1.toString());
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

            assertThatThrownBy(() -> client.register("readings-value", READING_WITHOUT_DEFAULT))
                    .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                            e -> assertThat(e.subject()).isEqualTo("readings-value"))
                    .hasMessageStartingWith("schema registry " + registry.url() + " refused schema io.driftwatch.test.Reading"
                            + " for subject 'readings-value' as incompatible with its earlier versions (registry answered 409")
                    .hasMessageEndingWith("make the change compatible, or change the subject's compatibility level");
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void trailingSlashesOnTheUrlAreIgnored(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            int id = registry.register("readings-value", READING_V1.toString());
            RegistrySettings settings = RegistrySettings.builder(registry.url() + "//").build();

            assertThat(new SchemaRegistryClient(settings).schemaById(id)).isEqualTo(READING_V1);
            assertThat(registry.requests().get(0).apiPath()).isEqualTo("/schemas/ids/" + id);
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void subjectsAreEncodedAsOnePathSegment(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(dialect)) {
            int id = registry.register("team a/readings value", READING_V1.toString());

            RegisteredSchema latest = new SchemaRegistryClient(registry.clientSettings().build()).latest("team a/readings value");

            assertThat(latest.id()).isEqualTo(id);
            assertThat(registry.requests().get(0).apiPath()).isEqualTo("/subjects/team%20a%2Freadings%20value/versions/latest");
        }
    }

    @org.junit.jupiter.api.Test
    void apicurioWithoutItsCcompatPathIsAConfigurationProblemNotAnUnknownSchema() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(FakeRegistryDialect.APICURIO)) {
            String root = registry.url().replace("/apis/ccompat/v7", "");
            SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.builder(root).build());

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessage("schema registry " + root + " does not serve GET /schemas/ids/1 (registry answered HTTP 404"
                            + " Not Found (the body is not JSON)): check driftwatch.schema.registry.url;"
                            + " Apicurio needs its /apis/ccompat/v7 path");
        }
    }
}
