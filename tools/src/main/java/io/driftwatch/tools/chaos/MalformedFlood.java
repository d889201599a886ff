package io.driftwatch.tools.chaos;

import io.driftwatch.schemas.format.CorpusSchemas;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.testkit.corpus.MalformedCorpus;
import io.driftwatch.testkit.corpus.MalformedCorpus.Case;
import io.driftwatch.testkit.corpus.MalformedCorpus.Format;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * One input format's flood: good inferences in {@link #WINDOWS} windows, with malformed records of the corpus
 * ({@link MalformedCorpus}, every kind it lists) at random positions among them, and one closer per partition at
 * the end. It remembers which position holds which malformed case, so each dead letter can be checked against
 * the record it stands for.
 */
final class MalformedFlood {
    static final int WINDOWS = 4;

    private final List<byte @Nullable []> values;
    private final Map<Integer, Case> malformedAt;
    private final long goodInWindows;

    private MalformedFlood(List<byte @Nullable []> values, Map<Integer, Case> malformedAt, long goodInWindows) {
        this.values = values;
        this.malformedAt = malformedAt;
        this.goodInWindows = goodInWindows;
    }

    /**
     * The corpus's malformed cases of every format, at least {@code perFormat} of each: distinct cases from
     * successive seeds of the corpus, each seed giving every kind once more.
     */
    static Map<Format, List<Case>> corpusCases(int perFormat) {
        Map<Format, List<Case>> cases = new EnumMap<>(Format.class);
        for (Format format : Format.values()) {
            cases.put(format, new ArrayList<>());
        }
        for (long seed = 1; cases.values().stream().anyMatch(c -> c.size() < perFormat); seed++) {
            for (Case c : MalformedCorpus.generate(seed)) {
                List<Case> ofFormat = requireNonNull(cases.get(c.format()), "a list per format was put above");
                if (!c.isGood() && ofFormat.size() < perFormat) {
                    ofFormat.add(c);
                }
            }
        }
        return cases;
    }

    /** {@code records} records in all, {@code malformed.size()} of them malformed, over {@code partitions} partitions. */
    @SuppressWarnings("EnumOrdinal") // the ordinal only seeds the shuffle, one seed per format; no value depends on the order
    static MalformedFlood of(Format format, List<Case> malformed, int records, int partitions, Duration window, Duration grace) {
        int good = records - malformed.size() - partitions;
        SteadyInferences traffic = new SteadyInferences(window.multipliedBy(WINDOWS).dividedBy(good));
        List<Boolean> isMalformed = new ArrayList<>(Collections.nCopies(records - partitions, false));
        Collections.fill(isMalformed.subList(0, malformed.size()), true);
        Collections.shuffle(isMalformed, new Random(format.ordinal()));
        List<byte @Nullable []> values = new ArrayList<>(records);
        Map<Integer, Case> malformedAt = new HashMap<>();
        int nextMalformed = 0;
        for (boolean bad : isMalformed) {
            if (bad) {
                Case c = malformed.get(nextMalformed++);
                malformedAt.put(values.size(), c);
                values.add(c.value());
            } else {
                values.add(encode(format, traffic.next()));
            }
        }
        for (int partition = 0; partition < partitions; partition++) {
            values.add(encode(format, traffic.closer(partition, window, grace)));
        }
        return new MalformedFlood(values, malformedAt, traffic.sent());
    }

    private static byte[] encode(Format format, InferenceLog log) {
        return switch (format) {
            case CONFLUENT_AVRO -> RecordEncoders.confluent(log, CorpusSchemas.CURRENT);
            case SINGLE_OBJECT_AVRO -> RecordEncoders.singleObject(log);
            case JSON -> RecordEncoders.json(log);
        };
    }

    /** Every record value, in the order to send them. */
    List<byte @Nullable []> values() {
        return values;
    }

    /** The malformed case at each position of {@link #values()}. */
    Map<Integer, Case> malformedAt() {
        return malformedAt;
    }

    /** Good records in the windows the closers close: what the run must count. */
    long goodInWindows() {
        return goodInWindows;
    }
}
