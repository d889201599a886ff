package io.driftwatch.cli;

import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a Kafka authentication failure among the causes of a start-up failure and says it in one line a
 * person can act on: which brokers refused which user over which mechanism, and which settings of which
 * file to check. Without it a wrong password surfaced as an internal error with a stack trace that pointed
 * at ACLs. The user name is read from {@code sasl.jaas.config}; nothing else of it (the password) is shown.
 * A failed TLS handshake is Kafka's authentication failure too; {@link KafkaTlsFailure} says which one it was.
 */
final class KafkaAuthentication {
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private KafkaAuthentication() {
    }

    /**
     * The one-line explanation to throw instead of {@code failure} when Kafka refused the credentials.
     *
     * @throws RuntimeException {@code failure} itself, when it was something else
     */
    static BadInputException explained(RuntimeException failure, DriftwatchConfig config, String configFile) {
        return refusal(failure, config, configFile).orElseThrow(() -> failure);
    }

    private static Optional<BadInputException> refusal(Throwable failure, DriftwatchConfig config, String configFile) {
        AuthenticationException refused = find(failure);
        if (refused == null) {
            return Optional.empty();
        }
        Object bootstrap = config.kafkaSettings().get("bootstrap.servers");
        String message;
        if (refused instanceof SslAuthenticationException tls) {
            message = KafkaTlsFailure.explain(tls, bootstrap, configFile);
        } else {
            Object mechanism = config.kafkaSettings().getOrDefault("sasl.mechanism", "GSSAPI");
            message = "Kafka at " + bootstrap + ": authentication failed for user '" + user(config) + "' with SASL mechanism "
                    + mechanism + " (" + refused.getMessage() + "); check the user and password in sasl.jaas.config, and "
                    + "sasl.mechanism and security.protocol, in " + configFile;
        }
        return Optional.of(new BadInputException(message, refused));
    }

    private static @Nullable AuthenticationException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException authentication) {
                return authentication;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String user(DriftwatchConfig config) {
        Object jaas = config.kafkaSettings().get("sasl.jaas.config");
        if (jaas == null) {
            return "(no sasl.jaas.config)";
        }
        Matcher matcher = USERNAME.matcher(jaas.toString());
        return matcher.find() ? matcher.group(1) : "(not named in sasl.jaas.config)";
    }
}
