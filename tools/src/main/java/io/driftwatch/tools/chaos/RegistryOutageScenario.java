package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.format.CorpusSchemas;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A schema registry down and back, through a real broker: Confluent-framed records flow, the registry goes
 * away for longer than {@code driftwatch.schema.registry.wait.max.ms} just as the producer starts writing a new
 * version of its schema (an id the service has never fetched), then comes back on the same address. Records
 * must wait, then flow; none may be dead-lettered for it; every record must be counted; and the service must
 * carry on by itself, with no restart by hand.
 */
final class RegistryOutageScenario implements ChaosScenario {
    private static final int PARTITIONS = 2;
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(1);
    /** 400 records a window at 1.5 s of event time apart. */
    private static final Duration SPACING = Duration.ofMillis(1_500);
    private static final int RECORDS_PER_SECOND = 200;
    private static final int KNOWN_SCHEMA = 1;
    private static final int NEW_SCHEMA = 2;
    private static final Map<Integer, Schema> SCHEMAS = Map.of(KNOWN_SCHEMA, InferenceLog.getClassSchema(), NEW_SCHEMA, CorpusSchemas.NEWER_INFERENCE);
    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration AFTER = Duration.ofSeconds(2);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    @Override
    public String name() {
        return "registry-outage";
    }

    @Override
    public String summary() {
        return "the schema registry down for longer than a record may wait, as a new schema version starts: records wait, then"
                + " flow; nothing dead-lettered; every record counted; the service carries on by itself";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        Duration outage = Duration.ofSeconds(run.size(30, 150));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             ChaosSchemaRegistry registry = ChaosSchemaRegistry.start(SCHEMAS);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            String bootstrap = broker.bootstrapServers();
            RunSettings settings = RunSettings.of(bootstrap, "outage", WINDOW, PARTITIONS, KnownDrift.EXACT_VALUES)
                    .set(DriftwatchConfig.INPUT_FORMAT_CONFIG, InputFormat.AVRO_REGISTRY.label())
                    .set(DriftwatchConfig.INFERENCES_TOPIC_CONFIG, "outage-inferences")
                    .set(RegistrySettings.URL_CONFIG, registry.url());
            String input = settings.topic(DriftwatchConfig.INFERENCES_TOPIC_CONFIG);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SteadyInferences traffic = new SteadyInferences(SPACING);
            try (RawRecords raw = RawRecords.to(bootstrap, input, PARTITIONS);
                 DriftwatchService service = DriftwatchService.start(settings.config(), meters,
                         Map.of("state.dir", run.directory().resolve("state").toString()));
                 ServiceWatch watch = ServiceWatch.start(service, meters)) {
                long waiting = outageWhileSending(run, new Outage(registry, admin, settings, raw, traffic), outage);
                closeLastWindow(raw, traffic);
                run.did("sent %,d records in all, then one per partition to close the last window", traffic.sent());
                Duration drained = Completion.awaitReports(bootstrap, settings, input, traffic.windows(WINDOW), CATCH_UP);
                run.did("the service read every record and reported every window %d s after the last record", drained.toSeconds());
                check(run, registry, watch, waiting, IngestOutcome.read(bootstrap, settings), traffic.sent());
                run.check("the service carried on by itself: never down, its stream thread there at the end", watch.stayedUp()
                        && service.liveStreamThreads() == 1, watch.summary() + "; live stream threads at the end " + service.liveStreamThreads());
            }
        }
    }

    /** What the outage acts on. */
    private record Outage(ChaosSchemaRegistry registry, Admin admin, RunSettings settings, RawRecords raw, SteadyInferences traffic) {
        String input() {
            return settings.topic(DriftwatchConfig.INFERENCES_TOPIC_CONFIG);
        }
    }

    /** Live traffic before, during and after the registry's outage; returns how many records were waiting when it came back. */
    private static long outageWhileSending(ChaosRun run, Outage at, Duration outage) throws Exception {
        long waiting;
        try (SteadySender sender = SteadySender.start(at.raw(), at.traffic(), SCHEMAS, RECORDS_PER_SECOND, KNOWN_SCHEMA)) {
            Thread.sleep(BEFORE.toMillis());
            Completion.awaitInput(at.admin(), at.settings(), at.input(), 2L * RECORDS_PER_SECOND, CATCH_UP);
            run.did("sent %,d records with schema id %d, %d a second; the service keeps up with them", at.traffic().sent(), KNOWN_SCHEMA,
                    RECORDS_PER_SECOND);
            at.registry().stop();
            sender.switchTo(NEW_SCHEMA);
            run.did("stopped the registry, and switched the producer to a new schema version, id %d, which the service has never fetched", NEW_SCHEMA);
            Thread.sleep(outage.toMillis());
            waiting = CommittedRecords.lag(at.admin(), at.settings().applicationId(), at.input());
            at.registry().restart();
            run.did("started the registry again on the same address after %d s (a record waits at most %d ms before its stream thread"
                    + " gives up and retries), %,d records waiting", outage.toSeconds(), at.settings().config().registryWaitMax().toMillis(), waiting);
            Duration caughtUp = Completion.awaitInput(at.admin(), at.settings(), at.input(), 2L * RECORDS_PER_SECOND, CATCH_UP);
            run.did("the service caught up with the live traffic %d s after the registry came back", caughtUp.toSeconds());
            Thread.sleep(AFTER.toMillis());
            sender.close();
            run.checkEqual("every record sent reached the broker (else a loss would be the producer's)", 0L, sender.failedSends());
        }
        return waiting;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // an empty callback ignores failures on purpose; flush() below waits for the sends
    private static void closeLastWindow(RawRecords raw, SteadyInferences traffic) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            raw.send(partition, RecordEncoders.confluent(traffic.closer(partition, WINDOW, GRACE), KNOWN_SCHEMA), (metadata, failure) -> { });
        }
        raw.flush();
    }

    private static void check(ChaosRun run, ChaosSchemaRegistry registry, ServiceWatch watch, long waiting, IngestOutcome outcome, long sent) {
        run.check("records waited while the registry was down", waiting > 0 && watch.registryDownSamples() > 0,
                String.format(Locale.ROOT, "%,d records waiting when it came back; the service's registry gauge read 0 in %d samples",
                        waiting, watch.registryDownSamples()));
        run.check("the records of the new schema version were read with its schema, fetched once the registry was back",
                registry.lookups(NEW_SCHEMA) > 0, "the registry served schema id " + NEW_SCHEMA + " " + registry.lookups(NEW_SCHEMA) + " times");
        run.checkEqual("nothing dead-lettered for the outage", 0, outcome.deadLetters().size());
        run.checkEqual("every record counted in the closed windows' profiles", sent, outcome.recordsProfiled());
        run.checkEqual("no window profiled twice", 0, outcome.windowsProfiledTwice());
    }
}
