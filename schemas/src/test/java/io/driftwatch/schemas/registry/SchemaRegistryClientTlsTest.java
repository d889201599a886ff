package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.driftwatch.schemas.registry.TestSchemas.READING_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** https against a certificate made for this run by keytool, so nothing in the JDK's CA list vouches for it. */
class SchemaRegistryClientTlsTest {
    @TempDir
    static Path certificates;
    private static SelfSignedCertificate server;
    private static SelfSignedCertificate client;

    @BeforeAll
    static void generateCertificates() {
        server = SelfSignedCertificate.generate(certificates, "registry");
        client = SelfSignedCertificate.generate(certificates, "driftwatch");
    }

    private static FakeSchemaRegistry httpsRegistry(boolean requireClientCertificate) {
        return FakeSchemaRegistry.builder(FakeRegistryDialect.CONFLUENT)
                .tls(server.serverContext(client), requireClientCertificate).start();
    }

    @Test
    void jksTruststoreTrustsTheSelfSignedRegistry() {
        try (FakeSchemaRegistry registry = httpsRegistry(false)) {
            int id = registry.register("readings-value", READING_V1.toString());
            RegistrySettings settings = registry.clientSettings().truststore(server.truststoreJks(), server.password()).build();

            assertThat(registry.url()).startsWith("https://");
            assertThat(new SchemaRegistryClient(settings).schemaById(id)).isEqualTo(READING_V1);
        }
    }

    @Test
    void pkcs12TruststoreTrustsTheSelfSignedRegistry() {
        try (FakeSchemaRegistry registry = httpsRegistry(false)) {
            RegistrySettings settings = registry.clientSettings().truststore(server.truststorePkcs12(), server.password()).build();

            assertThat(new SchemaRegistryClient(settings).register("readings-value", READING_V1)).isEqualTo(1);
        }
    }

    @Test
    void clientCertificateFromTheKeystoreSatisfiesMutualTls() {
        try (FakeSchemaRegistry registry = httpsRegistry(true)) {
            int id = registry.register("readings-value", READING_V1.toString());
            RegistrySettings settings = registry.clientSettings()
                    .truststore(server.truststoreJks(), server.password())
                    .keystore(client.keystore(), client.password())
                    .build();

            assertThat(new SchemaRegistryClient(settings).schemaById(id)).isEqualTo(READING_V1);
        }
    }

    @Test
    void registryDemandingAClientCertificateRefusesAClientWithoutOne() {
        try (FakeSchemaRegistry registry = httpsRegistry(true)) {
            RegistrySettings settings = registry.clientSettings().truststore(server.truststoreJks(), server.password()).build();
            SchemaRegistryClient client = new SchemaRegistryClient(settings);

            assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryUnavailableException.class);
            assertThat(registry.requests()).isEmpty();
        }
    }

    @Test
    void untrustedCertificateFailsAtOnceAndPointsAtTheTruststoreSetting() {
        try (FakeSchemaRegistry registry = httpsRegistry(false)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageStartingWith("TLS with schema registry " + registry.url() + " failed for GET /schemas/ids/1: ")
                    .hasMessageEndingWith("; if the registry's certificate is self-signed or from a private CA,"
                            + " set driftwatch.schema.registry.ssl.truststore.location");
        }
    }

    @Test
    void wrongTruststorePasswordNamesThePasswordSettingAtStartUp() {
        try (FakeSchemaRegistry registry = httpsRegistry(false)) {
            RegistrySettings settings = registry.clientSettings().truststore(server.truststoreJks(), "not-the-password").build();

            assertThatThrownBy(() -> new SchemaRegistryClient(settings))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("driftwatch.schema.registry.ssl.truststore.location: cannot open " + server.truststoreJks()
                            + ": the password in driftwatch.schema.registry.ssl.truststore.password is wrong");
        }
    }

    @Test
    void fileThatIsNotAKeyStoreIsNamed() {
        Path pem = certificates.resolve("registry.pem");

        assertThatThrownBy(() -> new SchemaRegistryClient(RegistrySettings.builder("https://localhost:8081")
                .truststore(pem, server.password()).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("driftwatch.schema.registry.ssl.truststore.location: " + pem + " is not a JKS or PKCS12 key store");
    }
}
