package io.driftwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code driftwatch run --config FILE} in this JVM that should stop at start-up (credentials or certificates
 * Kafka refuses): its exit code, what it printed on its error stream, and how long it took.
 */
record RunAttempt(int exit, String message, Duration took) {
    static RunAttempt of(Path config) {
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("run", "--config", config.toString());
        return new RunAttempt(exit, err.toString(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** What a user must see: exit code 2 within {@code limit}, one line naming {@code config}, no stack trace. */
    RunAttempt assertStoppedAtOnceWithOneLine(Duration limit, Path config) {
        assertThat(took).as("time to fail").isLessThan(limit);
        assertThat(exit).as(message).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(message).contains(config.toString()).doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(message.strip().lines().count()).as(message).isEqualTo(1);
        return this;
    }
}
