package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.tools.ToolsMain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeBenchCommandTest {
    private static final List<String> FORMATS = List.of("avro-registry", "avro-single", "json");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ToolsMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void jsonNamesEveryFormatWithPositiveRatesForBothSides() throws IOException {
        int exit = run("bench", "decode", "--records", "300", "--passes", "1", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("records").asInt()).isEqualTo(300);
        assertThat(report.get("formats").fieldNames()).toIterable().containsExactlyElementsOf(FORMATS);
        for (String format : FORMATS) {
            JsonNode timing = report.get("formats").get(format);
            assertThat(timing.get("driftwatch_records_per_second").asDouble()).as(format).isPositive();
            assertThat(timing.get("baseline_records_per_second").asDouble()).as(format).isPositive();
            assertThat(timing.get("ratio").asDouble()).as(format).isPositive();
            assertThat(timing.get("bytes_per_record").asDouble()).as(format).isGreaterThan(100);
        }
    }

    @Test
    void tableHasOneLinePerFormat() {
        int exit = run("bench", "decode", "--records", "200", "--passes", "1");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("decode: 200 InferenceLog records (20 numeric + 5 categorical features)");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("format ").contains("driftwatch rec/s", "ratio"));
        for (String format : FORMATS) {
            assertThat(lines).filteredOn(line -> line.startsWith(format + " ")).hasSize(1);
        }
    }

    @Test
    void benchHelpListsItsBenchmarks() {
        int exit = run("bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("stream", "latency", "decode");
    }
}
