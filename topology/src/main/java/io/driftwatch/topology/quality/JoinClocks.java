package io.driftwatch.topology.quality;

import io.driftwatch.topology.state.CachedObjectStore;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The event time of each input of one label-join partition: how far the predictions it has read have got, and
 * how far the labels have. A prediction waits for its label until the labels' clock passes its event time plus
 * the maximum delay, and a label waits for its prediction until the predictions' clock does; a window of
 * predictions is complete when both have passed it. With one clock for both, the order in which Kafka Streams
 * reads the two topics decided the join: a replay that wrote a month of predictions before their labels (Kafka
 * Streams reads the lower Kafka timestamps first) moved event time to the end of the month before the first
 * label was read, and most labels came too late. Per input, a replay gives what live traffic gave.
 *
 * <p>An input that stays quiet for the catch-up time while the other has records (a label feed that stopped,
 * or never started) has its clock catch up with the other's, so predictions still expire as unlabelled and the
 * state stays bounded; a catch-up time of zero makes the two clocks one, as before. The clocks live in the
 * join's clock store under reserved keys, so a restart resumes them; a store written before these keys existed
 * starts both from its single partition clock. Not thread-safe: one per join task.
 */
final class JoinClocks {
    static final String PREDICTIONS = "\u0000predictions";
    static final String LABELS = "\u0000labels";

    private final CachedObjectStore<String, Long> store;
    private final long catchUpMillis;
    private long predictionsMillis;
    private long labelsMillis;
    private long lastPredictionWallMillis;
    private long lastLabelWallMillis;

    /**
     * @param store          the join's clock store
     * @param partitionClock the partition clock a store of an earlier version holds, Long.MIN_VALUE for none
     * @param catchUp        wall-clock time without records of one input after which its clock catches up
     * @param wallMillis     now
     */
    JoinClocks(CachedObjectStore<String, Long> store, long partitionClock, Duration catchUp, long wallMillis) {
        this.store = requireNonNull(store, "store");
        this.catchUpMillis = catchUp.toMillis();
        Long predictions = store.get(PREDICTIONS);
        Long labels = store.get(LABELS);
        this.predictionsMillis = predictions != null ? predictions : partitionClock;
        this.labelsMillis = labels != null ? labels : partitionClock;
        this.lastPredictionWallMillis = wallMillis;
        this.lastLabelWallMillis = wallMillis;
    }

    static boolean isReserved(String key) {
        return key.equals(PREDICTIONS) || key.equals(LABELS);
    }

    void prediction(long eventMillis, long wallMillis) {
        lastPredictionWallMillis = wallMillis;
        if (eventMillis > predictionsMillis) {
            predictionsMillis = eventMillis;
            store.put(PREDICTIONS, predictionsMillis);
        }
    }

    void label(long eventMillis, long wallMillis) {
        lastLabelWallMillis = wallMillis;
        if (eventMillis > labelsMillis) {
            labelsMillis = eventMillis;
            store.put(LABELS, labelsMillis);
        }
    }

    /** How far labels have got: what decides that a prediction's label is not coming. */
    long labelsMillis(long wallMillis) {
        return wallMillis - lastLabelWallMillis >= catchUpMillis ? Math.max(labelsMillis, predictionsMillis) : labelsMillis;
    }

    /** How far predictions have got: what decides that a label's prediction is not coming. */
    long predictionsMillis(long wallMillis) {
        return wallMillis - lastPredictionWallMillis >= catchUpMillis ? Math.max(predictionsMillis, labelsMillis) : predictionsMillis;
    }

    /** The event time up to which both inputs have been read: windows before it hold all they will hold. */
    long completeMillis(long wallMillis) {
        return Math.min(labelsMillis(wallMillis), predictionsMillis(wallMillis));
    }

    /** The whole partition went quiet: both inputs' event time runs on to {@code eventMillis} if behind it. */
    void runOn(long eventMillis) {
        if (eventMillis > predictionsMillis) {
            predictionsMillis = eventMillis;
            store.put(PREDICTIONS, predictionsMillis);
        }
        if (eventMillis > labelsMillis) {
            labelsMillis = eventMillis;
            store.put(LABELS, labelsMillis);
        }
    }
}
