package io.driftwatch.tools.chaos;

import io.driftwatch.cli.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code driftwatch} command in a JVM of its own, started from this JVM's class path, so a scenario can kill
 * it the way an operating system or an orchestrator does (SIGKILL) and start it again. Its output goes to a
 * log file the scenario names, kept for reading when a check fails. Its temporary files (the native libraries
 * RocksDB and LZ4 unpack, which a killed JVM cannot delete) go to a folder beside that log, inside the scenario's
 * directory, instead of the machine's /tmp.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code driftwatch ARGUMENTS} with at most {@code heapMegabytes} of heap, output appended to {@code log}. */
    static ChildJvm start(int heapMegabytes, Path log, String... arguments) throws IOException {
        Path temporary = Files.createDirectories(log.toAbsolutePath().resolveSibling("jvm-tmp"));
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMegabytes + "m", "-Djava.io.tmpdir=" + temporary, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // A suite stopped with Ctrl-C must not leave a service running against a broker that is gone.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "driftwatch-chaos-child-stop"));
        return new ChildJvm(process, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an orchestrator stops a container, waiting up to a minute before killing it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
