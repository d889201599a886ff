package io.driftwatch.cli;

import io.driftwatch.topology.config.DriftwatchConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The options of the processes that run from driftwatch's properties file ({@code run}, {@code alerts}): the
 * Kafka client options every Kafka command shares, and {@code --set KEY=VALUE} over them, so both name a bad
 * file or key alike.
 */
public final class ConfigFileOptions {
    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting of --config. Repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    /** The options as if given on the command line. */
    static ConfigFileOptions of(Path configFile, Map<String, String> overrides) {
        ConfigFileOptions options = new ConfigFileOptions();
        options.kafka = KafkaClientOptions.of(null, configFile);
        options.overrides = new LinkedHashMap<>(overrides);
        return options;
    }

    @Nullable Path file() {
        return kafka.file();
    }

    /** Where the settings came from, for messages that ask the user to check them. */
    String source() {
        return kafka.source();
    }

    /** @throws BadInputException naming the file, or the key and what it expects */
    DriftwatchConfig driftwatchConfig() throws BadInputException {
        return parse(DriftwatchConfig::new);
    }

    /**
     * The file's settings with the overrides and {@code --bootstrap-servers} applied, handed to {@code parser}.
     *
     * @throws BadInputException naming the file, or the key and what it expects
     */
    <T> T parse(Function<Map<String, Object>, T> parser) throws BadInputException {
        return kafka.parse(overrides, parser);
    }
}
