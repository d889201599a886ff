package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.ConfluentAvroDecoder;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.LocalSchemaStore;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.format.RecordMapping;
import io.driftwatch.schemas.format.SingleObjectAvroDecoder;
import io.driftwatch.schemas.mapping.MappingProperties;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.SchemaLookup;
import io.driftwatch.schemas.registry.SchemaRegistryClient;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Builds the decoders of the two input topics from the configuration: the configured format, the user's
 * field mapping ({@code driftwatch.mapping.*}) and the record limits. One registry client is shared by
 * both topics, so its schema cache is too.
 */
public final class DecoderFactory {
    private final DriftwatchConfig config;
    private final DecodeLimits limits;
    private @Nullable SchemaLookup registry;

    public DecoderFactory(DriftwatchConfig config) {
        this.config = requireNonNull(config, "config");
        this.limits = config.decodeLimits();
    }

    /** Uses {@code lookup} instead of a registry client built from the configuration (tests, embedded demo). */
    public DecoderFactory withRegistry(SchemaLookup lookup) {
        this.registry = requireNonNull(lookup, "lookup");
        return this;
    }

    public RecordDecoder<InferenceLog> inferences() {
        return decoder(config.inputFormat(), MappingProperties.inference(config.originals()));
    }

    public RecordDecoder<FeedbackLabel> labels() {
        return decoder(config.labelsFormat(), MappingProperties.label(config.originals()));
    }

    private <T> RecordDecoder<T> decoder(InputFormat format, RecordMapping<T> mapping) {
        return switch (format) {
            case JSON -> new JsonDecoder<>(mapping, limits);
            case AVRO_SINGLE -> new SingleObjectAvroDecoder<>(
                    LocalSchemaStore.load(config.schemaPaths().stream().map(Path::of).toList()), mapping, limits);
            case AVRO_REGISTRY -> new ConfluentAvroDecoder<>(registry(), mapping, limits);
        };
    }

    private SchemaLookup registry() {
        if (registry == null) {
            registry = new SchemaRegistryClient(config.registrySettings());
        }
        return registry;
    }
}
