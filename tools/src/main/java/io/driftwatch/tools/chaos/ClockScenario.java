package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serde;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Event time against clocks and silence: a record from a clock years ahead, one from a year ago, a window with
 * no data, a model version that stops sending while another goes on, and then the whole topic going quiet. Each
 * must be counted or reported, never silently dropped, and the last window before the quiet must still be
 * reported, after {@code driftwatch.window.idle.close.ms}.
 */
final class ClockScenario implements ChaosScenario {
    private static final Duration WINDOW = KnownDrift.WINDOW;
    private static final Duration IDLE_CLOSE = Duration.ofSeconds(5);
    private static final String STOPPING_VERSION = "v4";

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public String summary() {
        return "records from a clock years ahead and from a year ago, an empty window, a version that stops sending, then"
                + " the whole topic quiet: each counted or reported, the last window reported after the idle time";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        int perWindow = run.size(300, 3_000);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            Random random = new Random(11);
            KnownDrift.publishBaseline(bootstrap, run.directory(), KnownDrift.VERSION, random);
            KnownDrift.publishBaseline(bootstrap, run.directory(), STOPPING_VERSION, random);
            RunSettings settings = RunSettings.of(bootstrap, "clock", WINDOW, 1, KnownDrift.EXACT_VALUES)
                    .set(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "5000")
                    .set(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, Long.toString(IDLE_CLOSE.toMillis()));
            MeterRegistry meters = new SimpleMeterRegistry();
            try (DriftwatchService service = DriftwatchService.start(settings.config(), meters,
                    Map.of("state.dir", run.directory().resolve("state").toString()))) {
                produce(bootstrap, run.directory().resolve("traffic.csv"), traffic(perWindow, random));
                long quietFrom = System.nanoTime();
                run.did("produced %s windows 0, 1 and 3 (%,d records each; window 2 empty), %s window 0 only (%,d records), and"
                        + " between windows 1 and 3 one record stamped ten years ahead and one a year old; then nothing",
                        KnownDrift.VERSION, perWindow, STOPPING_VERSION, perWindow);

                Map<String, DriftReport> reports = awaitReport(bootstrap, settings, KnownDrift.VERSION, 3, Duration.ofMinutes(2));
                long quietSeconds = Duration.ofNanos(System.nanoTime() - quietFrom).toSeconds();
                run.check("the last window before the topic went quiet is reported after the idle time",
                        reports.containsKey(key(KnownDrift.VERSION, 3)),
                        reports.containsKey(key(KnownDrift.VERSION, 3))
                                ? "reported " + quietSeconds + " s after the last record (idle close " + IDLE_CLOSE.toSeconds() + " s, grace 5 s)"
                                : "not reported within 2 minutes of quiet");
                run.checkEqual("a window with no data gets no report, the windows around it do", List.of(
                        key(KnownDrift.VERSION, 0), key(KnownDrift.VERSION, 1), key(KnownDrift.VERSION, 3), key(STOPPING_VERSION, 0)),
                        List.copyOf(reports.keySet()));
                run.check("a version that stops sending while another goes on has its last window reported",
                        reports.containsKey(key(STOPPING_VERSION, 0)), "windows reported: " + reports.keySet());
                run.checkEqual("a record from a clock ten years ahead is counted in driftwatch.records.future", 1.0,
                        count(meters, "driftwatch.records.future"));
                run.checkEqual("a record from a year ago is counted in driftwatch.records.late", 1.0, count(meters, "driftwatch.records.late"));
                long reported = reports.values().stream().mapToLong(DriftReport::getRecords).sum();
                run.checkEqual("every other record is counted in its window's report", 4L * perWindow, reported);

                produce(bootstrap, run.directory().resolve("after.csv"), List.of(row("after-quiet", KnownDrift.VERSION,
                        windowStart(3).plusSeconds(30), random)));
                run.did("produced one more record for window 3, closed by the quiet");
                run.checkEqual("a record for a window the quiet closed is counted late, not added to a reported window", 2.0,
                        awaitCount(meters, "driftwatch.records.late", 2.0, Duration.ofSeconds(60)));
                run.checkEqual("the service is still running", "RUNNING", service.state().name());
            }
        }
    }

    private static List<String> traffic(int perWindow, Random random) {
        List<String> rows = new ArrayList<>();
        long spacing = WINDOW.toMillis() / perWindow;
        for (int window : new int[] {0, 1, 3}) {
            if (window == 3) {
                rows.add(row("from-the-future", KnownDrift.VERSION, KnownDrift.T0.plus(Duration.ofDays(3650)), random));
                rows.add(row("from-last-year", KnownDrift.VERSION, KnownDrift.T0.minus(Duration.ofDays(365)), random));
            }
            for (int i = 0; i < perWindow; i++) {
                Instant time = windowStart(window).plusMillis(i * spacing);
                rows.add(row(KnownDrift.VERSION + "-" + window + "-" + i, KnownDrift.VERSION, time, random));
                if (window == 0) {
                    rows.add(row(STOPPING_VERSION + "-" + i, STOPPING_VERSION, time, random));
                }
            }
        }
        return rows;
    }

    private static Instant windowStart(int window) {
        return KnownDrift.T0.plus(WINDOW.multipliedBy(window));
    }

    private static String row(String id, String version, Instant time, Random random) {
        return String.join(",", id, time.toString(), KnownDrift.MODEL, version, KnownDrift.undriftedFeatures(random));
    }

    private static void produce(String bootstrap, Path file, List<String> rows) throws IOException {
        Files.writeString(file, "request_id,event_time,model,version,age,country,prediction\n" + String.join("\n", rows) + "\n");
        KnownDrift.execute("produce", "--bootstrap-servers", bootstrap, "--topic", KnownDrift.TOPIC, "--encoding", "json", file.toString());
    }

    private static String key(String version, int window) {
        return version + " " + windowStart(window);
    }

    /** Waits for the report of {@code version}'s window {@code window}, and returns every report by version and window start. */
    private static Map<String, DriftReport> awaitReport(String bootstrap, RunSettings settings, String version, int window, Duration timeout)
            throws InterruptedException {
        Serde<DriftReport> serde = Topics.DRIFT_REPORTS.valueSerde();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, DriftReport> reports = CommittedRecords.readAll(bootstrap, settings.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG),
                    bytes -> serde.deserializer().deserialize("reports", bytes)).stream()
                    .collect(Collectors.toMap(r -> r.getModelVersion() + " " + r.getWindowStart(), r -> r, (a, b) -> a, TreeMap::new));
            if (reports.containsKey(key(version, window)) || System.nanoTime() > deadline) {
                return reports;
            }
            Thread.sleep(500);
        }
    }

    private static double count(MeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double awaitCount(MeterRegistry meters, String name, double expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(meters, name) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return count(meters, name);
    }
}
