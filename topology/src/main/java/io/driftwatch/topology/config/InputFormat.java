package io.driftwatch.topology.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How records on an input topic are encoded: the three ways model servers write inference logs. */
public enum InputFormat {
    /** Avro in the Confluent wire format: magic byte 0, 4-byte schema id, Avro binary; schemas from a registry. */
    AVRO_REGISTRY,
    /** Avro single-object encoding: C3 01, 8-byte schema fingerprint, Avro binary; schemas from .avsc files. */
    AVRO_SINGLE,
    /** One JSON object per record. */
    JSON;

    /** The name used in configuration and on the command line, e.g. {@code avro-registry}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException listing the accepted names
     */
    public static InputFormat parse(String text) {
        for (InputFormat format : values()) {
            if (format.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'; use one of "
                + Arrays.stream(values()).map(InputFormat::label).collect(Collectors.joining(", ")));
    }
}
