package io.driftwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsCommandTest {
    @TempDir
    Path directory;

    private record Outcome(int exit, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
        return new Outcome(exit, err.toString());
    }

    @Test
    void aMissingSmtpHostIsBadInputNamingTheKey() throws Exception {
        Path config = Files.writeString(directory.resolve("d.properties"), "bootstrap.servers=localhost:9092\ndriftwatch.alerts.to=oncall@example.test\n");

        Outcome outcome = run("alerts", "--config", config.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err()).contains("driftwatch.smtp.host").contains("is required");
    }

    @Test
    void aUserWithoutAPasswordSourceIsBadInputSayingWhatToSet() throws Exception {
        Path config = Files.writeString(directory.resolve("d.properties"), """
                bootstrap.servers=localhost:9092
                driftwatch.alerts.to=oncall@example.test
                driftwatch.smtp.host=smtp.example.test
                driftwatch.smtp.user=driftwatch
                """);

        Outcome outcome = run("alerts", "--config", config.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err()).contains("driftwatch.smtp.user").contains("driftwatch.smtp.password.env");
    }

    @Test
    void anUnknownSecurityModeNamesTheAcceptedOnes() throws Exception {
        Path config = Files.writeString(directory.resolve("d.properties"), """
                bootstrap.servers=localhost:9092
                driftwatch.alerts.to=oncall@example.test
                driftwatch.smtp.host=smtp.example.test
                driftwatch.smtp.security=tls
                """);

        Outcome outcome = run("alerts", "--config", config.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err()).contains("driftwatch.smtp.security").contains("none, starttls, ssl");
    }
}
