package io.driftwatch.cli;

import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The Kafka client options of every command that talks to Kafka ({@code baseline}, {@code produce},
 * {@code triggers}, {@code run}, {@code alerts}), written once so each names and reads them alike:
 * {@code --bootstrap-servers} and {@code --config}, the one properties file {@code run} takes (Kafka client
 * settings such as {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, and {@code driftwatch.*} keys,
 * topic names included). What the command line gives wins over the file.
 */
public final class KafkaClientOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka brokers to connect to; wins over bootstrap.servers of --config.")
    private @Nullable String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file, the one run takes: Kafka client settings (security.protocol, sasl.*, ssl.*,"
                    + " tuning) and driftwatch.* keys, topic names included.")
    private @Nullable Path configFile;

    /** The options as if given on the command line. */
    static KafkaClientOptions of(@Nullable String bootstrapServers, @Nullable Path configFile) {
        KafkaClientOptions options = new KafkaClientOptions();
        options.bootstrapServers = bootstrapServers;
        options.configFile = configFile;
        return options;
    }

    /**
     * Takes the file of a command's deprecated spelling of {@code --config} ({@code --producer-config},
     * {@code --consumer-config}), warning once on the command's error stream.
     *
     * @throws BadInputException when both spellings were given
     */
    void acceptDeprecatedConfig(CommandSpec spec, String alias, @Nullable Path aliasFile) throws BadInputException {
        configFile = DeprecatedOption.resolve(spec, "--config", configFile, alias, aliasFile);
    }

    @Nullable Path file() {
        return configFile;
    }

    /** Where the settings came from, for messages that ask the user to check them. */
    String source() {
        return configFile == null ? "--bootstrap-servers" : configFile.toString();
    }

    /** Whether the brokers are given, on the command line or in the file. */
    boolean hasBootstrapServers() throws BadInputException {
        return settings(Map.of()).get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) != null;
    }

    /**
     * The file's settings, then {@code overrides}, then {@code --bootstrap-servers}: the command line wins.
     *
     * @throws BadInputException when the file is missing or is not a properties file
     */
    Map<String, Object> settings(Map<String, String> overrides) throws BadInputException {
        Map<String, Object> settings = new HashMap<>();
        if (configFile != null) {
            settings.putAll(DriftwatchConfig.fromProperties(readProperties(configFile)));
        }
        settings.putAll(overrides);
        if (bootstrapServers != null) {
            settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        return settings;
    }

    /**
     * The settings with {@code overrides} applied, handed to {@code parser}.
     *
     * @throws BadInputException naming the file, or the key and what it expects, or that no broker is given
     */
    <T> T parse(Map<String, String> overrides, Function<Map<String, Object>, T> parser) throws BadInputException {
        Map<String, Object> settings = settings(overrides);
        if (settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new BadInputException("no Kafka to connect to: pass --bootstrap-servers HOST:PORT, or set"
                    + " bootstrap.servers in the --config file" + (configFile == null ? "" : " " + configFile));
        }
        try {
            return parser.apply(settings);
        } catch (ConfigException e) {
            throw new BadInputException((configFile == null ? "" : configFile + ": ") + e.getMessage(), e);
        }
    }

    /** The settings as driftwatch's configuration, defaults filled in. */
    public DriftwatchConfig driftwatchConfig() throws BadInputException {
        return parse(Map.of(), DriftwatchConfig::new);
    }

    /**
     * A properties file as {@code --config} names it, with one clear line when it is missing or unreadable.
     *
     * @throws BadInputException naming the file and what it must be
     */
    public static Properties readProperties(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--config " + file + " does not exist or is not a file; check the path");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read --config " + file + ": " + e.getMessage()
                    + "; it must be a Java properties file (key=value lines)", e);
        }
        return properties;
    }
}
