package io.driftwatch.cli;

import org.apache.kafka.common.errors.SslAuthenticationException;
import org.jspecify.annotations.Nullable;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

/**
 * Says in one line why a TLS handshake with Kafka failed and which settings to check. Kafka reports every such
 * failure as "SSL handshake failed", whether this client did not trust the broker's certificate (a truststore
 * without the CA that signed it), the certificate did not name the host connected to, or the broker refused
 * this client; the cause chain tells them apart. Store passwords are never part of the message.
 */
final class KafkaTlsFailure {
    private KafkaTlsFailure() {
    }

    static String explain(SslAuthenticationException failure, @Nullable Object bootstrap, String configFile) {
        String detail = rootMessage(failure);
        if (has(failure, CertPathBuilderException.class) || has(failure, CertPathValidatorException.class)) {
            return "Kafka at " + bootstrap + ": this client does not trust the broker's TLS certificate (" + detail + "); check that "
                    + "ssl.truststore.location holds the CA that signed it, and ssl.truststore.password and ssl.truststore.type, in " + configFile;
        }
        if (has(failure, CertificateException.class)) {
            return "Kafka at " + bootstrap + ": the broker's TLS certificate was not accepted (" + detail + "); check that bootstrap.servers "
                    + "names a host in the certificate (or ssl.endpoint.identification.algorithm), and the ssl.truststore.* settings, in " + configFile;
        }
        return "Kafka at " + bootstrap + ": the TLS handshake failed (" + detail + "); check security.protocol, ssl.truststore.location "
                + "and ssl.truststore.password, and ssl.keystore.* if the broker requires client certificates, in " + configFile;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
