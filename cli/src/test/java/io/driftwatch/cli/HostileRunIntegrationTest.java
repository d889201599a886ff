package io.driftwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.broker.LocalPorts;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One real deployment, attacked from two sides at once because a run costs half a minute: {@code driftwatch run}
 * and {@code driftwatch alerts} as child JVMs (Kafka's own logging at INFO, so its config dumps are in the
 * logs), on a broker that needs SASL, mailing through an SMTP server that needs a password from an environment
 * variable, with a registry password configured. The traffic carries hostile model names, feature names and
 * category values: HTML, CR/LF header injection, quotes, a 5,000-character name. Then every byte the run left
 * (both processes' logs, both {@code /metrics} scrapes, every record on driftwatch's topics, every email as
 * received and as saved) is searched for the secrets, and the email and scrapes are checked for escaping.
 */
@Tag("reliability")
class HostileRunIntegrationTest {
    private static final String SMTP_PASSWORD = "smtp-pw-Fs58bQ";
    private static final String REGISTRY_PASSWORD = "registry-pw-Lx94vE";
    private static final List<String> SECRETS = List.of(SaslBroker.PLAIN_PASSWORD, SaslBroker.ADMIN_PASSWORD, SMTP_PASSWORD,
            REGISTRY_PASSWORD);
    static final String MODEL = "fraud<script>alert('m')</script>\"q\"\r\nBcc: victim@evil.test";
    static final String HTML_FEATURE = "<img src=x onerror=alert(1)>\"age\"\r\nX-Injected: yes";
    static final String LONG_FEATURE = "long_" + "x".repeat(5_000);
    static final String CATEGORY_FEATURE = "country</td><script>alert('f')</script>";
    static final List<String> HOSTILE_CATEGORIES = List.of("<script>alert('c')</script>", "NO\r\nBcc: evil@evil.test", "\"quoted\" & 'single'");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int WINDOWS = 5;
    private static final int SHIFTED_WINDOW = 2;
    private static final int RECORDS_PER_WINDOW = 200;

    private static SaslBroker broker;
    private static GreenMail greenMail;
    @TempDir
    static Path directory;
    private static final Map<String, Process> children = new LinkedHashMap<>();
    private static final Map<String, String> scrapes = new LinkedHashMap<>();
    private static final Map<String, String> logs = new LinkedHashMap<>();
    private static final List<MimeMessage> emails = new ArrayList<>();

    @BeforeAll
    static void runServiceAndAlertsOnHostileTraffic() throws Exception {
        broker = SaslBroker.start();
        greenMail = new GreenMail(new ServerSetup(LocalPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.setUser("oncall@example.test", "oncall", SMTP_PASSWORD);
        greenMail.start();
        produceHostileTraffic();
        int runPort = LocalPorts.free();
        int alertsPort = LocalPorts.free();
        Path config = config(runPort);
        try {
            children.put("run", child("run", config, List.of()));
            children.put("alerts", child("alerts", config, List.of("--save-emails", directory.resolve("emails").toString(),
                    "--set", DriftwatchConfig.METRICS_PORT_CONFIG + "=" + alertsPort)));
            await("an email, and a report for each of the " + WINDOWS + " windows").atMost(Duration.ofMinutes(2))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                    .failFast("a child process stopped", () -> !children.values().stream().allMatch(Process::isAlive))
                    .until(() -> greenMail.getReceivedMessages().length > 0 && reports().size() >= WINDOWS);
            Collections.addAll(emails, greenMail.getReceivedMessages());
            scrapes.put("run", scrape(runPort));
            scrapes.put("alerts", scrape(alertsPort));
        } finally {
            for (Process child : children.values()) {
                child.destroy();
                child.waitFor();
            }
        }
        for (String name : children.keySet()) {
            logs.put(name, Files.readString(directory.resolve(name + ".log")));
        }
    }

    @AfterAll
    static void stop() {
        children.values().forEach(Process::destroyForcibly);
        if (greenMail != null) {
            greenMail.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** Windows 0-1 normal, window 2 shifted with hostile categories, 3-4 normal again, and a record closing them. */
    private static void produceHostileTraffic() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(31);
        try (Admin admin = Admin.create(broker.clientSettings(SaslBroker.PLAIN, SaslBroker.ADMIN_USER, SaslBroker.ADMIN_PASSWORD))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(new TopicSpec("inferences", 1, Optional.empty(), Map.of())));
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(broker.clientSettings(SaslBroker.PLAIN,
                SaslBroker.PLAIN_USER, SaslBroker.PLAIN_PASSWORD), new StringSerializer(), new StringSerializer())) {
            int id = 0;
            for (int window = 0; window <= WINDOWS; window++) {
                int records = window == WINDOWS ? 1 : RECORDS_PER_WINDOW;
                for (int i = 0; i < records; i++) {
                    boolean shifted = window == SHIFTED_WINDOW;
                    Map<String, Object> features = new LinkedHashMap<>();
                    features.put(HTML_FEATURE, 40 + (shifted ? 20 : 0) + random.nextGaussian() * 5);
                    features.put(LONG_FEATURE, 10 + (shifted ? 10 : 0) + random.nextGaussian());
                    features.put(CATEGORY_FEATURE, shifted ? HOSTILE_CATEGORIES.get(random.nextInt(3)) : List.of("NO", "SE").get(random.nextInt(2)));
                    Map<String, Object> inference = new LinkedHashMap<>();
                    inference.put("requestId", "r" + id);
                    inference.put("modelName", MODEL);
                    inference.put("modelVersion", "v1\r\n<b>");
                    inference.put("eventTime", T0.plus(WINDOW.multipliedBy(window == WINDOWS ? WINDOWS + 1 : window)).plusSeconds(i * 2L).toString());
                    inference.put("features", features);
                    inference.put("prediction", 0.5);
                    sends.add(producer.send(new ProducerRecord<>("inferences", "r" + id++, json.writeValueAsString(inference))));
                }
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
    }

    private static Path config(int runPort) throws IOException {
        Properties properties = new Properties();
        broker.clientSettings(SaslBroker.PLAIN, SaslBroker.PLAIN_USER, SaslBroker.PLAIN_PASSWORD)
                .forEach((key, value) -> properties.setProperty(key, value.toString()));
        properties.setProperty("state.dir", directory.resolve("state").toString());
        properties.setProperty(DriftwatchConfig.APPLICATION_ID_CONFIG, "hostile");
        properties.setProperty(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        properties.setProperty(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        properties.setProperty(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        properties.setProperty(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        properties.setProperty(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(runPort));
        properties.setProperty(DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1");
        properties.setProperty(RegistrySettings.URL_CONFIG, "http://127.0.0.1:9");
        properties.setProperty(RegistrySettings.BASIC_AUTH_USER_CONFIG, "registry-user");
        properties.setProperty(RegistrySettings.BASIC_AUTH_PASSWORD_CONFIG, REGISTRY_PASSWORD);
        properties.setProperty(AlertsConfig.GROUP_MS_CONFIG, "1000");
        properties.setProperty(AlertsConfig.TO_CONFIG, "oncall@example.test");
        properties.setProperty(AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1");
        properties.setProperty(AlertsConfig.SMTP_PORT_CONFIG, Integer.toString(greenMail.getSmtp().getPort()));
        properties.setProperty(AlertsConfig.SMTP_SECURITY_CONFIG, "none");
        properties.setProperty(AlertsConfig.SMTP_USER_CONFIG, "oncall");
        properties.setProperty(AlertsConfig.SMTP_PASSWORD_ENV_CONFIG, "DRIFTWATCH_TEST_SMTP_PASSWORD");
        Path file = directory.resolve("driftwatch.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static Process child(String command, Path config, List<String> extra) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.StreamsConfig=info",
                "-cp", System.getProperty("java.class.path"), "io.driftwatch.cli.Main", command, "--config", config.toString()));
        line.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(directory.resolve(command + ".log").toFile());
        builder.environment().put("DRIFTWATCH_TEST_SMTP_PASSWORD", SMTP_PASSWORD);
        return builder.start();
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Every record on every topic of the run, as text (ISO-8859-1 keeps every byte), keys and headers included. */
    private static Map<String, String> topics() {
        Map<String, Object> settings = new HashMap<>(broker.clientSettings(SaslBroker.PLAIN, SaslBroker.ADMIN_USER, SaslBroker.ADMIN_PASSWORD));
        Map<String, String> texts = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : consumer.listTopics().keySet()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                StringBuilder text = new StringBuilder();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        text.append(latin1(record.key())).append('\n').append(latin1(record.value())).append('\n');
                        record.headers().forEach(header -> text.append(header.key()).append('=').append(latin1(header.value())).append('\n'));
                    }
                }
                texts.put(topic, text.toString());
            }
        }
        return texts;
    }

    private static String latin1(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void noSecretAppearsInTheLogsTheScrapesTheTopicsOrTheEmails() throws Exception {
        Map<String, String> everything = new LinkedHashMap<>();
        logs.forEach((name, text) -> everything.put("log of " + name, text));
        scrapes.forEach((name, text) -> everything.put("/metrics of " + name, text));
        topics().forEach((topic, text) -> everything.put("topic " + topic, text));
        for (int i = 0; i < emails.size(); i++) {
            everything.put("email " + i, raw(emails.get(i)));
        }
        try (Stream<Path> saved = Files.walk(directory.resolve("emails"))) {
            for (Path file : saved.filter(Files::isRegularFile).toList()) {
                everything.put("saved " + file.getFileName(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(everything).as("places searched").containsKeys("topic driftwatch.drift-reports", "topic driftwatch.alerts",
                "topic driftwatch.profiles", "log of run", "log of alerts", "/metrics of run", "/metrics of alerts");
        assertThat(emails).as("emails received").isNotEmpty();
        assertThat(everything.keySet().stream().filter(place -> place.startsWith("saved "))).as("emails saved").isNotEmpty();
        for (Map.Entry<String, String> place : everything.entrySet()) {
            for (String secret : SECRETS) {
                assertThat(place.getValue()).as(place.getKey() + " (" + place.getValue().length() + " characters)").doesNotContain(secret);
            }
        }
        assertThat(logs.get("run").length() + logs.get("alerts").length()).as("characters of log searched").isGreaterThan(10_000);
    }

    @Test
    void kafkasOwnConfigDumpsShowTheJaasConfigAsHidden() {
        for (Map.Entry<String, String> log : logs.entrySet()) {
            assertThat(log.getValue()).as(log.getKey()).contains("sasl.jaas.config = [hidden]");
            assertThat(log.getValue()).as(log.getKey()).doesNotContain("PlainLoginModule");
        }
        assertThat(logs.get("run")).as("Kafka Streams' own dump").contains("StreamsConfig values");
    }

    @Test
    void theRunLogsEachClosedWindowAndTheTriggerOnOneEscapedLineEach() {
        List<String> closed = logs.get("run").lines().filter(line -> line.contains("window closed: ")).toList();
        assertThat(closed).as("a line per window").hasSize(WINDOWS)
                .allSatisfy(line -> assertThat(line).contains("fraud<script>alert('m')</script>\"q\"\\u000d\\u000aBcc: victim@evil.test"));
        assertThat(closed).filteredOn(line -> line.contains(T0.plus(WINDOW.multipliedBy(SHIFTED_WINDOW)) + ".."))
                .singleElement().asString().contains(": DRIFT, ");
        assertThat(logs.get("run").lines().filter(line -> line.contains("retraining triggered: "))).isNotEmpty();
        assertThat(logs.get("run").lines()).as("no name from the traffic starts a line of its own")
                .noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("X-Injected"));
    }

    @Test
    void hostileNamesReachTheDriftReportsByteForByte() {
        List<DriftReport> reports = reports();
        assertThat(reports).as("a report per window").hasSize(WINDOWS);
        DriftReport shifted = reports.stream().filter(r -> r.getWindowStart().equals(T0.plus(WINDOW.multipliedBy(SHIFTED_WINDOW))))
                .findFirst().orElseThrow();
        assertThat(shifted.getModelName()).isEqualTo(MODEL);
        assertThat(shifted.getColumns().stream().map(c -> c.getFeature()).toList()).contains(HTML_FEATURE, LONG_FEATURE, CATEGORY_FEATURE);
        assertThat(shifted.getDatasetDrift()).as("the shifted window drifted").isTrue();
    }

    private static List<DriftReport> reports() {
        Serde<DriftReport> serde = Topics.DRIFT_REPORTS.valueSerde();
        List<DriftReport> reports = new ArrayList<>();
        Map<String, Object> settings = new HashMap<>(broker.clientSettings(SaslBroker.PLAIN, SaslBroker.PLAIN_USER, SaslBroker.PLAIN_PASSWORD));
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition("driftwatch.drift-reports", 0);
            if (consumer.partitionsFor(partition.topic()).isEmpty()) {
                return reports;
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> reports.add(serde.deserializer().deserialize("r", record.value())));
            }
        }
        return reports;
    }

    @Test
    void theEmailShowsHostileTextEscapedAndNoRecordValueAddsAHeaderOrARecipient() throws Exception {
        assertThat(emails).isNotEmpty();
        for (MimeMessage email : emails) {
            String subject = email.getSubject();
            assertThat(subject).doesNotContain("\r").doesNotContain("\n").startsWith("[driftwatch ").contains("fraud<script>");
            assertThat(email.getHeader("Bcc")).isNull();
            assertThat(email.getHeader("X-Injected")).isNull();
            assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@example.test");
            List<String> headerNames = new ArrayList<>();
            for (Header header : Collections.list(email.getAllHeaders())) {
                headerNames.add(header.getName());
            }
            assertThat(headerNames).doesNotContain("Bcc", "X-Injected");
            String html = html(email);
            assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("</td><script>");
            assertThat(html).contains("&lt;script&gt;alert(").contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    private static String html(MimeMessage email) throws Exception {
        String raw = raw(email);
        MimeMessage copy = new MimeMessage(null, new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        return htmlPart(copy.getContent());
    }

    private static String htmlPart(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    return part.getContent().toString();
                }
                String inner = htmlPart(part.getContent());
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
        }
        return "";
    }

    @Test
    void theScrapeCarriesHostileNamesOnlyAsEscapedLabelValues() {
        String text = scrapes.get("run");
        String escapedModel = MODEL.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        assertThat(text).contains("model=\"" + escapedModel + "\"");
        // The text format escapes only backslash, double quote and line feed in label values; a CR stays raw, and is
        // legal there. So lines end at LF alone, and a label value is anything but an unescaped quote or a raw LF.
        Pattern sample = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\n]++|\\\\[\\\\\"n])*+\",?)*+})? \\S+( \\d+)?");
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                assertThat(sample.matcher(line).matches()).as("a sample line of the exposition format: " + line).isTrue();
            }
        }
        assertThat(text).doesNotContain("\nBcc:").doesNotContain("\nX-Injected:");
    }
}
