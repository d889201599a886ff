package io.driftwatch.tools.chaos;

import io.driftwatch.cli.DriftwatchCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A model whose traffic drifts in known episodes: a baseline from training data, then {@code windows} windows of
 * inferences in which the {@code age} feature shifts by 2.4 standard deviations during each episode. Each
 * episode must give exactly one trigger. Windows stay within the exact-value cap of {@link RunSettings}, so every
 * report value is exact and two runs over this traffic must agree to the last bit.
 */
final class KnownDrift {
    static final String TOPIC = "inferences";
    static final String MODEL = "fraud";
    static final String VERSION = "v3";
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Per-window records stay within this, so every statistic is exact. */
    static final int EXACT_VALUES = 5_000;
    private static final List<String> COUNTRIES = List.of("NO", "SE", "DK");

    private final int windows;
    private final int recordsPerWindow;
    private final List<int[]> episodes;

    private KnownDrift(int windows, int recordsPerWindow, List<int[]> episodes) {
        this.windows = windows;
        this.recordsPerWindow = recordsPerWindow;
        this.episodes = episodes;
    }

    /**
     * 16 windows with episodes at windows 3-4 and 10-12 (short), or 32 windows with four episodes (full). An episode
     * lasts two or three windows: the trigger rule fires on two drifted windows in a row and, with no cool-down,
     * would fire again on a fourth.
     */
    static KnownDrift sized(ChaosRun run, int recordsPerWindow) {
        if (recordsPerWindow > EXACT_VALUES) {
            throw new IllegalArgumentException("recordsPerWindow " + recordsPerWindow + " exceeds the exact-value cap " + EXACT_VALUES);
        }
        List<int[]> episodes = new ArrayList<>(List.of(new int[] {3, 4}, new int[] {10, 12}));
        if (run.full()) {
            episodes.addAll(List.of(new int[] {18, 19}, new int[] {25, 27}));
        }
        return new KnownDrift(run.full() ? 32 : 16, recordsPerWindow, episodes);
    }

    /** The settings of a run named {@code run} over this traffic on {@code partitions} partitions: its windows, every value exact. */
    RunSettings settings(String bootstrapServers, String run, int partitions) {
        return RunSettings.of(bootstrapServers, run, WINDOW, partitions, EXACT_VALUES);
    }

    int windows() {
        return windows;
    }

    int records() {
        return windows * recordsPerWindow;
    }

    int episodes() {
        return episodes.size();
    }

    /**
     * Publishes the baseline and produces every window's inferences, plus one record per partition past the last window's
     * grace so every window closes, in {@code run}'s directory, and says so in its transcript.
     */
    void publish(ChaosRun run, String bootstrapServers, int partitions) throws IOException {
        Path directory = run.directory();
        Random random = new Random(5);
        publishBaseline(bootstrapServers, directory, VERSION, random);
        execute("produce", "--bootstrap-servers", bootstrapServers, "--topic", TOPIC, "--encoding", "json",
                "--partitions", Integer.toString(partitions), "--model", MODEL, "--model-version", VERSION, traffic(directory, random).toString());
        run.did("produced %,d inferences in %d windows with %d drift episodes, over %d partitions", records(), windows, episodes(), partitions);
    }

    /** Publishes a baseline for {@code version} of the model from 2,000 undrifted training rows ({@code age}, {@code country}). */
    static void publishBaseline(String bootstrapServers, Path directory, String version, Random random) throws IOException {
        execute("baseline", "--model", MODEL, "--model-version", version, "--input", training(directory, random).toString(),
                "--bootstrap-servers", bootstrapServers);
    }

    /** One undrifted inference row of {@code traffic.csv}'s columns after its id and time: age, country, prediction. */
    static String undriftedFeatures(Random random) {
        double age = 40 + random.nextGaussian() * 5;
        return String.format(Locale.ROOT, "%.3f,%s,%.4f", age, COUNTRIES.get(random.nextInt(3)), age / 100);
    }

    /** Runs a {@code driftwatch} command in this JVM, as a user would run it, failing with its error output if it fails. */
    static void execute(String... arguments) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(arguments);
        if (exit != 0) {
            throw new IllegalStateException("driftwatch " + String.join(" ", arguments) + " exited " + exit + ": " + err);
        }
    }

    private static Path training(Path directory, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("age,country\n");
        // At most the baseline's exact-value cap (2,048), so the baseline is exact too.
        for (int i = 0; i < 2000; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%s%n", 40 + random.nextGaussian() * 5, COUNTRIES.get(random.nextInt(3))));
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    private Path traffic(Path directory, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,age,country,prediction\n");
        int id = 0;
        long spacing = WINDOW.toMillis() / recordsPerWindow;
        for (int window = 0; window < windows; window++) {
            boolean shifted = inEpisode(window);
            for (int i = 0; i < recordsPerWindow; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * spacing);
                double age = 40 + (shifted ? 12 : 0) + random.nextGaussian() * 5;
                csv.append(String.format(Locale.ROOT, "r%d,%s,%.3f,%s,%.4f%n", id++, time, age, COUNTRIES.get(random.nextInt(3)), age / 100));
            }
        }
        for (int closer = 0; closer < 8; closer++) {
            csv.append(String.format(Locale.ROOT, "closer-%d,%s,40,NO,0.4%n", closer, T0.plus(WINDOW.multipliedBy(windows + 3))));
        }
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    private boolean inEpisode(int window) {
        return episodes.stream().anyMatch(e -> window >= e[0] && window <= e[1]);
    }
}
