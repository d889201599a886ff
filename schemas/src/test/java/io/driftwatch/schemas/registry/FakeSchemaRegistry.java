package io.driftwatch.schemas.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.driftwatch.schemas.registry.FakeRegistryDialect.Answer;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import static java.util.Objects.requireNonNull;

/**
 * An in-process schema registry for tests, integration tests and the demo, because no real registry runs
 * on the build machines. It is a real HTTP (or HTTPS) server on 127.0.0.1 answering the part of the
 * Confluent REST API driftwatch uses, worded as one {@link FakeRegistryDialect}:
 * <pre>
 * GET  /schemas/ids/{id}                  GET  /subjects
 * GET  /subjects/{s}/versions             GET  /subjects/{s}/versions/{n|latest}
 * POST /subjects/{s}/versions             (registers; BACKWARD-checked against the latest version)
 * </pre>
 * What it stores and how it answers is {@link FakeRegistryState}. Switches make it misbehave: {@link #failNext}, {@link #delayNext} (beyond the client's timeout, a hang),
 * {@link #answerNext} (anything, e.g. an HTML page), {@link #denyAccess}, and required credentials.
 * Every request is recorded, before any switch applies, for assertions. Thread-safe.
 */
public final class FakeSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeRegistryDialect dialect;
    private final Set<String> acceptedAuthorizations;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private volatile boolean accessDenied;
    private final FakeRegistryState state;

    /** One request as the server saw it; {@code apiPath} is the raw path without the dialect's prefix. */
    public record RecordedRequest(String method, String apiPath, Map<String, String> headers, String body) {
        public RecordedRequest {
            headers = Map.copyOf(headers);
        }

        /** @param name any case */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private sealed interface Fault {
    }

    private record Fail(int status) implements Fault {
    }

    private record Delay(Duration delay) implements Fault {
    }

    private record Canned(Answer answer) implements Fault {
    }

    /** A plain-http registry without credentials. */
    public static FakeSchemaRegistry start(FakeRegistryDialect dialect) {
        return builder(dialect).start();
    }

    public static Builder builder(FakeRegistryDialect dialect) {
        return new Builder(dialect);
    }

    /** Options that must be fixed before the server starts. */
    public static final class Builder {
        private final FakeRegistryDialect dialect;
        private final Set<String> acceptedAuthorizations = new HashSet<>();
        private @Nullable SSLContext tls;
        private boolean requireClientCertificate;

        private Builder(FakeRegistryDialect dialect) {
            this.dialect = requireNonNull(dialect, "dialect");
        }

        /** Requires these basic-auth credentials (or another accepted credential) on every request. */
        public Builder basicAuth(String user, String password) {
            acceptedAuthorizations.add(RegistryAuth.basic(user, password).authorizationHeader().orElseThrow());
            return this;
        }

        /** Requires this bearer token (or another accepted credential) on every request. */
        public Builder bearerToken(String token) {
            acceptedAuthorizations.add("Bearer " + token);
            return this;
        }

        /** Serves https with the server certificate in {@code context}, optionally demanding a client's. */
        public Builder tls(SSLContext context, boolean requireClientCertificate) {
            this.tls = requireNonNull(context, "context");
            this.requireClientCertificate = requireClientCertificate;
            return this;
        }

        public FakeSchemaRegistry start() {
            return new FakeSchemaRegistry(this);
        }
    }

    private FakeSchemaRegistry(Builder builder) {
        dialect = builder.dialect;
        state = new FakeRegistryState(dialect);
        acceptedAuthorizations = Set.copyOf(builder.acceptedAuthorizations);
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-schema-registry");
            thread.setDaemon(true);
            return thread;
        });
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            server = builder.tls == null ? HttpServer.create(loopback, 0) : httpsServer(loopback, builder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port for the fake schema registry", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        String scheme = builder.tls == null ? "http" : "https";
        url = scheme + "://127.0.0.1:" + server.getAddress().getPort() + dialect.pathPrefix();
    }

    private static HttpsServer httpsServer(InetSocketAddress address, Builder builder) throws IOException {
        HttpsServer https = HttpsServer.create(address, 0);
        SSLContext context = requireNonNull(builder.tls);
        boolean needClientAuth = builder.requireClientCertificate;
        https.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(needClientAuth);
                parameters.setSSLParameters(ssl);
            }
        });
        return https;
    }

    /** The base URL clients should use, including the dialect's path prefix and no trailing slash. */
    public String url() {
        return url;
    }

    /**
     * Client settings for this registry with test-speed retries (3 attempts, 1-5 ms apart) and a 2 s
     * request timeout; add credentials or TLS and build.
     */
    public RegistrySettings.Builder clientSettings() {
        return RegistrySettings.builder(url)
                .retry(3, Duration.ofMillis(1), Duration.ofMillis(5))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(2));
    }

    public FakeRegistryDialect dialect() {
        return dialect;
    }

    /**
     * Registers directly, without HTTP and without being recorded, as a producer would have done before.
     *
     * @return the schema's global id
     * @throws IllegalArgumentException when the schema is not valid Avro or is incompatible
     */
    public int register(String subject, String schema) {
        Answer answer = state.registration(subject, schema);
        if (answer.status() != 200)
            throw new IllegalArgumentException("fake registry refused the schema: " + answer.body());
        try {
            return JSON.readTree(answer.body()).get("id").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the subject take any schema, as compatibility level NONE does. */
    public void disableCompatibilityCheck(String subject) {
        state.disableCompatibilityCheck(subject);
    }

    /** The next {@code count} requests get HTTP {@code status} with the dialect's error body (e.g. 503). */
    public void failNext(int count, int status) {
        for (int i = 0; i < count; i++)
            faults.add(new Fail(status));
    }

    /** The next {@code count} requests are answered normally, but only after {@code delay} (a hang, if longer than the client waits). */
    public void delayNext(int count, Duration delay) {
        for (int i = 0; i < count; i++)
            faults.add(new Delay(delay));
    }

    /** The next {@code count} requests get exactly this answer. */
    public void answerNext(int count, int status, String contentType, String body) {
        for (int i = 0; i < count; i++)
            faults.add(new Canned(new Answer(status, contentType, body)));
    }

    /** While true, every request gets the dialect's 403, whatever its credentials. */
    public void denyAccess(boolean denied) {
        accessDenied = denied;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests had this method and API path, e.g. {@code ("GET", "/schemas/ids/1")}. */
    public long requestCount(String method, String apiPath) {
        return requests.stream().filter(r -> r.method().equals(method) && r.apiPath().equals(apiPath)).count();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            boolean underPrefix = rawPath.startsWith(dialect.pathPrefix() + "/");
            String apiPath = underPrefix ? rawPath.substring(dialect.pathPrefix().length()) : rawPath;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            requests.add(new RecordedRequest(exchange.getRequestMethod(), apiPath, headers, body));
            send(exchange, answerOrBug(exchange, underPrefix, apiPath, body));
        } catch (IOException | InterruptedException e) {
            // the client gave up (a timeout test) or the server is closing; nobody is left to answer
        }
    }

    /** A bug in the fake answers 500 with its stack trace, rather than a silently dropped connection. */
    private Answer answerOrBug(HttpExchange exchange, boolean underPrefix, String apiPath, String body) throws InterruptedException {
        try {
            return answer(exchange, underPrefix, apiPath, body);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Answer(500, "text/plain", "bug in FakeSchemaRegistry: " + trace);
        }
    }

    private Answer answer(HttpExchange exchange, boolean underPrefix, String apiPath, String body) throws InterruptedException {
        Fault fault = faults.poll();
        if (fault instanceof Fail fail)
            return dialect.unavailable(fail.status());
        if (fault instanceof Canned canned)
            return canned.answer();
        if (fault instanceof Delay delay)
            // Not a wait for something: a registry answering late is the fault delayNext injects.
            Thread.sleep(delay.delay().toMillis());
        if (accessDenied)
            return dialect.forbidden();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!acceptedAuthorizations.isEmpty() && (authorization == null || !acceptedAuthorizations.contains(authorization)))
            return dialect.unauthorized();
        return underPrefix ? state.answer(exchange.getRequestMethod(), apiPath, body) : dialect.noRoute();
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0)
            exchange.getResponseBody().write(body);
    }
}
