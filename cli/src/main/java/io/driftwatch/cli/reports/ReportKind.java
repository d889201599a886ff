package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.topics.Topic;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What {@code reports} needs to know about one record type of one topic: how to filter it, how to print it as JSON and
 * as table rows. One implementation per subcommand, so each command reads only the record type of its topic.
 *
 * @param <V> the Avro record class the topic holds
 */
interface ReportKind<V> {
    /** The topic and its value serde. */
    Topic<String, V> topic();

    /** The model the record is about; null when the record type carries none (dead letters). */
    @Nullable String model(V record);

    /** The model version the record is about; null when the record type carries none. */
    @Nullable String version(V record);

    /** The time {@code --since} and {@code --until} compare: a window's start, a dead letter's record time. */
    Instant time(V record);

    /** The record as a JSON object with the stable snake_case keys docs/reports.md lists. */
    ObjectNode json(V record);

    /** The table's column names. */
    List<String> header();

    /** The table rows the record prints as, each as long as {@link #header()}. */
    List<List<String>> rows(V record);

    /** Whether the records name a model and version that --model and --model-version can filter on. */
    default boolean carriesModel() {
        return true;
    }

    /**
     * The key under which a later record replaces an earlier one in the table (the quality report of a window updated
     * as labels arrive); null when every record gets its own rows.
     */
    default @Nullable String replaceKey(V record) {
        return null;
    }
}
