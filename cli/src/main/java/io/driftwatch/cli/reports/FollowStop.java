package io.driftwatch.cli.reports;

import io.driftwatch.cli.topic.CommittedTopicReader;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C does to {@code reports --follow}: stops the reader and waits until the read has returned and the output
 * is flushed, so the JVM does not exit under a half-written line. The wait is bounded: a read that does not return
 * within {@link #READ_RETURN_WAIT} does not hold the shutdown forever.
 */
final class FollowStop implements Runnable {
    static final Duration READ_RETURN_WAIT = Duration.ofSeconds(10);

    private final CommittedTopicReader reader;
    private final CountDownLatch readReturned = new CountDownLatch(1);

    FollowStop(CommittedTopicReader reader) {
        this.reader = reader;
    }

    @Override
    public void run() {
        reader.stop();
        try {
            readReturned.await(READ_RETURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called once the read has returned and what it printed is flushed. */
    void readReturned() {
        readReturned.countDown();
    }
}
