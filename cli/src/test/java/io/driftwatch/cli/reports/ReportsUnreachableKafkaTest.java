package io.driftwatch.cli.reports;

import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that does not answer is a failure outside driftwatch: one line naming the brokers, exit 3, no stack trace. */
class ReportsUnreachableKafkaTest {

    @Test
    void reportsAgainstAnUnreachableBrokerExitsThreeWithOneLineNamingTheBrokers() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("reports", "quality", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: Kafka at 127.0.0.1:1 did not answer reading"
                + " driftwatch.quality-reports").doesNotContain("internal error");
    }

    @Test
    void deadLettersRefuseAModelFilterTheyCannotApply() {
        StringWriter err = new StringWriter();

        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("reports", "dead-letters", "--bootstrap-servers", "127.0.0.1:1", "--model", "credit");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: dead letters carry no model or version");
    }
}
