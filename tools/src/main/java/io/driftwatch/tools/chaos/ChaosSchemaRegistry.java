package io.driftwatch.tools.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Confluent-compatible schema registry that a scenario can take away from a running service and give back
 * on the same address: the one call {@code driftwatch run} makes on Confluent-framed input,
 * {@code GET /schemas/ids/{id}}, answered from a fixed map of ids to schemas as Confluent's registry words it
 * (a 404 with error code 40403 for an id it does not hold). It lives here, not in test code, because
 * {@code driftwatch chaos} runs it from the shipped jar; the test suite's fake registry, with its dialects and
 * fault switches, stays test code. Thread-safe.
 */
final class ChaosSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String PATH = "/schemas/ids/";
    private static final Duration REBIND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<Integer, Schema> schemasById;
    private final ConcurrentMap<Integer, AtomicInteger> lookupsById = new ConcurrentHashMap<>();
    private final int port;
    private @Nullable HttpServer server;

    private ChaosSchemaRegistry(Map<Integer, Schema> schemasById, HttpServer server) {
        this.schemasById = Map.copyOf(schemasById);
        this.server = server;
        this.port = server.getAddress().getPort();
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves {@code schemasById} on a free port of 127.0.0.1. */
    static ChaosSchemaRegistry start(Map<Integer, Schema> schemasById) throws IOException {
        return new ChaosSchemaRegistry(schemasById, HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** The base URL for {@code driftwatch.schema.registry.url}; the same across {@link #stop()} and {@link #restart()}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Closes the port: connections are refused, as when the registry's process is gone. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Serves again on the same port, waiting while the operating system still holds it. */
    synchronized void restart() throws IOException, InterruptedException {
        if (server != null) {
            return;
        }
        long deadline = System.nanoTime() + REBIND_TIMEOUT.toNanos();
        while (true) {
            try {
                HttpServer again = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                again.createContext("/", this::answer);
                again.start();
                server = again;
                return;
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("port " + port + " was still taken " + REBIND_TIMEOUT.toSeconds() + " s after the registry stopped", e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** How many times schema {@code id} was served. */
    int lookups(int id) {
        AtomicInteger count = lookupsById.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        stop();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Integer id = exchange.getRequestMethod().equals("GET") && path.startsWith(PATH) ? parseId(path.substring(PATH.length())) : null;
            Schema schema = id == null ? null : schemasById.get(id);
            int status;
            String body;
            if (schema != null) {
                lookupsById.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet();
                status = 200;
                body = JSON.createObjectNode().put("schema", schema.toString()).toString();
            } else if (id != null) {
                status = 404;
                body = error(40403, "Schema " + id + " not found");
            } else {
                status = 404;
                body = error(404, "HTTP 404 Not Found");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
    }

    private static @Nullable Integer parseId(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
