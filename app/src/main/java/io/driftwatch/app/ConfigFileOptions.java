package io.driftwatch.app;

import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The {@code --config FILE} and {@code --set KEY=VALUE} options of the processes that read driftwatch's
 * properties file ({@code run}, {@code alerts}), and the reading of it, so both name a bad file or key alike.
 */
public final class ConfigFileOptions {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Properties file.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting. Repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    /** The options as if given on the command line. */
    static ConfigFileOptions of(Path configFile, Map<String, String> overrides) {
        ConfigFileOptions options = new ConfigFileOptions();
        options.configFile = configFile;
        options.overrides = new LinkedHashMap<>(overrides);
        return options;
    }

    Path file() {
        return configFile;
    }

    /** @throws BadInputException naming the file, or the key and what it expects */
    DriftwatchConfig driftwatchConfig() throws BadInputException {
        return parse(DriftwatchConfig::new);
    }

    /**
     * The file's settings with the overrides applied, handed to {@code parser}.
     *
     * @throws BadInputException naming the file, or the key and what it expects
     */
    <T> T parse(Function<Map<String, Object>, T> parser) throws BadInputException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new BadInputException("cannot read the configuration " + configFile + ": " + e.getMessage(), e);
        }
        Map<String, Object> settings = new HashMap<>(DriftwatchConfig.fromProperties(properties));
        settings.putAll(overrides);
        try {
            return parser.apply(settings);
        } catch (ConfigException e) {
            throw new BadInputException(configFile + ": " + e.getMessage(), e);
        }
    }
}
