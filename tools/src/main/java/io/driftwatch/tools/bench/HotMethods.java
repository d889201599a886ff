package io.driftwatch.tools.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the stream threads spend their time during a benchmark: a Java Flight Recorder recording with the
 * JDK's "profile" settings, reduced to the methods most often on the stack of a stream thread's execution
 * samples. "Self" counts a method when it was the top frame; "total" when it was anywhere on the stack,
 * leaving out the frames of Kafka Streams' own task loop, which are on every stack.
 */
final class HotMethods implements AutoCloseable {
    private static final String STREAM_THREAD = "StreamThread";
    private static final String STREAMS_LOOP = "org.apache.kafka.streams.processor.internals.";

    private final Recording recording;

    private HotMethods(Recording recording) {
        this.recording = recording;
    }

    static HotMethods start() {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return new HotMethods(recording);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the JDK's JFR 'profile' settings cannot be read: " + e.getMessage(), e);
        }
    }

    /** Stops the recording and returns the {@code top} methods by total and by self samples, as text lines. */
    List<String> stop(int top) {
        recording.stop();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        try {
            Path file = Files.createTempFile("driftwatch-bench", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    RecordedThread thread = event.getEventType().getName().equals("jdk.ExecutionSample")
                            ? event.getThread("sampledThread") : null;
                    RecordedStackTrace stack = event.getStackTrace();
                    if (thread == null || stack == null || thread.getJavaName() == null
                            || !thread.getJavaName().contains(STREAM_THREAD) || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                    Set<String> onStack = new HashSet<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        onStack.add(name(frame));
                    }
                    onStack.stream().filter(method -> !method.startsWith(STREAMS_LOOP) && !method.startsWith("java.lang.Thread."))
                            .forEach(method -> total.merge(method, 1, Integer::sum));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording", e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Stream-thread execution samples: %d (JFR 'profile' settings)", samples));
        lines.add("  total  method (anywhere on the stack; Kafka Streams' task loop left out)");
        lines.addAll(ranked(total, samples, top));
        lines.add("  self   method (top of the stack)");
        lines.addAll(ranked(self, samples, top));
        return lines;
    }

    private static List<String> ranked(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(entry -> String.format(Locale.ROOT, "  %5.1f%% %s", 100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    @Override
    public void close() {
        recording.close();
    }
}
