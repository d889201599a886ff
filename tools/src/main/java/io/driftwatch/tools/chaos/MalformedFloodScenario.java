package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.testkit.corpus.MalformedCorpus;
import io.driftwatch.testkit.corpus.MalformedCorpus.Case;
import io.driftwatch.testkit.corpus.MalformedCorpus.Format;
import io.driftwatch.tools.chaos.RawRecords.Position;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The dead-letter promise at volume: a tenth of the input malformed, in every way the malformed corpus lists, in
 * each input format driftwatch reads (one run per format, since a run reads one). Every malformed record must be
 * in the dead-letter topic, once, with a reason naming what was wrong; every good record must be counted; the
 * service must stay up throughout.
 */
final class MalformedFloodScenario implements ChaosScenario {
    private static final int PARTITIONS = 2;
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "malformed-flood";
    }

    @Override
    public String summary() {
        return "a tenth of the input malformed in every way the corpus lists, in JSON, Confluent Avro (through a registry) and"
                + " single-object Avro: every malformed record dead-lettered with its reason, every good one counted, the service up";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        int records = run.size(20_000, 200_000);
        Map<Format, List<Case>> malformed = MalformedFlood.corpusCases(records / 10);
        run.did("took %,d malformed records of each format from the corpus (%d kinds of malformed input)", records / 10,
                malformed.values().stream().flatMap(List::stream).map(Case::category).distinct().count());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             ChaosSchemaRegistry registry = ChaosSchemaRegistry.start(MalformedCorpus.schemasById())) {
            Path schemas = writeSchemas(run.directory().resolve("schemas"));
            for (Format format : Format.values()) {
                MalformedFlood flood = MalformedFlood.of(format, requireNonNull(malformed.get(format), "corpusCases has every format"),
                        records, PARTITIONS, WINDOW, GRACE);
                RunSettings settings = settings(broker.bootstrapServers(), format, registry, schemas);
                flood(run, broker.bootstrapServers(), format, flood, settings);
            }
        }
    }

    private static void flood(ChaosRun run, String bootstrap, Format format, MalformedFlood flood, RunSettings settings) throws Exception {
        String input = settings.topic(DriftwatchConfig.INFERENCES_TOPIC_CONFIG);
        List<Position> positions;
        try (RawRecords raw = RawRecords.to(bootstrap, input, PARTITIONS)) {
            positions = raw.sendAll(flood.values());
        }
        String label = label(format);
        run.did("%s: produced %,d records, %,d of them malformed, over %d partitions", label, positions.size(),
                flood.malformedAt().size(), PARTITIONS);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ServiceWatch watch;
        Duration took;
        try (DriftwatchService service = DriftwatchService.start(settings.config(), meters,
                Map.of("state.dir", run.directory().resolve("state-" + label).toString()))) {
            watch = ServiceWatch.start(service, meters);
            try (watch) {
                took = Completion.awaitReports(bootstrap, settings, input, MalformedFlood.WINDOWS, CATCH_UP);
            }
        }
        IngestOutcome outcome = IngestOutcome.read(bootstrap, settings);
        run.did("%s: the service read them all in %d s; dead letters by reason: %s", label, took.toSeconds(),
                outcome.deadLetters().stream().collect(Collectors.groupingBy(d -> d.getReasonCode().name(), TreeMap::new, Collectors.counting())));
        checkDeadLetters(run, label, flood, positions, outcome.deadLetters());
        run.checkEqual(label + ": every good record counted in the closed windows' profiles", flood.goodInWindows(), outcome.recordsProfiled());
        run.checkEqual(label + ": no window profiled twice", 0, outcome.windowsProfiledTwice());
        run.check(label + ": the service up throughout, no stream thread lost or replaced", watch.stayedUp() && watch.threadsReplaced() == 0,
                watch.summary());
    }

    private static void checkDeadLetters(ChaosRun run, String label, MalformedFlood flood, List<Position> positions, List<DeadLetter> deadLetters) {
        run.checkEqual(label + ": as many dead letters as malformed records", flood.malformedAt().size(), deadLetters.size());
        Map<Position, DeadLetter> byPosition = new HashMap<>();
        deadLetters.forEach(d -> byPosition.put(new Position(d.getPartition(), d.getOffset()), d));
        int missing = 0;
        int wrongReason = 0;
        int blankReason = 0;
        int originalLost = 0;
        for (Map.Entry<Integer, Case> malformed : flood.malformedAt().entrySet()) {
            DeadLetter letter = byPosition.get(positions.get(malformed.getKey()));
            Case c = malformed.getValue();
            if (letter == null) {
                missing++;
                continue;
            }
            if (letter.getReason().isBlank()) {
                blankReason++;
            }
            if (c.expectedCode() != null && c.expectedCode() != letter.getReasonCode()) {
                wrongReason++;
            }
            if (!Arrays.equals(c.value(), letter.getOriginalValue() == null ? null : bytes(letter.getOriginalValue()))) {
                originalLost++;
            }
        }
        run.checkEqual(label + ": every malformed record dead-lettered, at its own partition and offset", 0, missing);
        run.check(label + ": every dead letter names what was wrong (a reason, and the reason code the corruption determines)",
                blankReason == 0 && wrongReason == 0, blankReason + " blank reasons, " + wrongReason + " reason codes other than the corpus expects, of "
                        + deadLetters.size() + "; e.g. '" + deadLetters.stream().map(DeadLetter::getReason).findFirst().orElse("") + "'");
        run.checkEqual(label + ": every dead letter keeps the original record's bytes", 0, originalLost);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static RunSettings settings(String bootstrap, Format format, ChaosSchemaRegistry registry, Path schemas) {
        String label = label(format);
        RunSettings settings = RunSettings.of(bootstrap, "flood-" + label, WINDOW, PARTITIONS, KnownDrift.EXACT_VALUES)
                .set(DriftwatchConfig.INFERENCES_TOPIC_CONFIG, "flood-" + label)
                .set(DriftwatchConfig.INPUT_FORMAT_CONFIG, label)
                .set(DriftwatchConfig.RECORD_MAX_BYTES_CONFIG, MalformedCorpus.LIMITS.maxRecordBytes())
                .set(DriftwatchConfig.RECORD_STRING_MAX_BYTES_CONFIG, MalformedCorpus.LIMITS.maxStringBytes())
                .set(DriftwatchConfig.FEATURES_MAX_CONFIG, MalformedCorpus.LIMITS.maxFeatures())
                .set(DriftwatchConfig.RECORD_ITEMS_MAX_CONFIG, MalformedCorpus.LIMITS.maxCollectionItems())
                .set(DriftwatchConfig.RECORD_NESTING_MAX_CONFIG, MalformedCorpus.LIMITS.maxNestingDepth())
                .set(RegistrySettings.URL_CONFIG, registry.url())
                .set(DriftwatchConfig.SCHEMA_PATHS_CONFIG, schemas.toString());
        MalformedCorpus.mappingProperties(format).forEach(settings::set);
        return settings;
    }

    /** The corpus's writer schemas as .avsc files, for single-object input. */
    private static Path writeSchemas(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<Integer, Schema> schema : MalformedCorpus.schemasById().entrySet()) {
            Files.writeString(directory.resolve("corpus-" + schema.getKey() + ".avsc"), SchemaFormatter.format("json/pretty", schema.getValue()));
        }
        return directory;
    }

    private static String label(Format format) {
        InputFormat input = switch (format) {
            case CONFLUENT_AVRO -> InputFormat.AVRO_REGISTRY;
            case SINGLE_OBJECT_AVRO -> InputFormat.AVRO_SINGLE;
            case JSON -> InputFormat.JSON;
        };
        return input.label();
    }
}
