package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrySettingsTest {

    @Test
    void defaultsComeFromTheDefaultConstants() {
        RegistrySettings settings = RegistrySettings.builder("http://registry:8081").build();

        assertThat(settings.auth()).isEqualTo(RegistryAuth.NONE);
        assertThat(settings.tls()).isEqualTo(TlsSettings.JDK_DEFAULT);
        assertThat(settings.connectTimeout()).isEqualTo(RegistrySettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.requestTimeout()).isEqualTo(RegistrySettings.DEFAULT_REQUEST_TIMEOUT);
        assertThat(settings.retry()).isEqualTo(new RetryPolicy(RegistrySettings.DEFAULT_RETRY_ATTEMPTS,
                RegistrySettings.DEFAULT_RETRY_BACKOFF, RegistrySettings.DEFAULT_RETRY_BACKOFF_MAX));
        assertThat(settings.latestCacheTtl()).isEqualTo(RegistrySettings.DEFAULT_LATEST_CACHE_TTL);
    }

    @Test
    void pathPrefixIsKeptAndTrailingSlashesDropped() {
        assertThat(RegistrySettings.builder("  http://apicurio:8080/apis/ccompat/v7///  ").build().url().base())
                .hasToString("http://apicurio:8080/apis/ccompat/v7");
        assertThat(RegistrySettings.builder("https://registry.example.com/").build().url().base())
                .hasToString("https://registry.example.com");
    }

    @Test
    void userInfoBecomesBasicAuthAndLeavesTheUrl() {
        RegistrySettings settings = RegistrySettings.builder("https://svc%40corp:p%3Ass@registry:8081").build();

        assertThat(settings.url()).hasToString("https://registry:8081");
        assertThat(settings.auth()).isEqualTo(RegistryAuth.basic("svc@corp", "p:ss"));
        assertThat(settings.toString()).doesNotContain("p:ss").doesNotContain("p%3Ass").contains("password=[hidden]");
    }

    @Test
    void secretsPrintAsHidden() {
        assertThat(RegistrySettings.builder("http://r").basicAuth("alice", "s3cret").build().toString())
                .contains("Basic[user=alice, password=[hidden]]").doesNotContain("s3cret");
        assertThat(RegistrySettings.builder("http://r").bearerToken("tok3n").build().toString())
                .contains("Bearer[token=[hidden]]").doesNotContain("tok3n");
    }

    @Test
    void emptyUrlSaysWhatToSet() {
        assertThatThrownBy(() -> RegistrySettings.builder(" ").build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("driftwatch.schema.registry.url is empty: set it to the registry's base URL,"
                        + " e.g. http://localhost:8081 (Apicurio: http://host:8080/apis/ccompat/v7)");
    }

    @Test
    void unusableUrlsAreExplainedWithTheirUserInfoRedacted() {
        assertThatThrownBy(() -> RegistrySettings.builder("ftp://alice:s3cret@registry:8081").build())
                .hasMessage("driftwatch.schema.registry.url ftp://***@registry:8081 is not usable: it must start with http:// or https://");
        assertThatThrownBy(() -> RegistrySettings.builder("http://alice:s3cret@schema_registry:8081").build())
                .hasMessage("driftwatch.schema.registry.url http://***@schema_registry:8081 is not usable:"
                        + " it has no host name (host names cannot contain '_')");
        assertThatThrownBy(() -> RegistrySettings.builder("http://alice:s3 cret@registry:8081").build())
                .hasMessage("driftwatch.schema.registry.url http://***@registry:8081 is not usable: Illegal character in authority at index 7");
        assertThatThrownBy(() -> RegistrySettings.builder("http://registry:8081?tenant=a").build())
                .hasMessage("driftwatch.schema.registry.url http://registry:8081?tenant=a is not usable:"
                        + " remove the query or fragment; only a path prefix is allowed");
        assertThatThrownBy(() -> RegistrySettings.builder("http://r1:8081,http://r2:8081").build())
                .hasMessage("driftwatch.schema.registry.url http://r1:8081,http://r2:8081 is not usable:"
                        + " give one URL; driftwatch does not fail over between several registries");
        assertThatThrownBy(() -> RegistrySettings.builder("http://alice@registry:8081").build())
                .hasMessage("driftwatch.schema.registry.url http://***@registry:8081 is not usable: user info in the URL must be user:password");
    }

    @Test
    void twoKindsOfCredentialsAreRefused() {
        assertThatThrownBy(() -> RegistrySettings.builder("http://r").basicAuth("alice", "pw").bearerToken("tok"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("set either basic auth (driftwatch.schema.registry.basic.auth.user,"
                        + " driftwatch.schema.registry.basic.auth.password) or driftwatch.schema.registry.bearer.token, not both");
        assertThatThrownBy(() -> RegistrySettings.builder("http://alice:pw@r").bearerToken("tok").build())
                .hasMessage("driftwatch.schema.registry.url carries user info and credentials are also set in"
                        + " driftwatch.schema.registry.basic.auth.user or driftwatch.schema.registry.bearer.token: keep one of them");
    }

    @Test
    void credentialsThatCannotTravelInAHeaderAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> RegistryAuth.basic("dom:alice", "pw"))
                .hasMessage("driftwatch.schema.registry.basic.auth.user contains ':', which HTTP basic auth cannot carry in a user name");
        assertThatThrownBy(() -> RegistryAuth.basic("alice", "pw\n"))
                .hasMessage("driftwatch.schema.registry.basic.auth.user or driftwatch.schema.registry.basic.auth.password"
                        + " contains a control character (a pasted line break?)");
        assertThatThrownBy(() -> RegistryAuth.bearer("tok en"))
                .hasMessage("driftwatch.schema.registry.bearer.token contains whitespace or a control character (a pasted line break?)");
        assertThatThrownBy(() -> RegistryAuth.bearer(""))
                .hasMessage("driftwatch.schema.registry.bearer.token is empty: set the token, or leave it unset to send none");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> RegistrySettings.builder("http://r").connectTimeout(Duration.ZERO).build())
                .hasMessage("Invalid value 0 for configuration driftwatch.schema.registry.connect.timeout.ms: must be positive");
        assertThatThrownBy(() -> RegistrySettings.builder("http://r").requestTimeout(Duration.ofMillis(-5)).build())
                .hasMessage("Invalid value -5 for configuration driftwatch.schema.registry.request.timeout.ms: must be positive");
        assertThatThrownBy(() -> RegistrySettings.builder("http://r").latestCacheTtl(Duration.ofMillis(-1)).build())
                .hasMessage("Invalid value -1 for configuration driftwatch.schema.registry.latest.cache.ttl.ms:"
                        + " must not be negative (0 disables the cache)");
    }

    @Test
    void retrySettingsAreCheckedTogether() {
        assertThatThrownBy(() -> RegistrySettings.builder("http://r").retry(0, Duration.ZERO, Duration.ZERO).build())
                .hasMessage("Invalid value 0 for configuration driftwatch.schema.registry.retry.attempts: must be at least 1 (1 means no retry)");
        assertThatThrownBy(() -> RegistrySettings.builder("http://r").retry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .hasMessage("Invalid value 1000 for configuration driftwatch.schema.registry.retry.backoff.max.ms:"
                        + " must be at least driftwatch.schema.registry.retry.backoff.ms (2000)");
    }

    @Test
    void missingTruststoreIsNamed(@TempDir Path directory) {
        Path missing = directory.resolve("truststore.jks");

        assertThatThrownBy(() -> RegistrySettings.builder("https://r").truststore(missing, "pw"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("driftwatch.schema.registry.ssl.truststore.location: " + missing + " does not exist or is not a file");
    }

    @Test
    void storesWithAPlainHttpUrlAreAMistake(@TempDir Path directory) throws Exception {
        Path store = Files.createFile(directory.resolve("truststore.jks"));

        assertThatThrownBy(() -> RegistrySettings.builder("http://r:8081").truststore(store, "pw").build())
                .hasMessage("driftwatch.schema.registry.ssl.truststore.location or driftwatch.schema.registry.ssl.keystore.location"
                        + " is set but driftwatch.schema.registry.url is http://r:8081: use https://, or remove the stores");
    }
}
