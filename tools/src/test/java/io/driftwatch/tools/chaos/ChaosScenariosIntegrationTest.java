package io.driftwatch.tools.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of {@code driftwatch chaos}, run by the build in a lane of its own (tag {@code chaos}, which
 * {@code mvn verify} leaves out): the short size with {@code -Pchaos}, the full size with
 * {@code -Ddriftwatch.reliability.full=true} (the {@code chaos-full} profile). The transcript is printed, so a
 * failure's figures are in the test output as the scenario runs.
 */
@Tag("reliability")
@Tag("chaos")
class ChaosScenariosIntegrationTest {
    @TempDir
    Path directory;

    static List<String> scenarios() {
        return ChaosSuite.scenarios().stream().map(ChaosScenario::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyCheckOfTheScenarioHolds(String name) {
        StringWriter transcript = new StringWriter();
        ChaosSuite.Outcome outcome = ChaosSuite.run(ChaosSuite.scenario(name).orElseThrow(), Boolean.getBoolean("driftwatch.reliability.full"),
                directory, new PrintWriter(new TeeWriter(transcript), true));
        assertThat(outcome.failures()).as(transcript.toString()).isEmpty();
        assertThat(outcome.passed()).as("checks run").isPositive();
    }

    /** The transcript as it is written, to the test's output (a long scenario shows where it is) and to the failure message. */
    private static final class TeeWriter extends Writer {
        private final Writer copy;

        TeeWriter(Writer copy) {
            this.copy = copy;
        }

        @Override
        public void write(char[] characters, int offset, int length) throws IOException {
            copy.write(characters, offset, length);
            System.out.print(new String(characters, offset, length));
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
        }
    }
}
