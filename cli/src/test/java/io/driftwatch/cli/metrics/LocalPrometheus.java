package io.driftwatch.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.LocalPorts;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (the {@code prometheus} binary of Debian's package, found on the PATH) scraping
 * one target every second with driftwatch's alert rules loaded, for tests that must see what Prometheus
 * stores and evaluates, not only what the endpoint serves. Its storage lives in a directory of the caller.
 */
public final class LocalPrometheus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalPrometheus(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** The {@code prometheus} executable on the PATH, if there is one. */
    public static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(directory -> Path.of(directory, "prometheus"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts Prometheus scraping {@code target} (host:port, path /metrics) and waits until it is ready. */
    public static LocalPrometheus start(Path executable, String target, Path rules, Path directory)
            throws IOException, InterruptedException {
        int port = LocalPorts.free();
        Path config = Files.writeString(directory.resolve("prometheus.yml"), String.join("\n",
                "global:", "  scrape_interval: 1s", "  evaluation_interval: 1s",
                "rule_files:", "  - " + rules.toAbsolutePath(),
                "scrape_configs:", "  - job_name: driftwatch-run", "    static_configs:", "      - targets: ['" + target + "']", ""));
        Process process = new ProcessBuilder(executable.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port));
        try {
            await("Prometheus ready").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .pollInSameThread().failFast("Prometheus exited", () -> !process.isAlive()).until(prometheus::ready);
        } catch (ConditionTimeoutException | TerminalFailureException notReady) {
            prometheus.close();
            throw new IOException("Prometheus did not become ready; its log:\n" + Files.readString(directory.resolve("prometheus.log")), notReady);
        }
        return prometheus;
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** GET {@code /api/v1/query} for an instant query; returns the {@code data.result} array. */
    public JsonNode query(String promQl) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)).get("result");
    }

    /** GET {@code /api/v1/rules}: the rule groups with each rule's health and last error. */
    public JsonNode rules() throws IOException, InterruptedException {
        return get("/api/v1/rules").get("groups");
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IOException(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return body.get("data");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
