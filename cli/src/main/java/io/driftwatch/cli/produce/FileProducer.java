package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.schemas.SchemaException;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicProvisioningException;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topology.config.InputFormat;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Writes a CSV or JSON Lines file to a topic as driftwatch records, one per row, keyed by request id.
 *
 * <p>The file is read three times: once to type its columns as {@code check} does, so every value is sent as
 * {@code check} reads it ({@link FileRecords}); once to turn every row into a record without sending anything, so
 * a bad value anywhere fails the run before the topic holds half the file; then again to send. Before sending,
 * the schema is registered ({@code avro-registry}) and the topic is created if missing and waited for
 * until every partition answers (see {@link TopicProvisioner}). Sending stops at the first failed send,
 * since the rest would most likely fail the same way.
 */
public final class FileProducer {
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientSettings kafka;
    private final @Nullable SchemaRegistration registration;
    private final Clock clock;

    /**
     * @param registration where to register the schema; required for {@code avro-registry}
     * @param clock        the start of generated event times
     */
    public FileProducer(KafkaClientSettings kafka, @Nullable SchemaRegistration registration, Clock clock) {
        this.kafka = requireNonNull(kafka, "kafka");
        this.registration = registration;
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * @throws BadInputException       when the file, a column or a value is unusable, or the producer settings are
     * @throws ProduceFailedException  when the schema or the topic could not be set up; nothing was sent
     * @throws InterruptedException    when interrupted while pacing to the rate
     */
    public ProduceOutcome produce(ProduceRequest request) throws BadInputException, ProduceFailedException,
            InterruptedException {
        requireNonNull(request, "request");
        if (request.format() == InputFormat.AVRO_REGISTRY && registration == null) {
            throw new BadInputException("format " + request.format().label() + " needs a schema registry; pass --registry URL");
        }
        Instant start = clock.instant();
        try (RowReader reader = RowReader.open(request.file())) {
            return request.labels()
                    ? produce(request, request.columns().labels(reader.file(), reader.columns(), start))
                    : produce(request, request.columns().inferences(reader.file(), reader.columns(), start));
        }
    }

    private <T extends SpecificRecordBase> ProduceOutcome produce(ProduceRequest request, RowRecords<T> records)
            throws BadInputException, ProduceFailedException, InterruptedException {
        FileRecords<T> file = FileRecords.typed(request.file(), records);
        long rows = check(request, file);
        try (TopicWriter writer = TopicWriter.open(kafka.producer(), request.topic(), request.ratePerSecond())) {
            PayloadEncoder encoder = new PayloadEncoder(request.format(), register(request, records));
            provision(request);
            try (FileRecords.Cursor<T> cursor = file.open()) {
                for (Optional<T> record = cursor.next(); record.isPresent() && !writer.failing(); record = cursor.next()) {
                    writer.send(records.key(record.get()), encoder.encode(record.get()));
                }
            }
            return writer.finish(rows);
        }
    }

    /** Makes every row's record, sending nothing, and counts them. */
    private static long check(ProduceRequest request, FileRecords<?> file) throws BadInputException {
        long rows = 0;
        try (FileRecords.Cursor<?> cursor = file.open()) {
            for (Optional<?> record = cursor.next(); record.isPresent(); record = cursor.next()) {
                rows++;
            }
        }
        if (rows == 0) {
            throw new BadInputException(request.file() + " has no data rows; nothing to produce");
        }
        return rows;
    }

    private int register(ProduceRequest request, RowRecords<?> records) throws ProduceFailedException {
        if (request.format() != InputFormat.AVRO_REGISTRY) {
            return 0;
        }
        try {
            return requireNonNull(registration).register(request.topic(), records.schema());
        } catch (SchemaException e) {
            throw new ProduceFailedException("nothing was sent: cannot register the schema of " + records.schema().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    private void provision(ProduceRequest request) throws ProduceFailedException, BadInputException {
        Admin admin;
        try {
            admin = Admin.create(kafka.admin());
        } catch (KafkaException e) {
            throw new BadInputException("cannot create a Kafka admin client: " + e.getMessage()
                    + "; check --bootstrap-servers and the settings in --config", e);
        }
        try {
            new TopicProvisioner(admin, TOPIC_READY_TIMEOUT).ensure(List.of(
                    new TopicSpec(request.topic(), request.partitions(), Optional.empty(), Map.of())));
        } catch (TopicProvisioningException e) {
            throw new ProduceFailedException("nothing was sent: " + e.getMessage() + " (bootstrap servers "
                    + kafka.bootstrapServers() + "); check that the brokers are reachable and --config", e);
        } finally {
            // A plain close() waits for requests still retrying against an unreachable broker, up to a minute more.
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
    }
}
