package io.driftwatch.tools.bench;

import io.driftwatch.service.DriftwatchService;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every benchmark run of the service needs around it: a state directory of its own, and a start to wait for. */
final class BenchLifecycle {
    private BenchLifecycle() {
    }

    /** @return {@link System#nanoTime()} when the service reached RUNNING */
    static long awaitRunning(DriftwatchService service, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (service.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || service.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("driftwatch did not reach RUNNING (state " + service.state() + ")");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    static Path stateDirectory(String run) {
        try {
            return Files.createTempDirectory(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the benchmark", e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's state directory " + directory, e);
        }
    }
}
