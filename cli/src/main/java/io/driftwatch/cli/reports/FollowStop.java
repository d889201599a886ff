package io.driftwatch.cli.reports;

import io.driftwatch.cli.topic.CommittedTopicReader;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C does to {@code reports --follow}: stops the reader and waits until the read has returned and the output
 * is flushed, so the JVM does not exit under a half-written line, and then ends it with exit code 0
 * ({@link ShutdownHooks#endedCleanly}). The wait is bounded: a read that does not return within
 * {@link #READ_RETURN_WAIT} does not hold the shutdown forever (the JVM then exits with the signal's code).
 */
final class FollowStop implements Runnable {
    static final Duration READ_RETURN_WAIT = Duration.ofSeconds(10);

    private final CommittedTopicReader reader;
    private final ShutdownHooks hooks;
    private final CountDownLatch readReturned = new CountDownLatch(1);

    FollowStop(CommittedTopicReader reader, ShutdownHooks hooks) {
        this.reader = reader;
        this.hooks = hooks;
    }

    @Override
    public void run() {
        reader.stop();
        try {
            if (readReturned.await(READ_RETURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                hooks.endedCleanly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called once the read has returned and what it printed is flushed. */
    void readReturned() {
        readReturned.countDown();
    }
}
