package io.driftwatch.cli;

import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way a TLS handshake with Kafka fails gets its own sentence; the untrusted-CA case runs against a broker in {@code KafkaTlsIntegrationTest}. */
class KafkaTlsFailureTest {
    private static final String FILE = "driftwatch.properties";

    private static SslAuthenticationException handshakeFailure(Throwable cause) {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX or other\nfailure");
        handshake.initCause(cause);
        return new SslAuthenticationException("SSL handshake failed", handshake);
    }

    @Test
    void aCertificateFromAnUnknownCaNamesTheTruststore() {
        String message = KafkaTlsFailure.explain(handshakeFailure(new CertificateException("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target"))), "kafka:9093", FILE);
        assertThat(message).isEqualTo("Kafka at kafka:9093: this client does not trust the broker's TLS certificate (unable to find valid"
                + " certification path to requested target); check that ssl.truststore.location holds the CA that signed it, and"
                + " ssl.truststore.password and ssl.truststore.type, in driftwatch.properties");
    }

    @Test
    void aCertificateForAnotherHostNamesBootstrapServers() {
        String message = KafkaTlsFailure.explain(handshakeFailure(new CertificateException("No subject alternative names matching IP address 10.0.0.5 found")),
                "10.0.0.5:9093", FILE);
        assertThat(message).startsWith("Kafka at 10.0.0.5:9093: the broker's TLS certificate was not accepted (No subject alternative names")
                .contains("check that bootstrap.servers names a host in the certificate");
    }

    @Test
    void aHandshakeTheBrokerRefusesNamesTheKeystoreAndIsOneLine() {
        String message = KafkaTlsFailure.explain(handshakeFailure(new SSLHandshakeException("Received fatal alert:\nbad_certificate")),
                "kafka:9093", FILE);
        assertThat(message).contains("the TLS handshake failed (Received fatal alert: bad_certificate)")
                .contains("ssl.keystore.* if the broker requires client certificates").doesNotContain("\n");
    }
}
