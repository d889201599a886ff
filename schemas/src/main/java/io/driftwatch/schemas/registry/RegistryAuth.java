package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static io.driftwatch.schemas.registry.RegistrySettings.BASIC_AUTH_PASSWORD_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.BASIC_AUTH_USER_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.BEARER_TOKEN_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.URL_CONFIG;
import static java.util.Objects.requireNonNull;

/**
 * How the client proves who it is to the registry: not at all, HTTP basic (Confluent Cloud API keys,
 * Karapace, Redpanda users) or a bearer token (OAuth). Secrets are held as Kafka {@link Password}s, so
 * every {@code toString()} prints {@code [hidden]} in their place.
 */
public sealed interface RegistryAuth {
    RegistryAuth NONE = new None();

    /**
     * @throws ConfigException when the user is empty or contains ':' (basic auth cannot carry it), or a
     *                         value contains control characters
     */
    static RegistryAuth basic(String user, String password) {
        return new Basic(user, new Password(requireNonNull(password, "password")));
    }

    /** @throws ConfigException when the token is empty or contains whitespace */
    static RegistryAuth bearer(String token) {
        return new Bearer(new Password(requireNonNull(token, "token")));
    }

    /** The value of the {@code Authorization} header, when credentials are configured. */
    Optional<String> authorizationHeader();

    /** What a person should check when the registry refuses these credentials. */
    String settingsToCheck();

    /** No credentials. */
    record None() implements RegistryAuth {
        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }

        @Override
        public String settingsToCheck() {
            return "no credentials are configured: set " + BASIC_AUTH_USER_CONFIG + " and " + BASIC_AUTH_PASSWORD_CONFIG
                    + ", or " + BEARER_TOKEN_CONFIG;
        }
    }

    /** HTTP basic auth (RFC 7617). */
    record Basic(String user, Password password) implements RegistryAuth {
        public Basic {
            requireNonNull(user, "user");
            requireNonNull(password, "password");
            if (user.isEmpty())
                throw new ConfigException(BASIC_AUTH_USER_CONFIG + " is empty: set the user (or API key) the registry knows");
            if (user.indexOf(':') >= 0)
                throw new ConfigException(BASIC_AUTH_USER_CONFIG + " contains ':', which HTTP basic auth cannot carry in a user name");
            if (hasControlCharacter(user) || hasControlCharacter(password.value()))
                throw new ConfigException(BASIC_AUTH_USER_CONFIG + " or " + BASIC_AUTH_PASSWORD_CONFIG
                        + " contains a control character (a pasted line break?)");
        }

        @Override
        public Optional<String> authorizationHeader() {
            byte[] userPassword = (user + ':' + password.value()).getBytes(StandardCharsets.UTF_8);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(userPassword));
        }

        @Override
        public String settingsToCheck() {
            return "check " + BASIC_AUTH_USER_CONFIG + " and " + BASIC_AUTH_PASSWORD_CONFIG
                    + " (or the user info in " + URL_CONFIG + ")";
        }
    }

    /** An OAuth bearer token (RFC 6750). */
    record Bearer(Password token) implements RegistryAuth {
        public Bearer {
            requireNonNull(token, "token");
            if (token.value().isEmpty())
                throw new ConfigException(BEARER_TOKEN_CONFIG + " is empty: set the token, or leave it unset to send none");
            if (token.value().chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))
                throw new ConfigException(BEARER_TOKEN_CONFIG + " contains whitespace or a control character (a pasted line break?)");
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Bearer " + token.value());
        }

        @Override
        public String settingsToCheck() {
            return "check " + BEARER_TOKEN_CONFIG + " (has the token expired?)";
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
