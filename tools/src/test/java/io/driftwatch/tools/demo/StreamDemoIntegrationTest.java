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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's whole path on shorter traffic (six windows of 150 predictions, drift from the fourth): embedded
 * broker, SMTP catcher, baseline, replay, the service and the alerts process. The demo's exit code is 0 only when
 * the trigger topic, read with read_committed, holds a dataset_drift trigger whose windows start at the planted
 * drift and an estimated_quality trigger for that window made before all its labels were in and confirmed by its final
 * accuracy, and an email about the model was caught; the test also checks the summary's trigger lines, its estimated
 * accuracy per window beside the realized one, and the saved email itself.
 */
class StreamDemoIntegrationTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    @TempDir
    Path directory;

    /** A line of the summary's estimated accuracy block, its numbers captured. */
    private static Pattern estimateLine(int window, String marked) {
        return Pattern.compile("    window " + window + ": estimated accuracy (?<estimate>[01]\\.\\d\\d) \\((?<lower>[01]\\.\\d\\d)-"
                + "(?<upper>[01]\\.\\d\\d)\\) with (?<labelled>\\d+) of 150 labels in" + Pattern.quote(marked)
                + "; realized (?<realized>[01]\\.\\d\\d)\\R");
    }

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
                .contains("estimated_quality windows " + driftStart + "-")
                .doesNotContain("quality_threshold windows")
                .contains("as baseline --labels label --prediction-column prediction --score-column p_approve --positive-class approve"
                        + " --estimate-performance)")
                .contains("Everything planted was found");
        Matcher clean = estimateLine(1, "").matcher(summary);
        Matcher drift = estimateLine(5, " -> estimated_quality trigger").matcher(summary);
        assertThat(clean.find()).as(summary).isTrue();
        assertThat(drift.find()).as(summary).isTrue();
        assertThat(Double.parseDouble(clean.group("estimate"))).isGreaterThan(0.8);
        assertThat(Double.parseDouble(drift.group("estimate"))).isLessThan(Double.parseDouble(clean.group("estimate")) - 0.15);
        assertThat(Double.parseDouble(drift.group("upper"))).isLessThan(Double.parseDouble(clean.group("lower")));
        assertThat(Integer.parseInt(drift.group("labelled"))).isLessThan(150);
        assertThat(Double.parseDouble(drift.group("realized"))).isLessThan(0.75);
        assertThat(Pattern.compile("window \\d+: .* -> estimated_quality trigger").matcher(summary).results()).hasSize(1);
        List<CaughtEmail> emails = CaughtEmail.in(directory);
        assertThat(emails).isNotEmpty();
        assertThat(emails).anySatisfy(email -> {
            assertThat(email.subject()).contains("credit v1").contains("retraining triggered");
            assertThat(email.recipients()).containsExactly("credit-ml@example.com");
            assertThat(email.html()).isRegularFile();
        });
        assertThat(emails).anySatisfy(email -> {
            assertThat(email.recipients()).containsExactly("credit-ml@example.com");
            assertThat(email.html()).content().contains("credit v1: estimated quality fell, before its labels (accuracy)");
        });
        assertThat(emails).anySatisfy(email -> {
            assertThat(email.subject()).contains("fraud v1").contains("retraining triggered");
            assertThat(email.recipients()).containsExactly("fraud-team@example.com");
        });
    }
}
