package io.driftwatch.tools;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.tools.demo.BatchDemo;
import io.driftwatch.tools.demo.DemoScenario;
import io.driftwatch.tools.demo.StreamDemo;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch demo}: shows a new user the whole mission with nothing to set up (an embedded broker and
 * SMTP catcher, the real topologies and alerts process, a credit model's traffic with planted drift and late
 * labels), or with {@code --batch} what {@code check} finds in a bundled sample. It exits 1 if a planted
 * problem is not found, so it doubles as a smoke test of a fresh build.
 */
@Command(mixinStandardHelpOptions = true, name = "demo",
        description = {"See driftwatch at work with no setup: embedded Kafka, a credit model's traffic with planted drift and",
                "late labels, the drift reports, retraining triggers and alert email it produces.", ""},
        footer = {"", "Examples:", "  driftwatch demo", "  driftwatch demo --output ./demo-out --keep-running",
                "  driftwatch demo --batch --keep-files ./demo-data"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--batch", description = "Run the batch demo instead: driftwatch check on a bundled sample, no Kafka.")
    private boolean batch;

    @Option(names = "--keep-files", paramLabel = "DIR",
            description = "With --batch: write the sample files to DIR (created if needed) so you can run check on them yourself.")
    private @Nullable Path keepDirectory;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Where the caught emails (.eml and .html) and the training file go (default: a new temporary directory).")
    private @Nullable Path outputDirectory;

    @Option(names = "--keep-running", description = "Leave Kafka, driftwatch and the metrics endpoint up after the summary, until Ctrl-C.")
    private boolean keepRunning;

    @Option(names = "--verbose", description = "Show the log of the broker, Kafka Streams and the alerts process (stderr).")
    private boolean verbose;

    @Override
    public Integer call() throws BadInputException, IOException, PublishException, InterruptedException {
        if (batch) {
            if (outputDirectory != null || keepRunning) {
                throw new BadInputException("--output and --keep-running belong to the streaming demo; with --batch use --keep-files DIR");
            }
            return BatchDemo.run(spec.commandLine().getOut(), keepDirectory);
        }
        if (keepDirectory != null) {
            throw new BadInputException("--keep-files belongs to the batch demo (add --batch); the streaming demo takes --output DIR");
        }
        if (!verbose) {
            quietLogging();
        }
        return new StreamDemo(DemoScenario.standard(Clock.systemUTC()), outputDirectory, keepRunning, Clock.systemUTC())
                .run(spec.commandLine().getOut());
    }

    /**
     * The broker's and the services' start-up chatter would bury the progress line; only errors are shown. Takes
     * effect because nothing has logged yet in this process; a -D setting of the user's wins.
     */
    private static void quietLogging() {
        for (String logger : new String[] {"org.slf4j.simpleLogger.log.org.apache.kafka", "org.slf4j.simpleLogger.log.kafka",
                "org.slf4j.simpleLogger.log.state.change.logger", "org.slf4j.simpleLogger.log.io.driftwatch",
                "org.slf4j.simpleLogger.log.com.icegreen", "org.slf4j.simpleLogger.log.org.apache.kafka.streams.StreamsConfig"}) {
            System.getProperties().putIfAbsent(logger, "error");
        }
    }
}
