package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Everything the registry client needs, validated once at start-up so a mistake is reported with the name
 * of the setting instead of surfacing as a failed lookup later. The {@code *_CONFIG} constants are the
 * keys driftwatch's configuration uses for these settings, and the {@code DEFAULT_*} constants are the
 * only place their defaults are written.
 *
 * <p>{@code toString()} is safe to log: the URL has no user info and secrets print as {@code [hidden]}.
 *
 * @param url            the registry's base URL
 * @param auth           credentials sent with every request
 * @param tls            trust and key stores for https
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param requestTimeout how long to wait for an answer to one request
 * @param retry          how failed requests are repeated
 * @param latestCacheTtl how long the latest schema of a subject is reused; zero disables that cache
 */
public record RegistrySettings(RegistryUrl url, RegistryAuth auth, TlsSettings tls, Duration connectTimeout,
                               Duration requestTimeout, RetryPolicy retry, Duration latestCacheTtl) {

    public static final String URL_CONFIG = "driftwatch.schema.registry.url";
    public static final String BASIC_AUTH_USER_CONFIG = "driftwatch.schema.registry.basic.auth.user";
    public static final String BASIC_AUTH_PASSWORD_CONFIG = "driftwatch.schema.registry.basic.auth.password";
    public static final String BEARER_TOKEN_CONFIG = "driftwatch.schema.registry.bearer.token";
    public static final String TRUSTSTORE_LOCATION_CONFIG = "driftwatch.schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD_CONFIG = "driftwatch.schema.registry.ssl.truststore.password";
    public static final String KEYSTORE_LOCATION_CONFIG = "driftwatch.schema.registry.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD_CONFIG = "driftwatch.schema.registry.ssl.keystore.password";
    public static final String CONNECT_TIMEOUT_MS_CONFIG = "driftwatch.schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "driftwatch.schema.registry.request.timeout.ms";
    public static final String RETRY_ATTEMPTS_CONFIG = "driftwatch.schema.registry.retry.attempts";
    public static final String RETRY_BACKOFF_MS_CONFIG = "driftwatch.schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "driftwatch.schema.registry.retry.backoff.max.ms";
    public static final String LATEST_CACHE_TTL_MS_CONFIG = "driftwatch.schema.registry.latest.cache.ttl.ms";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRY_ATTEMPTS = 5;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LATEST_CACHE_TTL = Duration.ofSeconds(30);

    public RegistrySettings {
        requireNonNull(url, "url");
        requireNonNull(auth, "auth");
        requireNonNull(tls, "tls");
        requireNonNull(retry, "retry");
        requirePositive(CONNECT_TIMEOUT_MS_CONFIG, connectTimeout);
        requirePositive(REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        requireNonNull(latestCacheTtl, "latestCacheTtl");
        if (latestCacheTtl.isNegative())
            throw new ConfigException(LATEST_CACHE_TTL_MS_CONFIG, latestCacheTtl.toMillis(), "must not be negative (0 disables the cache)");
        if (!tls.isJdkDefault() && !url.isHttps())
            throw new ConfigException(TRUSTSTORE_LOCATION_CONFIG + " or " + KEYSTORE_LOCATION_CONFIG + " is set but "
                    + URL_CONFIG + " is " + url + ": use https://, or remove the stores");
    }

    private static void requirePositive(String setting, @Nullable Duration value) {
        requireNonNull(value, setting);
        if (value.isNegative() || value.isZero())
            throw new ConfigException(setting, value.toMillis(), "must be positive");
    }

    /**
     * @param url the registry's base URL; credentials in it ({@code http://user:password@host}) become
     *            basic auth and are removed from the URL
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Collects settings; {@link #build()} validates them together. Not thread-safe. */
    public static final class Builder {
        private final String url;
        private @Nullable RegistryAuth auth;
        private @Nullable KeyStoreFile truststore;
        private @Nullable KeyStoreFile keystore;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int retryAttempts = DEFAULT_RETRY_ATTEMPTS;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration retryBackoffMax = DEFAULT_RETRY_BACKOFF_MAX;
        private Duration latestCacheTtl = DEFAULT_LATEST_CACHE_TTL;

        private Builder(String url) {
            this.url = requireNonNull(url, "url");
        }

        public Builder basicAuth(String user, String password) {
            return auth(RegistryAuth.basic(user, password));
        }

        public Builder bearerToken(String token) {
            return auth(RegistryAuth.bearer(token));
        }

        private Builder auth(RegistryAuth credentials) {
            if (auth != null)
                throw new ConfigException("set either basic auth (" + BASIC_AUTH_USER_CONFIG + ", " + BASIC_AUTH_PASSWORD_CONFIG
                        + ") or " + BEARER_TOKEN_CONFIG + ", not both");
            auth = credentials;
            return this;
        }

        /** Trust the certificates in this JKS or PKCS12 file instead of the JDK's CAs. */
        public Builder truststore(Path location, String password) {
            truststore = new KeyStoreFile(location, new Password(password), TRUSTSTORE_LOCATION_CONFIG, TRUSTSTORE_PASSWORD_CONFIG);
            return this;
        }

        /** Present the certificate and key in this JKS or PKCS12 file when the registry asks (mutual TLS). */
        public Builder keystore(Path location, String password) {
            keystore = new KeyStoreFile(location, new Password(password), KEYSTORE_LOCATION_CONFIG, KEYSTORE_PASSWORD_CONFIG);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            connectTimeout = requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            requestTimeout = requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param attempts total attempts per request, including the first */
        public Builder retry(int attempts, Duration backoff, Duration backoffMax) {
            retryAttempts = attempts;
            retryBackoff = requireNonNull(backoff, "backoff");
            retryBackoffMax = requireNonNull(backoffMax, "backoffMax");
            return this;
        }

        public Builder latestCacheTtl(Duration ttl) {
            latestCacheTtl = requireNonNull(ttl, "ttl");
            return this;
        }

        /** @throws ConfigException naming the first setting found wrong */
        public RegistrySettings build() {
            RegistryUrl registryUrl = RegistryUrl.parse(url);
            RegistryAuth credentials = auth == null ? RegistryAuth.NONE : auth;
            if (registryUrl.credentialsFromUrl().isPresent()) {
                if (auth != null)
                    throw new ConfigException(URL_CONFIG + " carries user info and credentials are also set in "
                            + BASIC_AUTH_USER_CONFIG + " or " + BEARER_TOKEN_CONFIG + ": keep one of them");
                credentials = registryUrl.credentialsFromUrl().get();
            }
            return new RegistrySettings(registryUrl, credentials, new TlsSettings(truststore, keystore),
                    connectTimeout, requestTimeout, new RetryPolicy(retryAttempts, retryBackoff, retryBackoffMax),
                    latestCacheTtl);
        }
    }
}
