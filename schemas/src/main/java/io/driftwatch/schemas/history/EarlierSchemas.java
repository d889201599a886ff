package io.driftwatch.schemas.history;

import io.driftwatch.schemas.SchemaException;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The schemas earlier driftwatch versions wrote for a record that has since gained fields. Single-object
 * encoding names the writer schema by fingerprint only, so a reader must know every writer schema that
 * may still sit on a topic; a decoder given these resolves old records to the current class (new fields
 * take their defaults). Each evolution adds its predecessor's {@code .avsc} under
 * {@code io/driftwatch/schemas/history/} and a line to {@link #HISTORY}.
 */
public final class EarlierSchemas {
    private static final Map<String, List<String>> HISTORY = Map.of(
            "io.driftwatch.schemas.record.AlertEvent", List.of("AlertEvent-1.avsc", "AlertEvent-2.avsc", "AlertEvent-3.avsc", "AlertEvent-4.avsc",
                    "AlertEvent-5.avsc"),
            "io.driftwatch.schemas.record.Baseline", List.of("Baseline-1.avsc", "Baseline-2.avsc", "Baseline-3.avsc"),
            "io.driftwatch.schemas.record.DriftReport", List.of("DriftReport-1.avsc", "DriftReport-2.avsc"),
            "io.driftwatch.schemas.record.QualityReport", List.of("QualityReport-1.avsc", "QualityReport-2.avsc", "QualityReport-3.avsc"),
            "io.driftwatch.schemas.record.RetrainingTrigger", List.of("RetrainingTrigger-1.avsc"));

    private EarlierSchemas() {
    }

    /**
     * The earlier writer schemas of {@code current}'s record, oldest first; empty when it never changed.
     *
     * @throws SchemaException when a bundled schema cannot be read (a broken build)
     */
    public static List<Schema> of(Schema current) {
        requireNonNull(current, "current");
        List<Schema> schemas = new ArrayList<>();
        for (String file : HISTORY.getOrDefault(current.getFullName(), List.of())) {
            try (InputStream in = EarlierSchemas.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new SchemaException("schema history file " + file + " is missing from the jar");
                }
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new SchemaException("cannot read schema history file " + file, e);
            }
        }
        return List.copyOf(schemas);
    }
}
