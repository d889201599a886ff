/**
 * A model version's training baseline in plain Java: per column the mergeable profile the streaming
 * windows are compared with, the schema facts a skew check needs, and thresholds calibrated on the
 * training data. Built from the typed columns a file reader produces; turning it into the published Avro
 * record is the job of whoever can see both (the {@code app} module), since statistics import no Kafka or
 * Avro.
 */
@NullMarked
package io.driftwatch.stats.baseline;

import org.jspecify.annotations.NullMarked;
