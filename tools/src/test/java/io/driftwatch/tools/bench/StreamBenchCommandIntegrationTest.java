package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.tools.ToolsMain;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream benchmark on a small input, against a real broker: the figures exist and the work was done. */
class StreamBenchCommandIntegrationTest {
    private static final int RECORDS = 150_000;

    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ToolsMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void measuresBothSidesAndTheTopologyClosesTheWindowsTheRecordsSpan() throws IOException {
        int exit = run("bench", "stream", "--records", Integer.toString(RECORDS), "--format", "avro-single",
                "--bootstrap-servers", broker.bootstrapServers(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("records").asInt()).isEqualTo(RECORDS);
        assertThat(report.get("runs")).hasSize(1);
        JsonNode avro = report.get("runs").get(0);
        assertThat(avro.get("format").asText()).isEqualTo("avro-single");
        assertThat(avro.get("threads").asInt()).isEqualTo(1);
        assertThat(avro.get("plain_records_per_second").asDouble()).isPositive();
        assertThat(avro.get("driftwatch_records_per_second").asDouble()).isPositive();
        assertThat(avro.get("bare_records_per_second").asDouble()).as("the bare topology read every record").isPositive();
        assertThat(avro.get("cpu_over_bare").asDouble()).isEqualTo(avro.get("driftwatch_cpu_micros_per_record").asDouble()
                / avro.get("bare_cpu_micros_per_record").asDouble());
        assertThat(avro.get("ratio").asDouble()).isEqualTo(avro.get("driftwatch_records_per_second").asDouble()
                / avro.get("plain_records_per_second").asDouble());
        // 150,000 records 1 ms apart span 2.5 minutes of event time: with 1-minute windows and 10 s of
        // grace, the windows starting at 0 and 1 minute close, holding the first 120,000 records.
        assertThat(avro.get("windows_closed").asLong()).isEqualTo(2);
        assertThat(avro.get("records_in_closed_windows").asLong()).isEqualTo(120_000);
        assertThat(avro.get("peak_heap_bytes").asLong()).isPositive();
        assertThat(avro.get("numeric_profile_bytes").asDouble()).as("a KLL sketch of 60,000 values, k=547")
                .isBetween(2_000.0, 30_000.0);
        assertThat(avro.get("categorical_profile_bytes").asDouble()).isPositive();
    }

    @Test
    void timesEveryTriggerOnceFromItsWindowsClose() throws IOException {
        int exit = run("bench", "latency", "--windows", "4", "--bootstrap-servers", broker.bootstrapServers(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode latency = new ObjectMapper().readTree(out.toString());
        // Windows 2 s long, produced live: five are sent, the fifth only closes the fourth, and the first has no window before it to drift from.
        assertThat(latency.get("expected_triggers").asInt()).isEqualTo(3);
        assertThat(latency.get("triggers").asInt()).isEqualTo(latency.get("expected_triggers").asInt());
        assertThat(latency.get("median_millis").asLong()).as("two commit intervals of 1 s, give or take").isBetween(1L, 10_000L);
    }
}
