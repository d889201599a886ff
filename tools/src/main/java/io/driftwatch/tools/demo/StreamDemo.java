package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.baseline.BaselinePublisher;
import io.driftwatch.cli.baseline.PublishException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * {@code driftwatch demo}: runs the whole mission on this machine and checks it. Starts the {@link DemoStack},
 * publishes the baselines of a credit and a fraud model and each model's policy ({@link DemoPolicies}), replays their
 * traffic ({@link CreditTraffic}, {@link FraudTraffic}) into the input topics, paced by the credit model's judged
 * estimates ({@link EstimatePacing}), while a live line shows what driftwatch has committed, sends closing records once every label is joined, waits until
 * every planted problem shows or {@link #TIMEOUT} passes, and prints the {@link DemoSummary}.
 */
public final class StreamDemo {
    /** Waiting longer than this for the outputs means something is broken; the demo then says what is missing. */
    static final Duration TIMEOUT = Duration.ofSeconds(100);
    /** How long the closing records wait for every label to be joined; after it they go anyway, leaving time to close. */
    static final Duration JOIN_WAIT = Duration.ofSeconds(45);
    private static final int CLOSERS = 3;
    private static final int PROGRESS_EVERY_RECORDS = 250;
    /** How long the replay waits for one window's estimate to be judged before it goes on regardless. */
    private static final Duration LONGEST_PACING_WAIT = Duration.ofSeconds(10);

    private final DemoScenario scenario;
    private final @Nullable Path outputDirectory;
    private final boolean keepRunning;
    private final Clock clock;

    /**
     * @param outputDirectory where the training file and the caught emails go; null for a new temporary directory
     * @param keepRunning     leave the stack up after the summary until the process is stopped
     */
    public StreamDemo(DemoScenario scenario, @Nullable Path outputDirectory, boolean keepRunning, Clock clock) {
        this.scenario = requireNonNull(scenario, "scenario");
        this.outputDirectory = outputDirectory;
        this.keepRunning = keepRunning;
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * @return 0 when every planted problem was found, 1 when one was missing
     * @throws BadInputException when the output directory cannot be written
     * @throws PublishException  when the embedded broker does not take the baseline
     */
    public int run(PrintWriter out) throws BadInputException, PublishException, InterruptedException {
        long startNanos = System.nanoTime();
        Path directory = directory();
        out.println("driftwatch demo: a credit model and a fraud model in production, each under its own policy, replayed"
                + " through driftwatch on this machine.");
        out.printf(Locale.ROOT, "%d stretches of %d min of event time, %d predictions of each model in each; from stretch %d a new"
                        + " customer segment%narrives at the credit model (inputs shift, a region it never saw appears, its accuracy"
                        + " falls; labels arrive up to %d min late)%nand the fraud model sees larger amounts, mostly electronics.%n",
                scenario.windows(), scenario.window().toMinutes(), scenario.perWindow(), scenario.driftFromWindow() + 1,
                scenario.labelDelayMax().toMinutes());
        out.flush();
        try (DemoStack stack = DemoStack.startInfrastructure(scenario)) {
            Thread hook = new Thread(stack::close, "driftwatch-demo-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return runOn(stack, directory, out, startNanos);
            } finally {
                removeHook(hook);
            }
        }
    }

    private int runOn(DemoStack stack, Path directory, PrintWriter out, long startNanos)
            throws BadInputException, PublishException, InterruptedException {
        Path inputs = copyTraining(directory);
        Path training = ScoredTraining.write(inputs, directory, scenario.seed());
        FraudTraffic fraud = FraudTraffic.of(scenario);
        Path fraudTraining = fraud.writeTraining(directory);
        out.println("Kafka (embedded, KRaft) at " + stack.bootstrapServers() + ", SMTP catcher at 127.0.0.1:" + stack.smtpPort());
        publishBaseline(out, training, CreditTraffic.MODEL, CreditTraffic.VERSION, ScoredTraining.ESTIMATION, stack);
        publishBaseline(out, fraudTraining, FraudTraffic.MODEL, FraudTraffic.VERSION, null, stack);
        Map<String, DemoPolicies.Published> policies = DemoPolicies.publish(directory, stack.config());
        for (DemoPolicies.Published policy : policies.values()) {
            out.printf(Locale.ROOT, "Policy of %s from %s published as driftwatch policy publish does: reports name id %s, alerts go to"
                    + " %s%n", policy.model(), policy.file(), policy.policyId(), String.join(", ", policy.recipients()));
        }
        try {
            stack.startDriftwatch(directory);
        } catch (IOException e) {
            throw new BadInputException("cannot create the demo's state directory: " + e.getMessage(), e);
        }
        out.println("driftwatch run and alerts started; Prometheus metrics at " + stack.metricsUrl());
        out.flush();
        CreditTraffic credit = CreditTraffic.from(inputs, scenario);
        DemoExpectations expectations = new DemoExpectations(scenario, policies);
        DemoObservations observation;
        List<CaughtEmail> emails;
        Set<Path> earlierEmails;
        try {
            earlierEmails = CaughtEmail.savedIn(directory);
        } catch (IOException e) {
            throw new BadInputException("cannot list the demo's output folder " + directory + " (" + e.getMessage()
                    + "); choose another --output folder", e);
        }
        try (OutputTopics outputs = new OutputTopics(stack.config())) {
            Replay replay = new Replay(outputs, new ProgressLine(out, policies.values().stream().mapToInt(policy -> policy.windows(scenario)).sum()), directory,
                    earlierEmails, System.nanoTime() + TIMEOUT.toNanos(), new EstimatePacing(scenario));
            List<DemoRecord> records = new ArrayList<>(credit.records());
            records.addAll(fraud.records());
            records.sort(Comparator.comparing(DemoRecord::eventTime));
            replay.send(stack, records, records.size(), true);
            replay.awaitOrTimeout(expectations::trafficJoined, JOIN_WAIT);
            Instant closingTime = DemoSettings.closingTime(scenario);
            List<DemoRecord> closers = new ArrayList<>(credit.closers(closingTime, CLOSERS));
            closers.addAll(fraud.closers(closingTime, CLOSERS));
            replay.send(stack, closers, records.size() + closers.size(), false);
            replay.awaitOrTimeout(o -> expectations.missing(o, replay.emails()).isEmpty(), TIMEOUT);
            replay.finish();
            observation = replay.observation();
            emails = replay.emails();
            out.println();
            new DemoSummary(scenario, expectations).print(out, observation, policies.values(), emails, outputs.triggerTopic());
        }
        List<String> missing = expectations.missing(observation, emails);
        out.println();
        out.printf(Locale.ROOT, "%s (%d s)%n", missing.isEmpty() ? "Everything planted was found, for each model under its own"
                + " policy: drift, the retraining triggers and the email to its team." : "MISSING: " + String.join("; ", missing), Duration.ofNanos(System.nanoTime() - startNanos).toSeconds());
        out.println("Emails, the training files and the policies are in " + directory);
        out.println("Prometheus metrics " + (keepRunning ? "are" : "were") + " served at " + stack.metricsUrl()
                + (keepRunning ? "" : " while the demo ran (--keep-running keeps them up)"));
        if (keepRunning) {
            out.println("The stack keeps running: Kafka at " + stack.bootstrapServers() + ", metrics at " + stack.metricsUrl()
                    + ". Press Ctrl-C to stop it.");
            Path clientConfig = writeClientConfig(directory, stack.bootstrapServers());
            out.println("Read what it wrote, from another terminal (" + clientConfig.getFileName() + " holds the demo's"
                    + " broker and topic names):");
            out.println("  ./driftwatch reports drift --config " + clientConfig + " --model credit");
            out.println("  ./driftwatch analyze --config " + clientConfig + " --model credit --model-version "
                    + CreditTraffic.VERSION + " --from " + scenario.windowStart(scenario.driftFromWindow()) + " --to "
                    + scenario.end() + " --against-from " + scenario.start() + " --against-to "
                    + scenario.windowStart(scenario.driftFromWindow()) + " --format html --output credit.html");
            out.flush();
            stack.awaitClosed();
        }
        out.flush();
        return missing.isEmpty() ? ExitCode.OK : ExitCode.FOUND;
    }

    /** The demo's broker and topic names as a properties file, for {@code reports} and {@code analyze --config}. */
    private static Path writeClientConfig(Path directory, String bootstrapServers) throws BadInputException {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", bootstrapServers);
        DemoTopics.settings().forEach(properties::setProperty);
        Path file = directory.resolve("demo-client.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "driftwatch demo --keep-running: its broker and topics");
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + " (" + e.getMessage() + "); choose another --output folder", e);
        }
        return file;
    }

    private Path directory() throws BadInputException {
        try {
            return outputDirectory != null ? Files.createDirectories(outputDirectory) : Files.createTempDirectory("driftwatch-demo");
        } catch (IOException e) {
            throw new BadInputException("cannot create the output directory " + outputDirectory + ": " + e.getMessage()
                    + "; choose another with --output", e);
        }
    }

    private void publishBaseline(PrintWriter out, Path training, String model, String version,
                                 DemoBaseline.@Nullable Estimation estimation, DemoStack stack)
            throws BadInputException, PublishException {
        BaselinePublisher.Published baseline = DemoBaseline.publish(training, model, version, estimation, stack.config(), clock);
        String what = estimation == null ? "its inputs and predictions, as baseline --prediction-column "
                + ScoredTraining.PREDICTION_COLUMN
                : "its inputs, predictions, quality and CBPE fit, as baseline " + estimation.options();
        out.printf(Locale.ROOT, "Baseline of %s %s from %s (%s) published to %s%n", model, version, training, what, baseline.topic());
    }

    private static Path copyTraining(Path directory) throws BadInputException {
        try {
            return BundledData.copy(BundledData.REFERENCE, directory);
        } catch (IOException e) {
            throw new BadInputException("cannot write the training file to " + directory + ": " + e.getMessage()
                    + "; choose another directory with --output", e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C); the hook is running and stops the stack.
        }
    }

    /** The replay's moving parts: sending, polling the outputs, and the progress line they feed. */
    private static final class Replay {
        private final OutputTopics outputs;
        private final ProgressLine progress;
        private final Path emailDirectory;
        private final Set<Path> earlierEmails;
        private final long deadlineNanos;
        private final EstimatePacing pacing;
        private DemoObservations observation;
        private List<CaughtEmail> emails = List.of();
        private long sent;
        private long total;

        /** @param earlierEmails the emails in {@code emailDirectory} before the replay: an earlier run's, never this one's */
        Replay(OutputTopics outputs, ProgressLine progress, Path emailDirectory, Set<Path> earlierEmails, long deadlineNanos,
               EstimatePacing pacing) {
            this.outputs = outputs;
            this.progress = progress;
            this.emailDirectory = emailDirectory;
            this.earlierEmails = Set.copyOf(earlierEmails);
            this.deadlineNanos = deadlineNanos;
            this.pacing = pacing;
            this.observation = outputs.poll();
        }

        /** @param paced hold each record back until the estimates it is {@link EstimatePacing#LEAD} past are judged */
        @SuppressWarnings("FutureReturnValueIgnored") // each send's outcome reaches its callback
        void send(DemoStack stack, List<DemoRecord> records, long totalRecords, boolean paced) {
            total = totalRecords;
            Map<String, Object> settings = new HashMap<>(stack.config().kafkaSettings());
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
                for (DemoRecord record : records) {
                    if (paced) {
                        awaitJudged(producer, record.eventTime());
                    }
                    producer.send(new ProducerRecord<>(record.topic(), null, record.eventTime().toEpochMilli(), record.key(), record.value()),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    if (++sent % PROGRESS_EVERY_RECORDS == 0) {
                        refresh();
                    }
                }
                producer.flush();
            }
            Exception failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("the demo could not write its traffic to Kafka: " + failed.getMessage(), failed);
            }
            refresh();
        }

        private void awaitJudged(KafkaProducer<String, byte[]> producer, Instant eventTime) {
            if (pacing.maySend(eventTime, observation.of(CreditTraffic.MODEL))) {
                return;
            }
            producer.flush();
            awaitOrTimeout(o -> pacing.maySend(eventTime, o.of(CreditTraffic.MODEL)), LONGEST_PACING_WAIT);
        }

        void awaitOrTimeout(Predicate<DemoObservations> done, Duration longest) {
            long until = Math.min(deadlineNanos, System.nanoTime() + longest.toNanos());
            while (!done.test(observation) && System.nanoTime() < until) {
                refresh();
            }
        }

        private void refresh() {
            observation = outputs.poll();
            try {
                emails = CaughtEmail.in(emailDirectory, earlierEmails);
            } catch (IOException e) {
                // An email being written as we list: keep the last list; the next refresh reads it whole.
            }
            progress.show(sent, total, observation, emails.size());
        }

        void finish() {
            refresh();
            progress.finish();
        }

        DemoObservations observation() {
            return observation;
        }

        List<CaughtEmail> emails() {
            return emails;
        }
    }
}
