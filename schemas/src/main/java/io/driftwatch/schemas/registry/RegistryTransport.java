package io.driftwatch.schemas.registry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

import static io.driftwatch.schemas.registry.RegistrySettings.CONNECT_TIMEOUT_MS_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.REQUEST_TIMEOUT_MS_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.TRUSTSTORE_LOCATION_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.URL_CONFIG;
import static java.util.Objects.requireNonNull;

/**
 * Sends one registry request and repeats it while the failure is the registry's or the network's
 * (I/O error, timeout, HTTP 5xx or 429), with the settings' backoff. What it returns is an answer the
 * caller must interpret (2xx or a 4xx); what it throws needs a person or time: the registry stayed
 * unavailable, TLS failed, or the credentials were refused. Messages name the base URL (never with user
 * info) and the request, never a secret.
 */
final class RegistryTransport {
    private static final Logger log = LoggerFactory.getLogger(RegistryTransport.class);
    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private final RegistrySettings settings;
    private final HttpClient http;

    RegistryTransport(RegistrySettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .sslContext(settings.tls().sslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    RegistryReply get(String apiPath) {
        return send("GET", apiPath, HttpRequest.BodyPublishers.noBody());
    }

    RegistryReply post(String apiPath, String jsonBody) {
        return send("POST", apiPath, HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    private RegistryReply send(String method, String apiPath, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url().resolve(apiPath))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, body);
        if (!method.equals("GET"))
            request.header("Content-Type", MEDIA_TYPE);
        settings.auth().authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        return sendWithRetries(request.build(), method + " " + apiPath);
    }

    /** One try: an answer to return, or why it failed in a way worth retrying. */
    private record Attempt(@Nullable RegistryReply answer, String failure) {
        static Attempt answered(RegistryReply answer) {
            return new Attempt(answer, "");
        }

        static Attempt failed(String failure) {
            return new Attempt(null, failure);
        }
    }

    private RegistryReply sendWithRetries(HttpRequest request, String call) {
        RetryPolicy retry = settings.retry();
        String lastFailure = "";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1)
                pause(retry.delayBeforeRetry(attempt - 1, ThreadLocalRandom.current()::nextDouble), call);
            Attempt outcome = sendOnce(request, call);
            if (outcome.answer() != null)
                return outcome.answer();
            lastFailure = outcome.failure();
            log.debug("Schema registry {}: {} attempt {} of {} failed: {}", settings.url(), call, attempt, retry.maxAttempts(), lastFailure);
        }
        throw new RegistryUnavailableException("schema registry " + settings.url() + " unavailable: " + call + " failed "
                + retry.maxAttempts() + (retry.maxAttempts() == 1 ? " time" : " times") + "; last failure: " + lastFailure);
    }

    private Attempt sendOnce(HttpRequest request, String call) {
        try {
            RegistryReply reply = toReply(http.send(request, HttpResponse.BodyHandlers.ofString()));
            return isRetryable(reply.status()) ? Attempt.failed(reply.describe()) : Attempt.answered(refuseAuthFailure(reply, call));
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failed("no connection within " + settings.connectTimeout().toMillis() + " ms (" + CONNECT_TIMEOUT_MS_CONFIG + ")");
        } catch (HttpTimeoutException e) {
            return Attempt.failed("no answer within " + settings.requestTimeout().toMillis() + " ms (" + REQUEST_TIMEOUT_MS_CONFIG + ")");
        } catch (SSLException e) {
            throw new RegistryUnavailableException("TLS with schema registry " + settings.url() + " failed for " + call
                    + ": " + e.getMessage() + "; if the registry's certificate is self-signed or from a private CA, set "
                    + TRUSTSTORE_LOCATION_CONFIG, e);
        } catch (ConnectException e) {
            return Attempt.failed("connection refused or unreachable (is " + URL_CONFIG + " right and the registry running?)");
        } catch (IOException e) {
            return Attempt.failed("I/O error: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted during " + call + " to schema registry " + settings.url(), e);
        }
    }

    private static RegistryReply toReply(HttpResponse<String> response) {
        String body = response.body();
        return new RegistryReply(response.statusCode(), body == null ? "" : body);
    }

    private static boolean isRetryable(int status) {
        return status >= 500 || status == 429;
    }

    private RegistryReply refuseAuthFailure(RegistryReply reply, String call) {
        if (reply.status() != 401 && reply.status() != 403)
            return reply;
        String refusal = "schema registry " + settings.url() + (reply.status() == 401 ? " refused the credentials for " : " denied ")
                + call + " (" + reply.describe() + "): ";
        if (reply.status() == 401 || settings.auth() instanceof RegistryAuth.None)
            throw new RegistryAuthenticationException(refusal + settings.auth().settingsToCheck());
        throw new RegistryAuthenticationException(refusal + "the credentials were accepted but lack permission;"
                + " grant them read and write access to the subjects driftwatch uses, or " + settings.auth().settingsToCheck());
    }

    private void pause(Duration delay, String call) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting to retry " + call + " to schema registry " + settings.url(), e);
        }
    }
}
