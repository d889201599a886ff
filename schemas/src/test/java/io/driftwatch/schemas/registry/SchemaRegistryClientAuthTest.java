package io.driftwatch.schemas.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.driftwatch.schemas.registry.TestSchemas.READING_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientAuthTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl";

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthIsSentWithEveryRequest() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.CONFLUENT)
                .basicAuth("alice", PASSWORD).start()) {
            int id = registry.register("readings-value", READING_V1.toString());

            new SchemaRegistryClient(registry.clientSettings().basicAuth("alice", PASSWORD).build()).schemaById(id);

            assertThat(registry.requests().get(0).header("Authorization")).contains("Basic " + base64("alice:" + PASSWORD));
        }
    }

    @Test
    void bearerTokenIsSentWithEveryRequest() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.REDPANDA).bearerToken(TOKEN).start()) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().bearerToken(TOKEN).build());

            int id = client.register("readings-value", READING_V1);

            assertThat(id).isEqualTo(1);
            assertThat(registry.requests().get(0).header("Authorization")).contains("Bearer " + TOKEN);
        }
    }

    @Test
    void userInfoInTheUrlBecomesBasicAuthAndIsKeptOutOfEveryText() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.KARAPACE)
                .basicAuth("alice", PASSWORD).start()) {
            int id = registry.register("readings-value", READING_V1.toString());
            String urlWithUserInfo = registry.url().replace("://", "://alice:" + PASSWORD + "@");
            RegistrySettings settings = RegistrySettings.builder(urlWithUserInfo).retry(2, java.time.Duration.ZERO,
                    java.time.Duration.ZERO).build();
            SchemaRegistryClient client = new SchemaRegistryClient(settings);

            assertThat(client.schemaById(id)).isEqualTo(READING_V1);
            assertThat(registry.requests().get(0).header("Authorization")).contains("Basic " + base64("alice:" + PASSWORD));
            assertThat(settings.toString()).doesNotContain(PASSWORD).contains("[hidden]");
            assertThat(client.toString()).isEqualTo("SchemaRegistryClient[" + registry.url() + "]");
            registry.failNext(2, 503);
            assertThatThrownBy(() -> client.schemaById(id + 1))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageStartingWith("schema registry " + registry.url() + " unavailable")
                    .message().doesNotContain(PASSWORD).doesNotContain("alice:");
        }
    }

    @ParameterizedTest
    @EnumSource(FakeRegistryDialect.class)
    void refusedPasswordNamesTheSettingsToCheckButNotThePassword(FakeRegistryDialect dialect) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(dialect).basicAuth("alice", PASSWORD).start()) {
            String wrong = "wr0ng-" + PASSWORD;
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().basicAuth("alice", wrong).build());

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(RegistryAuthenticationException.class)
                    .hasMessageStartingWith("schema registry " + registry.url() + " refused the credentials for GET /schemas/ids/1"
                            + " (registry answered ")
                    .hasMessageEndingWith("): check driftwatch.schema.registry.basic.auth.user and"
                            + " driftwatch.schema.registry.basic.auth.password (or the user info in driftwatch.schema.registry.url)")
                    .message().doesNotContain(wrong).doesNotContain(base64("alice:" + wrong));
            assertThat(registry.requests()).hasSize(1);
        }
    }

    @Test
    void refusalWordsTheRegistrysOwnAnswer() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.KARAPACE).basicAuth("alice", PASSWORD).start()) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().basicAuth("alice", "nope").build());

            assertThatThrownBy(() -> client.schemaById(1)).hasMessageContaining("(registry answered 401: Unauthorized)");
        }
    }

    @Test
    void refusedTokenAsksWhetherItExpiredAndHidesIt() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.CONFLUENT).bearerToken(TOKEN).start()) {
            String stale = TOKEN + "stale";
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().bearerToken(stale).build());

            assertThatThrownBy(() -> client.latest("readings-value"))
                    .isInstanceOf(RegistryAuthenticationException.class)
                    .hasMessageEndingWith("(registry answered 401, error_code 401: Unauthorized):"
                            + " check driftwatch.schema.registry.bearer.token (has the token expired?)")
                    .message().doesNotContain(stale);
        }
    }

    @Test
    void missingCredentialsSayWhichSettingsToSet() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.APICURIO).basicAuth("alice", PASSWORD).start()) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(RegistryAuthenticationException.class)
                    .hasMessage("schema registry " + registry.url() + " refused the credentials for GET /schemas/ids/1"
                            + " (registry answered HTTP 401 Unauthorized with an empty body): no credentials are configured:"
                            + " set driftwatch.schema.registry.basic.auth.user and driftwatch.schema.registry.basic.auth.password,"
                            + " or driftwatch.schema.registry.bearer.token");
        }
    }

    @Test
    void deniedPermissionIsToldApartFromARefusedPassword() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.builder(FakeRegistryDialect.REDPANDA).basicAuth("alice", PASSWORD).start()) {
            registry.denyAccess(true);
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().basicAuth("alice", PASSWORD).build());

            assertThatThrownBy(() -> client.register("readings-value", READING_V1))
                    .isInstanceOf(RegistryAuthenticationException.class)
                    .hasMessage("schema registry " + registry.url() + " denied POST /subjects/readings-value/versions"
                            + " (registry answered 403, error_code 40301: Forbidden (superuser role required)):"
                            + " the credentials were accepted but lack permission; grant them read and write access to the"
                            + " subjects driftwatch uses, or check driftwatch.schema.registry.basic.auth.user and"
                            + " driftwatch.schema.registry.basic.auth.password (or the user info in driftwatch.schema.registry.url)");
        }
    }
}
