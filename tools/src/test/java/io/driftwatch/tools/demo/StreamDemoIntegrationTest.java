package io.driftwatch.tools.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's whole path on shorter traffic (six windows of 150 predictions, drift from the fourth): embedded
 * broker, SMTP catcher, baseline, replay, the service and the alerts process. The demo's exit code is 0 only when
 * the trigger topic, read with read_committed, holds a dataset_drift trigger whose windows start at the planted
 * drift and a quality trigger for that window, and an email about the model was caught; the test also checks the
 * summary's trigger line and the saved email itself.
 */
class StreamDemoIntegrationTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void findsEachModelsPlantedDriftUnderItsOwnPolicyAndMailsItsOwnTeam() throws Exception {
        Clock clock = Clock.systemUTC();
        DemoScenario scenario = new DemoScenario(clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS),
                Duration.ofMinutes(10), 6, 4, 150, Duration.ofMinutes(20), 7L);
        StringWriter out = new StringWriter();

        int exit = new StreamDemo(scenario, directory, false, clock).run(new PrintWriter(out));

        String summary = out.toString();
        assertThat(exit).as(summary).isZero();
        // The drift starts at 40 minutes: a boundary of credit's 10-minute windows and of fraud's 20-minute ones.
        String driftStart = TIME.format(scenario.windowStart(4));
        String nextStart = TIME.format(scenario.windowStart(5));
        assertThat(summary).contains("dataset_drift     windows " + driftStart + "-")
                .contains(", " + nextStart + "-")
                .contains("Model credit v1 under policy ").contains("(credit-policy.yaml): 6 of 6 windows reported")
                .contains("Model fraud v1 under policy ").contains("(fraud-policy.yaml): 3 of 3 windows reported")
                .contains("Expectation broken: region unexpected_value (error)")
                .contains("quality_threshold windows " + driftStart + "-")
                .contains("Everything planted was found");
        List<CaughtEmail> emails = CaughtEmail.in(directory);
        assertThat(emails).isNotEmpty();
        assertThat(emails).anySatisfy(email -> {
            assertThat(email.subject()).contains("credit v1").contains("retraining triggered");
            assertThat(email.recipients()).containsExactly("credit-ml@example.com");
            assertThat(email.html()).isRegularFile();
        });
        assertThat(emails).anySatisfy(email -> {
            assertThat(email.subject()).contains("fraud v1").contains("retraining triggered");
            assertThat(email.recipients()).containsExactly("fraud-team@example.com");
        });
    }
}
