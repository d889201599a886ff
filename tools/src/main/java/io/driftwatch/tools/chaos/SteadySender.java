package io.driftwatch.tools.chaos;

import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecordBuilder;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Live traffic in the Confluent wire format: a model server sending {@link SteadyInferences} at a steady rate
 * on its own thread, each record written with whichever registered writer schema the scenario has switched to
 * (the way a producer starts writing a new version of its schema). A failed send is counted, not ignored.
 */
final class SteadySender implements AutoCloseable {
    private static final Duration TICK = Duration.ofMillis(100);

    private final RawRecords raw;
    private final SteadyInferences traffic;
    private final Map<Integer, Schema> schemasById;
    private final int recordsPerTick;
    private final AtomicInteger schemaId = new AtomicInteger();
    private final AtomicLong failedSends = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private SteadySender(RawRecords raw, SteadyInferences traffic, Map<Integer, Schema> schemasById, int recordsPerSecond, int firstSchemaId) {
        this.raw = raw;
        this.traffic = traffic;
        this.schemasById = Map.copyOf(schemasById);
        this.recordsPerTick = Math.max(1, recordsPerSecond / (int) (Duration.ofSeconds(1).toMillis() / TICK.toMillis()));
        this.schemaId.set(firstSchemaId);
        this.thread = new Thread(this::send, "chaos-steady-sender");
    }

    /** Starts sending {@code recordsPerSecond} records a second, written with schema {@code firstSchemaId} of {@code schemasById}. */
    static SteadySender start(RawRecords raw, SteadyInferences traffic, Map<Integer, Schema> schemasById, int recordsPerSecond, int firstSchemaId) {
        SteadySender sender = new SteadySender(raw, traffic, schemasById, recordsPerSecond, firstSchemaId);
        sender.thread.start();
        return sender;
    }

    /** Writes every record from now on with schema {@code id}. */
    void switchTo(int id) {
        schemaId.set(id);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // each send's outcome reaches its callback
    private void send() {
        long next = System.nanoTime();
        int partition = 0;
        while (running) {
            for (int i = 0; i < recordsPerTick; i++) {
                raw.send(partition, encode(traffic.next()), (metadata, failure) -> {
                    if (failure != null) {
                        failedSends.incrementAndGet();
                    }
                });
                partition = (partition + 1) % raw.partitions();
            }
            next += TICK.toNanos();
            long pause = next - System.nanoTime();
            if (pause > 0) {
                try {
                    Thread.sleep(pause / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private byte[] encode(InferenceLog log) {
        int id = schemaId.get();
        Schema writer = requireNonNull(schemasById.get(id), () -> "schema id " + id + " is not among those the sender was given");
        if (writer.equals(InferenceLog.getClassSchema())) {
            return RecordEncoders.confluent(log, id);
        }
        // Fields this version adds take their defaults, as a producer of the new version leaves them unset.
        GenericRecordBuilder record = new GenericRecordBuilder(writer);
        for (Schema.Field field : InferenceLog.getClassSchema().getFields()) {
            if (writer.getField(field.name()) != null) {
                record.set(field.name(), field.name().equals("eventTime") ? log.getEventTime().toEpochMilli() : log.get(field.pos()));
            }
        }
        return RecordEncoders.confluent(record.build(), id);
    }

    /** Sends that failed so far. */
    long failedSends() {
        return failedSends.get();
    }

    /** Stops sending and waits until every record sent is acknowledged. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        raw.flush();
    }
}
