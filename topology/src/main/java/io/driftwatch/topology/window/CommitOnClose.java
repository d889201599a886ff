package io.driftwatch.topology.window;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;

import static java.util.Objects.requireNonNull;

/**
 * Asks Kafka Streams to commit the task soon after it sent what a closed window produces, rather than at the next
 * commit interval. Under exactly-once, what a task sends is readable only once its transaction commits, and a
 * window's way to its retraining trigger crosses a repartition topic: the partials are read by the merge stage only
 * once committed, then the trigger waits for the merge stage's commit, so two commit intervals would lie between a
 * window's close and its trigger. {@link ProcessorContext#commit()} only requests a commit: the stream thread makes it
 * after the records it is processing now (the whole task, its offsets, state and the records sent, flushed, in one
 * transaction), and the regular commits keep their interval.
 *
 * <p>Windows close rarely when traffic is live, but a replay can close many per second, so a task requests at most
 * one commit per commit interval (wall clock): a requested commit at most doubles a task's commit rate, and a close
 * within an interval of the last request waits for the regular commit as before. Not thread-safe: one per processor.
 */
public final class CommitOnClose {
    private final ProcessorContext<?, ?> context;
    private final long commitIntervalMillis;
    private long requestedAtMillis = Long.MIN_VALUE;

    /** @param context the processor's context; its {@code commit.interval.ms} spaces the requests */
    public CommitOnClose(ProcessorContext<?, ?> context) {
        this.context = requireNonNull(context, "context");
        this.commitIntervalMillis = commitIntervalMillis(context);
    }

    /** A window closed and what it produced was sent: commit soon, unless this task asked less than an interval ago. */
    public void request() {
        long nowMillis = context.currentSystemTimeMs();
        if (requestedAtMillis != Long.MIN_VALUE && nowMillis - requestedAtMillis < commitIntervalMillis) {
            return;
        }
        requestedAtMillis = nowMillis;
        context.commit();
    }

    /** The application's commit interval; Kafka Streams puts its parsed value (a Long) among the app configs. */
    private static long commitIntervalMillis(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        if (configured instanceof Number number) {
            return number.longValue();
        }
        if (configured instanceof String text) {
            return Long.parseLong(text.trim());
        }
        throw new IllegalStateException("no " + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG + " among the application's settings");
    }
}
